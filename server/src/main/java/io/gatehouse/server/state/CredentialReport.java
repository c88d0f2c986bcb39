package io.gatehouse.server.state;

import java.time.Duration;
import java.time.Instant;

/**
 * An account's credential report, or the generation of one that is under way. One per account; it lives in the
 * store only ({@link CredentialReports}), never in the in-memory state, since nothing but GetCredentialReport reads
 * it and a report of a large account is megabytes of text.
 *
 * @param started   when its generation began
 * @param generated when the report was generated (its {@code GeneratedTime}), or {@code null} while generating
 * @param content   the report as CSV, or {@code null} while generating
 */
public record CredentialReport(Instant started, Instant generated, String content) {

    /**
     * How long a report serves: IAM generates a new one only when the last is older than this ("as often as once
     * every four hours", IAM User Guide), and Gatehouse takes a report this old to have expired.
     */
    public static final Duration LIFETIME = Duration.ofHours(4);
    /**
     * How long a generation may take before it is taken to be abandoned (its server stopped half way) and a new one
     * may start. Generating reads the in-memory state and takes milliseconds; a minute is far beyond that.
     */
    public static final Duration GENERATION_TIMEOUT = Duration.ofMinutes(1);

    public CredentialReport {
        if ((generated == null) != (content == null)) {
            throw new IllegalArgumentException("a report has both its generation time and its content, or neither");
        }
    }

    /** A generation that begins now. */
    public static CredentialReport startedAt(Instant started) {
        return new CredentialReport(started, null, null);
    }

    /** This generation, finished. */
    public CredentialReport completed(Instant generatedAt, String csv) {
        return new CredentialReport(started, generatedAt, csv);
    }

    /** Whether the report is there (its generation finished). */
    public boolean complete() {
        return content != null;
    }

    /** Whether a generation is under way at {@code now}: not finished and not abandoned. */
    public boolean inProgress(Instant now) {
        return !complete() && now.isBefore(started.plus(GENERATION_TIMEOUT));
    }

    /** Whether the report is complete and at least {@link #LIFETIME} old at {@code now}. */
    public boolean expired(Instant now) {
        return complete() && !now.isBefore(generated.plus(LIFETIME));
    }

    @Override
    public String toString() {
        return "CredentialReport[started=" + started + ", generated=" + generated + ", "
                + (content == null ? "no content" : content.length() + " characters") + "]";
    }
}
