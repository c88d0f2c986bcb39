package io.gatehouse.app.workload;

import io.gatehouse.app.DataLocation;
import io.gatehouse.server.GatehouseData;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code gatehouse workload token} and {@code revoke} share: they open existing data (creating nothing), do their
 * work on it, and print a refusal on standard error with exit status {@value #REFUSED}.
 */
abstract class TokenCommand implements Callable<Integer> {

    /** The exit status of a refusal that is not a usage error. */
    static final int REFUSED = 1;

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Mixin
    DataLocation data;

    /** @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) */
    TokenCommand(Map<String, String> environment) {
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
            return run(opened);
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
    abstract int run(GatehouseData opened);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private int refuse(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("gatehouse workload " + spec.name() + ": " + message + ".");
        err.flush();
        return REFUSED;
    }
}
