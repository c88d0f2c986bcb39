package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.CredentialReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The credential report: GenerateCredentialReport and GetCredentialReport, both authorized on {@code *} (the service
 * authorization reference gives them no resource type). States and errors are decided by
 * {@link CredentialReportLifecycle}; the CSV is written by {@link CredentialReportCsv}.
 *
 * <p>A generation takes two transactions. The first, with the call's audit event, decides from the stored report and
 * records a generation under way; the report is then written from the state as that commit left it, off the writer
 * thread, and stored by a second transaction if the generation it completes is still the stored one. Generate
 * answers after both, so a client that asks for the report next finds it; a call on another server in between sees
 * {@code INPROGRESS} (Generate) or {@code ReportInProgress} (Get), as on AWS.
 */
final class CredentialReportOperations {

    static final String FORMAT = "text/csv";

    private CredentialReportOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("GenerateCredentialReport", CredentialReportOperations::generateCredentialReport);
        handlers.put("GetCredentialReport", CredentialReportOperations::getCredentialReport);
    }

    /**
     * Starts a report unless one younger than its lifetime exists or one is being generated, and answers the state.
     */
    static Struct generateCredentialReport(Call call) {
        String accountId = call.caller().accountId();
        call.authorize("*", context -> {});
        // Whole seconds: GeneratedTime and the report's times are given to the second.
        Instant now = now(call);
        CredentialReportLifecycle.Generate[] decided = new CredentialReportLifecycle.Generate[1];
        Struct out = call.write(mutation -> {
            decided[0] = CredentialReportLifecycle.onGenerate(mutation.credentialReport(accountId), now);
            if (decided[0].starts()) {
                mutation.putCredentialReport(accountId, CredentialReport.startedAt(now));
            }
            Struct.Builder answer = call.output().set("State", decided[0].state());
            if (decided[0].description() != null) {
                answer.set("Description", decided[0].description());
            }
            return answer.build();
        });
        if (decided[0].starts()) {
            generate(call, accountId, now);
        }
        return out;
    }

    /** The account's report, base64 on the wire (the model's blob), with its format and generation time. */
    static Struct getCredentialReport(Call call) {
        String accountId = call.caller().accountId();
        call.authorize("*", context -> {});
        CredentialReport report = CredentialReportLifecycle.readable(call.services().reports().of(accountId), now(call));
        return call.output().set("Content", report.content().getBytes(StandardCharsets.UTF_8))
                .set("ReportFormat", FORMAT)
                .set("GeneratedTime", report.generated())
                .build();
    }

    /**
     * Writes the report of the state as it is now (the generation under way is committed) and stores it, unless
     * another generation has replaced this one meanwhile.
     */
    private static void generate(Call call, String accountId, Instant started) {
        AccountState account = call.services().state().current().account(accountId);
        Instant generated = now(call);
        String csv = CredentialReportCsv.of(account, call.caller().partition());
        call.services().state().apply(mutation -> {
            CredentialReport stored = mutation.credentialReport(accountId);
            if (stored != null && !stored.complete() && stored.started().equals(started)) {
                mutation.putCredentialReport(accountId, stored.completed(generated, csv));
            }
            return null;
        });
    }

    private static Instant now(Call call) {
        return call.services().clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
