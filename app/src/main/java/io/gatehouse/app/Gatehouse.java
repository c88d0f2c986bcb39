package io.gatehouse.app;

import io.gatehouse.app.accounts.AccountsCommand;
import io.gatehouse.app.accounts.CreateAccountCommand;
import io.gatehouse.app.accounts.SetRootPasswordCommand;
import io.gatehouse.app.login.LoginCommand;
import io.gatehouse.app.keys.KeysCommand;
import io.gatehouse.app.keys.RotateSessionKeyCommand;
import io.gatehouse.app.keys.RotateTokenSigningKeysCommand;
import io.gatehouse.app.policy.PolicyCommand;
import io.gatehouse.app.workload.IssueWorkloadTokenCommand;
import io.gatehouse.app.workload.RevokeWorkloadTokenCommand;
import io.gatehouse.app.workload.WorkloadCommand;
import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code gatehouse} command. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, version = "gatehouse 0.1.0",
        description = "Self-hosted identity and access management, wire-compatible with AWS IAM.",
        subcommands = {ServeCommand.class, PolicyCommand.class})
public final class Gatehouse implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        JulBridge.install();
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, as {@link #main} runs it. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /**
     * The command line with every subcommand, in an environment of the caller's choosing.
     *
     * @param environment what the commands that open a data directory read their master key from
     */
    public static CommandLine commandLine(Map<String, String> environment) {
        return commandLine(environment, System.in);
    }

    /**
     * The command line with every subcommand, in an environment and with a standard input of the caller's choosing.
     *
     * @param stdin what {@code --password-stdin} reads
     */
    public static CommandLine commandLine(Map<String, String> environment, InputStream stdin) {
        CommandLine accounts = new CommandLine(new AccountsCommand())
                .addSubcommand(new CreateAccountCommand(environment, stdin))
                .addSubcommand(new SetRootPasswordCommand(environment, stdin));
        CommandLine keys = new CommandLine(new KeysCommand())
                .addSubcommand(new RotateSessionKeyCommand(environment))
                .addSubcommand(new RotateTokenSigningKeysCommand(environment));
        CommandLine workload = new CommandLine(new WorkloadCommand())
                .addSubcommand(new IssueWorkloadTokenCommand(environment))
                .addSubcommand(new RevokeWorkloadTokenCommand(environment));
        return new CommandLine(new Gatehouse()).addSubcommand(accounts).addSubcommand(keys).addSubcommand(workload)
                .addSubcommand(new LoginCommand(environment, stdin));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
