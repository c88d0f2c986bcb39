package io.gatehouse.app.accounts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse accounts}: administer the accounts a data directory holds. Its subcommands are wired by hand. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Administer the accounts of a Gatehouse data directory or database.")
public final class AccountsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
