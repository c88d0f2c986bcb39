package io.gatehouse.server.sts;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.MfaCodeCheck;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.Arns;
import java.time.Duration;
import java.time.Instant;

/**
 * GetSessionToken (STS API Reference): temporary credentials for the IAM user or root user who calls with a
 * long-term access key, optionally authenticated with an MFA code. It needs no permission and no policy can deny it
 * ("You cannot use policies to control authentication operations").
 */
final class SessionTokenOperation {

    /** The duration when none is asked for: 12 hours. */
    static final Duration DEFAULT_DURATION = Duration.ofHours(12);
    /** The longest session of an account's root user: longer requests are cut to it, not refused. */
    static final Duration ROOT_MAX_DURATION = Duration.ofHours(1);

    private SessionTokenOperation() {}

    static Struct getSessionToken(Call call) {
        // Callers with temporary credentials never get here: SessionRestrictions refuses them this operation, so a
        // session cannot be prolonged by trading it for another.
        Caller caller = call.caller();
        Struct input = call.input();
        // The model bounds DurationSeconds to 900..129600 before the call gets here.
        Duration duration = input.has("DurationSeconds")
                ? Duration.ofSeconds(input.integer("DurationSeconds")) : DEFAULT_DURATION;
        if (caller.isRoot() && duration.compareTo(ROOT_MAX_DURATION) > 0) {
            duration = ROOT_MAX_DURATION;
        }
        Instant now = call.facts().time();
        Sessions sessions = call.services().sessions();
        Instant mfaAt = mfa(call, sessions, now);
        SessionPrincipal principal = caller.isRoot()
                ? new SessionPrincipal(SessionPrincipal.Kind.ROOT, Arns.root(caller.accountId()), caller.accountId())
                : new SessionPrincipal(SessionPrincipal.Kind.USER, caller.principal().id(), caller.userId());
        Sessions.Issued issued = sessions.issue(caller.accountId(), principal, now, duration, mfaAt);
        return IssuedCredentials.set(call.output(), issued).build();
    }

    /**
     * When the caller proved an MFA code ({@code SerialNumber} and {@code TokenCode}, GetSessionToken and AssumeRole),
     * or {@code null} when the request carries none. Only IAM users and root users have MFA devices: a role or
     * federated user session naming one gets the answer for a device that is not the caller's.
     */
    static Instant mfa(Call call, Sessions sessions, Instant now) {
        String serialNumber = call.input().string("SerialNumber");
        String tokenCode = call.input().string("TokenCode");
        if (serialNumber == null && tokenCode == null) {
            return null;
        }
        if (serialNumber == null || tokenCode == null) {
            throw AwsError.ACCESS_DENIED.exception(
                    "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");
        }
        if (!call.caller().isRoot() && call.caller().userName() == null) {
            throw MfaCodeCheck.unknownDevice();
        }
        return sessions.mfa().verify(call.caller().accountId(), call.caller().userName(), serialNumber, tokenCode, now);
    }
}
