package io.gatehouse.app.workload;

import io.gatehouse.app.DataCommand;
import io.gatehouse.server.GatehouseData;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse workload revoke}: deletes a workload token by its id (printed when it was issued, and in the audit
 * events of the credentials it yielded). A server running on the same data refuses it at once; credentials it already
 * yielded stay valid until they expire (at most an hour).
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a workload token by its id: servers on the same data refuse it from now on.",
                "Credentials it already yielded stay valid until they expire (at most an hour).",
                "Exit status: 0 revoked, 1 refused (no such token, or no data), 2 usage error."})
public final class RevokeWorkloadTokenCommand extends DataCommand {

    @Parameters(paramLabel = "TOKEN_ID", description = "The token's id (64 hex digits).")
    String id;

    @Option(names = "--account", paramLabel = "ID", description = "The token's account (default: every account).")
    String accountId;

    /** @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) */
    public RevokeWorkloadTokenCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    protected int run(GatehouseData opened) {
        List<String> accounts = accountId != null ? List.of(accountId)
                : List.copyOf(opened.state().current().accounts().keySet());
        for (String account : accounts) {
            if (opened.workloadTokens().revoke(account, id)) {
                PrintWriter out = out();
                out.println("Revoked workload token " + id + " of account " + account + ".");
                out.flush();
                return CommandLine.ExitCode.OK;
            }
        }
        throw new IllegalArgumentException("there is no workload token " + id
                + (accountId == null ? "" : " in account " + accountId));
    }
}
