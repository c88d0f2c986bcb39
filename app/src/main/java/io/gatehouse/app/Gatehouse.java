package io.gatehouse.app;

import io.gatehouse.app.policy.PolicyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gatehouse} command. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, version = "gatehouse 0.1.0",
        description = "Self-hosted identity and access management, wire-compatible with AWS IAM.",
        subcommands = {ServeCommand.class, PolicyCommand.class})
public final class Gatehouse implements Runnable {

    public static void main(String[] args) {
        JulBridge.install();
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, as {@link #main} runs it. */
    public static CommandLine commandLine() {
        return new CommandLine(new Gatehouse());
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
