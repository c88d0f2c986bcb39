package io.gatehouse.app.keys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys}: administer the server's own keys. Its subcommands are wired by hand. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Administer the keys of a Gatehouse data directory or database.")
public final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
