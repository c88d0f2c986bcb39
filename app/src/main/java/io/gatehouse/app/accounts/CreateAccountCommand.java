package io.gatehouse.app.accounts;

import io.gatehouse.app.DataLocation;
import io.gatehouse.server.Bootstrap;
import io.gatehouse.server.GatehouseData;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.state.Account;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse accounts create}: adds an account with its root user and the root user's access key to the data a
 * server runs on, and prints the key once.
 *
 * <p>A running server holds the state in memory and reads the store only when it starts: it sees the new account
 * after its next start, and until then refuses the new key as it refuses any key it does not know. The command is
 * safe to run beside it: it writes only the new account's rows, in a transaction of its own.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an account with its root user and the root user's access key, and print the key once;",
                "with --root-email, the root user also signs in to the console with that address and a password.",
                "A server already running on the same data sees the account after it restarts.",
                "Exit status: 0 created, 1 refused (the account exists, or there is no data), 2 usage error."})
public final class CreateAccountCommand implements Callable<Integer> {

    /** The exit status of a refusal that is not a usage error. */
    static final int REFUSED = 1;

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--account-id", paramLabel = "ID",
            description = "The new account's 12-digit id (default: a random id no account has).")
    String accountId;

    @Option(names = "--root-email", paramLabel = "EMAIL",
            description = {"The root user's email address, to sign in to the console with (POST /signin).",
                    "Its password comes from GATEHOUSE_ROOT_PASSWORD, the terminal, or --password-stdin."})
    String rootEmail;

    @Mixin
    DataLocation data;

    @Mixin
    RootPasswordOptions password;

    private final InputStream stdin;

    /**
     * @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) and the
     *                    root password ({@code GATEHOUSE_ROOT_PASSWORD})
     * @param stdin       standard input, for {@code --password-stdin}
     */
    public CreateAccountCommand(Map<String, String> environment, InputStream stdin) {
        this.environment = environment;
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        if (accountId != null && !Bootstrap.isAccountId(accountId)) {
            return refuse(CommandLine.ExitCode.USAGE, "--account-id '" + accountId + "' is not an account id: an AWS "
                    + "account id is 12 digits, e.g. 123456789012. Give 12 digits, or leave --account-id out to get "
                    + "an unused random id.");
        }
        GatehouseData opened;
        try {
            opened = data.openExisting(environment);
        } catch (IllegalStateException noData) {
            return refuse(REFUSED, noData.getMessage() + ".");
        }
        try (opened) {
            if (opened.state().current().accounts().isEmpty()) {
                return refuse(REFUSED, data.where() + " holds no account yet: start the server on it once (gatehouse "
                        + "serve) to create the default account and its root credentials, then add accounts.");
            }
            if (accountId != null && opened.state().current().account(accountId) != null) {
                return refuse(REFUSED, "account " + accountId + " already exists in " + data.where() + ". Choose another "
                        + "--account-id, or leave it out to get an unused random id.");
            }
            Account.RootLogin login;
            try {
                login = rootEmail == null ? null : password.login(rootEmail, environment, password.input(stdin));
            } catch (IllegalArgumentException | IllegalStateException refused) {
                return refuse(REFUSED, refused.getMessage() + ".");
            }
            Ids ids = new Ids();
            String id = accountId != null ? accountId : Bootstrap.unusedAccountId(opened.state().current(), ids);
            Bootstrap.RootCredentials root;
            try {
                root = Bootstrap.createAccount(opened.state(), ids, Clock.systemUTC(), id, null, null, login);
            } catch (IllegalArgumentException taken) {
                return refuse(REFUSED, taken.getMessage() + ".");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Gatehouse created account " + root.accountId() + ". Its root user's access key, shown once:");
            out.println("  aws_access_key_id     = " + root.accessKeyId());
            out.println("  aws_secret_access_key = " + root.secretAccessKey());
            if (login != null) {
                out.println("Its root user signs in to the console as " + login.email() + ".");
            }
            out.println("A server already running on this data sees the account after it restarts.");
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    private int refuse(int status, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("gatehouse accounts create: " + message);
        err.flush();
        return status;
    }
}
