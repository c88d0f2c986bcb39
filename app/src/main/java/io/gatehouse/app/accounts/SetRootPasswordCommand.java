package io.gatehouse.app.accounts;

import io.gatehouse.app.DataLocation;
import io.gatehouse.server.GatehouseData;
import io.gatehouse.server.RootPasswords;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse accounts set-root-password}: sets (or replaces) an account root user's console password, and its
 * email address when one is given or it has none yet. This is the administrator's way back in when the root password
 * is lost: AWS's own recovery goes through email, which Gatehouse does not send. A running server sees the change
 * after it restarts, as with {@code accounts create}.
 */
@Command(name = "set-root-password", mixinStandardHelpOptions = true,
        description = {"Set the console password (and email address) of an account's root user.",
                "The password comes from GATEHOUSE_ROOT_PASSWORD, the terminal, or --password-stdin.",
                "A server already running on the same data sees it after it restarts.",
                "Exit status: 0 set, 1 refused, 2 usage error."})
public final class SetRootPasswordCommand implements Callable<Integer> {

    private final Map<String, String> environment;
    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    @Option(names = "--account-id", paramLabel = "ID", required = true, description = "The account's 12-digit id.")
    String accountId;

    @Option(names = "--root-email", paramLabel = "EMAIL",
            description = "The root user's email address (default: the one it has).")
    String rootEmail;

    @Mixin
    DataLocation data;

    @Mixin
    RootPasswordOptions password;

    public SetRootPasswordCommand(Map<String, String> environment, InputStream stdin) {
        this.environment = environment;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        GatehouseData opened;
        try {
            opened = data.openExisting(environment);
        } catch (IllegalStateException noData) {
            return refuse(noData.getMessage() + ".");
        }
        try (opened) {
            AccountState account = opened.state().current().account(accountId);
            if (account == null) {
                return refuse("there is no account " + accountId + " in " + data.where() + ".");
            }
            Account.RootLogin current = account.account().rootLogin();
            String email = rootEmail != null ? rootEmail : current == null ? null : current.email();
            if (email == null) {
                return refuse("account " + accountId + " has no root email address yet: give one with --root-email.");
            }
            try {
                RootPasswords.set(opened.state(), accountId, password.login(email, environment, password.input(stdin)));
            } catch (IllegalArgumentException | IllegalStateException refused) {
                return refuse(refused.getMessage() + ".");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("The root user of account " + accountId + " signs in to the console as " + email.trim()
                    + " with the new password.");
            out.println("A server already running on this data sees it after it restarts.");
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    private int refuse(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("gatehouse accounts set-root-password: " + message);
        err.flush();
        return CreateAccountCommand.REFUSED;
    }
}
