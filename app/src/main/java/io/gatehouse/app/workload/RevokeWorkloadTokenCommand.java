package io.gatehouse.app.workload;

import io.gatehouse.app.DataLocation;
import io.gatehouse.server.GatehouseData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse workload revoke}: deletes a workload token by its id (printed when it was issued, and in the audit
 * events of the credentials it yielded). A server running on the same data refuses it at once; credentials it already
 * yielded stay valid until they expire (at most an hour).
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a workload token by its id: servers on the same data refuse it from now on.",
                "Credentials it already yielded stay valid until they expire (at most an hour).",
                "Exit status: 0 revoked, 1 refused (no such token, or no data), 2 usage error."})
public final class RevokeWorkloadTokenCommand implements Callable<Integer> {

    static final int REFUSED = 1;

    private final Map<String, String> environment;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOKEN_ID", description = "The token's id (64 hex digits).")
    String id;

    @Option(names = "--account", paramLabel = "ID", description = "The token's account (default: every account).")
    String accountId;

    @Mixin
    DataLocation data;

    /** @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) */
    public RevokeWorkloadTokenCommand(Map<String, String> environment) {
        this.environment = environment;
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
            List<String> accounts = accountId != null ? List.of(accountId)
                    : List.copyOf(opened.state().current().accounts().keySet());
            for (String account : accounts) {
                if (opened.workloadTokens().revoke(account, id)) {
                    PrintWriter out = spec.commandLine().getOut();
                    out.println("Revoked workload token " + id + " of account " + account + ".");
                    out.flush();
                    return CommandLine.ExitCode.OK;
                }
            }
            return refuse("there is no workload token " + id + (accountId == null ? "" : " in account " + accountId)
                    + ".");
        }
    }

    private int refuse(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("gatehouse workload revoke: " + message);
        err.flush();
        return REFUSED;
    }
}
