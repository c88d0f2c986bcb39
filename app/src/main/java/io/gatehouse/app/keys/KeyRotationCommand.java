package io.gatehouse.app.keys;

import io.gatehouse.app.DataLocation;
import io.gatehouse.server.GatehouseData;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the {@code gatehouse keys rotate-…} commands share: they open existing data (refusing, with exit status 1, when
 * there is none), rotate one key ring in it and report what they did.
 */
abstract class KeyRotationCommand implements Callable<Integer> {

    private static final int REFUSED = 1;

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Mixin
    DataLocation data;

    /** @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) */
    KeyRotationCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public final Integer call() {
        GatehouseData opened;
        try {
            opened = data.openExisting(environment);
        } catch (IllegalStateException noData) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("gatehouse keys " + spec.name() + ": " + noData.getMessage() + ".");
            err.flush();
            return REFUSED;
        }
        try (opened) {
            PrintWriter out = spec.commandLine().getOut();
            rotate(opened, out);
            out.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /** Rotates the command's keys in the opened data and says what changed on {@code out}. */
    abstract void rotate(GatehouseData opened, PrintWriter out);

    /** The data, as the report names it. */
    String where() {
        return data.where();
    }
}
