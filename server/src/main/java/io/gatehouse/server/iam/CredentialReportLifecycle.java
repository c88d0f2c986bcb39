package io.gatehouse.server.iam;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.state.CredentialReport;
import java.time.Instant;

/**
 * IAM's credential report states, decided from the account's stored report and the time: what
 * GenerateCredentialReport answers and whether it starts a generation, and what GetCredentialReport may return. A
 * report serves for {@link CredentialReport#LIFETIME}: until then Generate answers {@code COMPLETE} and generates
 * nothing, after it Get answers {@code ReportExpired} and Generate starts a new report.
 */
final class CredentialReportLifecycle {

    /** GenerateCredentialReport's answers ({@code ReportStateType}). */
    enum Generate {
        /** A generation starts and no report exists: {@code STARTED} with IAM's description. */
        STARTED_FIRST("STARTED", "No report exists. Starting a new report generation task"),
        /** A generation starts to replace an expired report (AWS's description for this case is unknown: none). */
        STARTED_AGAIN("STARTED", null),
        /** A generation is under way. */
        IN_PROGRESS("INPROGRESS", null),
        /** A report younger than its lifetime exists; nothing is generated. */
        COMPLETE("COMPLETE", null);

        private final String state;
        private final String description;

        Generate(String state, String description) {
            this.state = state;
            this.description = description;
        }

        String state() {
            return state;
        }

        /** The {@code Description}, or {@code null} for none. */
        String description() {
            return description;
        }

        boolean starts() {
            return this == STARTED_FIRST || this == STARTED_AGAIN;
        }
    }

    private CredentialReportLifecycle() {}

    /**
     * What GenerateCredentialReport does at {@code now} given the stored report ({@code null}: none ever). A
     * generation abandoned past its timeout (its server stopped) is replaced as if there were no report.
     */
    static Generate onGenerate(CredentialReport stored, Instant now) {
        if (stored == null) {
            return Generate.STARTED_FIRST;
        }
        if (stored.inProgress(now)) {
            return Generate.IN_PROGRESS;
        }
        if (!stored.complete()) {
            return Generate.STARTED_FIRST;
        }
        return stored.expired(now) ? Generate.STARTED_AGAIN : Generate.COMPLETE;
    }

    /**
     * The report GetCredentialReport returns at {@code now}.
     *
     * @throws io.gatehouse.server.error.AwsException {@code ReportNotPresent} before any report (or after an abandoned
     *                                                first generation), {@code ReportInProgress} while one is
     *                                                generated, {@code ReportExpired} once the report is
     *                                                {@link CredentialReport#LIFETIME} old
     */
    static CredentialReport readable(CredentialReport stored, Instant now) {
        if (stored != null && stored.inProgress(now)) {
            throw AwsError.REPORT_IN_PROGRESS.exception();
        }
        if (stored == null || !stored.complete()) {
            throw AwsError.REPORT_NOT_PRESENT.exception();
        }
        if (stored.expired(now)) {
            throw AwsError.REPORT_EXPIRED.exception();
        }
        return stored;
    }
}
