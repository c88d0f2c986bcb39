package io.gatehouse.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gatehouse} command. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, version = "gatehouse 0.1.0",
        description = "Self-hosted identity and access management, wire-compatible with AWS IAM.")
public final class Gatehouse implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Gatehouse()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
