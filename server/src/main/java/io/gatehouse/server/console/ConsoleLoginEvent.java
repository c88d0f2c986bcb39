package io.gatehouse.server.console;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gatehouse.server.api.CloudTrailEvents;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.store.AuditEvent;
import java.io.IOException;

/**
 * A sign-in attempt as CloudTrail records a console sign-in ({@code AwsConsoleSignIn} events of
 * {@code signin.amazonaws.com}, CloudTrail User Guide "AWS Management Console sign-in events"): who tried, from where,
 * {@code responseElements.ConsoleLogin} {@code Success} or {@code Failure}, and in {@code additionalEventData} whether
 * an MFA code was used. A failure carries CloudTrail's {@code errorMessage} "Failed authentication" whatever went
 * wrong (a throttled attempt says so instead). Nothing the client typed but its user name and account goes in, and a
 * user name that names nobody is recorded as CloudTrail records it, {@code HIDDEN_DUE_TO_SECURITY_REASONS}, since it
 * may be a password typed into the wrong field.
 */
final class ConsoleLoginEvent {

    static final String EVENT_NAME = "ConsoleLogin";
    /** What CloudTrail records for a user name it will not show. */
    static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
    static final String FAILED_AUTHENTICATION = "Failed authentication";
    static final String THROTTLED = "Too many failed sign-in attempts";
    /** CloudTrail records root and global-endpoint sign-ins in us-east-1. */
    private static final String REGION = "us-east-1";


    /**
     * Who an attempt signed in as, as far as it is known.
     *
     * @param root        whether it was the root user (by email address)
     * @param accountId   the account, or {@code null} when the account (id, alias or email) names none
     * @param principalId the user's id, or the account id for the root user; {@code null} when nobody is known
     * @param arn         the principal's ARN; {@code null} when nobody is known
     * @param userName    the user's name, or {@code null} for the root user or an unknown one
     */
    record Identity(boolean root, String accountId, String principalId, String arn, String userName) {

        /** An attempt for a user, root user or account that does not exist. */
        static Identity unknown(boolean root, String accountId) {
            return new Identity(root, accountId, null, null, null);
        }

        boolean known() {
            return principalId != null;
        }
    }

    /**
     * What the attempt came to and how.
     *
     * @param success      whether it signed in
     * @param mfaUsed      whether an MFA code was checked
     * @param errorMessage for a failure, what the event says (never which factor was wrong)
     */
    record Result(boolean success, boolean mfaUsed, String errorMessage) {

        static Result success(boolean mfaUsed) {
            return new Result(true, mfaUsed, null);
        }

        static Result failure(boolean mfaUsed) {
            return new Result(false, mfaUsed, FAILED_AUTHENTICATION);
        }

        static Result throttled() {
            return new Result(false, false, THROTTLED);
        }
    }

    private ConsoleLoginEvent() {}

    static AuditEvent of(Ids ids, SignInAttempt attempt, Identity identity, Result result) {
        String account = identity.accountId() == null ? "" : identity.accountId();
        return CloudTrailEvents.write(new CloudTrailEvents.Envelope(ids.eventId(attempt.time()), account,
                attempt.time(), "signin.amazonaws.com", EVENT_NAME, REGION, attempt.sourceIp(), attempt.userAgent(),
                false, "AwsConsoleSignIn"), json -> userIdentity(json, identity), json -> body(json, attempt, result));
    }

    private static void userIdentity(JsonGenerator json, Identity identity) throws IOException {
        json.writeObjectFieldStart("userIdentity");
        json.writeStringField("type", identity.root() ? "Root" : "IAMUser");
        if (identity.known()) {
            json.writeStringField("principalId", identity.principalId());
            json.writeStringField("arn", identity.arn());
        }
        if (identity.accountId() != null) {
            json.writeStringField("accountId", identity.accountId());
        }
        json.writeStringField("accessKeyId", "");
        if (identity.userName() != null) {
            json.writeStringField("userName", identity.userName());
        } else if (!identity.known()) {
            json.writeStringField("userName", HIDDEN);
        }
        json.writeEndObject();
    }

    private static void body(JsonGenerator json, SignInAttempt attempt, Result result) throws IOException {
        json.writeNullField("requestParameters");
        json.writeObjectFieldStart("responseElements");
        json.writeStringField("ConsoleLogin", result.success() ? "Success" : "Failure");
        json.writeEndObject();
        json.writeObjectFieldStart("additionalEventData");
        json.writeStringField("LoginTo", attempt.loginTo());
        json.writeStringField("MobileVersion", "No");
        json.writeStringField("MFAUsed", result.mfaUsed() ? "Yes" : "No");
        json.writeEndObject();
        if (result.errorMessage() != null) {
            json.writeStringField("errorMessage", result.errorMessage());
        }
    }
}
