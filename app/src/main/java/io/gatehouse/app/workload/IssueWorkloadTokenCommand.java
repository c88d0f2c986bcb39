package io.gatehouse.app.workload;

import io.gatehouse.app.DataCommand;
import io.gatehouse.server.GatehouseData;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.workload.WorkloadCredentials;
import io.gatehouse.server.workload.WorkloadToken;
import io.gatehouse.server.workload.WorkloadTokens;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse workload token}: issues a workload a bearer token bound to a role or an instance profile, and prints
 * it once with the two environment variables that make every AWS SDK's default chain fetch the role's credentials from
 * the server. A server running on the same data accepts the token at once: it reads tokens from the store.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Issue a workload a token for temporary credentials of a role (or an instance profile's role),",
                "and print it once with the environment variables to export for the workload's AWS SDK.",
                "A server already running on the same data accepts the token at once.",
                "Exit status: 0 issued, 1 refused (no such role or profile, or no data), 2 usage error."})
public final class IssueWorkloadTokenCommand extends DataCommand {

    @ArgGroup(multiplicity = "1")
    Binding binding;

    static final class Binding {
        @Option(names = "--role", paramLabel = "NAME|ARN", required = true,
                description = "The role whose credentials the token yields.")
        String role;

        @Option(names = "--instance-profile", paramLabel = "NAME|ARN", required = true,
                description = "The instance profile whose role the token yields (looked up at each use).")
        String instanceProfile;
    }

    @Option(names = "--account", paramLabel = "ID",
            description = "The role's account (default: the ARN's, or the only account).")
    String accountId;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "24h", converter = TimeToLive.class,
            description = "How long the token is accepted: e.g. 30m, 12h, 7d (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Option(names = "--session-name", paramLabel = "NAME",
            description = "The role session name identifying the workload (default: workload-ID).")
    String sessionName;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "http://127.0.0.1:" + ServerOptions.DEFAULT_PORT,
            description = "The server as the workload reaches it, for the printed variables (default: ${DEFAULT-VALUE}).")
    String endpoint;

    /** @param environment the process environment, where the master key may be ({@code GATEHOUSE_MASTER_KEY}) */
    public IssueWorkloadTokenCommand(Map<String, String> environment) {
        super(environment);
    }

    @Override
    protected int run(GatehouseData opened) {
        WorkloadBinding bound = WorkloadBinding.find(opened.state().current(), binding.role, binding.instanceProfile,
                accountId);
        WorkloadTokens.Issued issued = opened.workloadTokens().issue(bound.accountId(), bound.roleName(),
                bound.instanceProfileName(), sessionName, Clock.systemUTC().instant(), ttl);
        WorkloadToken stored = issued.stored();
        PrintWriter out = out();
        out.println("# Workload token " + stored.id() + " for "
                + (stored.roleName() != null ? "role " + stored.roleName()
                : "instance profile " + stored.instanceProfileName())
                + " of account " + stored.accountId() + ", session " + stored.sessionName() + ", valid until "
                + stored.expiresAt() + ". Shown once; revoke it with");
        out.println("#   gatehouse workload revoke --account " + stored.accountId() + " " + stored.id());
        out.println("export AWS_CONTAINER_CREDENTIALS_FULL_URI="
                + (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint)
                + WorkloadCredentials.PATH);
        out.println("export AWS_CONTAINER_AUTHORIZATION_TOKEN=" + issued.token());
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
