package io.gatehouse.app.workload;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse workload}: the bearer tokens of workloads. Its subcommands are wired by hand. */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "Issue and revoke the tokens workloads trade for role credentials at the container-credentials "
                + "endpoint.")
public final class WorkloadCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
