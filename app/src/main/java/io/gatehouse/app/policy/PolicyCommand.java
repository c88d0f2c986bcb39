package io.gatehouse.app.policy;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse policy}: work with policy documents and the policy engine offline. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Validate policies and decide requests with the policy engine.",
        subcommands = {ValidateCommand.class, EvalCasesCommand.class, ExplainCommand.class, BenchCommand.class})
public final class PolicyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static int usageError(CommandSpec spec, String message) {
        spec.commandLine().getErr().println("gatehouse " + spec.qualifiedName().replace("gatehouse ", "") + ": " + message);
        return CommandLine.ExitCode.USAGE;
    }
}
