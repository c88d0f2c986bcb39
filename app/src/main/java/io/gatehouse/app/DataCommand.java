package io.gatehouse.app;

import io.gatehouse.server.GatehouseData;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the administration commands that work on a server's data share ({@code gatehouse workload token},
 * {@code gatehouse keys rotate-…}): they open existing data (creating nothing), do their work on it, and print a
 * refusal on standard error, prefixed with the command's name, with exit status {@value #REFUSED}.
 */
public abstract class DataCommand implements Callable<Integer> {

    /** The exit status of a refusal that is not a usage error. */
    public static final int REFUSED = 1;

    private final Map<String, String> environment;

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected DataLocation data;

    /** @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) */
    protected DataCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public final Integer call() {
        GatehouseData opened;
        try {
            opened = data.openExisting(environment);
        } catch (IllegalStateException noData) {
            return refuse(noData.getMessage());
        }
        try (opened) {
            int status = run(opened);
            out().flush();
            return status;
        } catch (IllegalArgumentException refused) {
            return refuse(refused.getMessage());
        }
    }

    /**
     * The command's work on the opened data.
     *
     * @return the exit status
     * @throws IllegalArgumentException a refusal, its message for the operator
     */
    protected abstract int run(GatehouseData opened);

    /** Where the command reports. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private int refuse(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + message + ".");
        err.flush();
        return REFUSED;
    }
}
