package io.gatehouse.server.authz;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.util.Set;

/**
 * What temporary credentials may not call at all, whatever their policies say. AWS (STS API Reference,
 * GetSessionToken) limits the credentials GetSessionToken issues:
 * <ul>
 *   <li>no IAM operation unless the session was authenticated with MFA: AWS refuses such a call as it refuses an
 *       invalid token ({@code InvalidClientTokenId}, "The security token included in the request is invalid", without
 *       a period);</li>
 *   <li>no STS operation but AssumeRole and GetCallerIdentity: {@code AccessDenied} "Cannot call OPERATION with
 *       session credentials" (AWS's wording for GetSessionToken and GetFederationToken).</li>
 * </ul>
 * The check runs before the operation authorizes anything, and is audited like a denial.
 */
public final class SessionRestrictions {

    private static final Set<String> STS_OPERATIONS_OF_USER_SESSIONS = Set.of("AssumeRole", "GetCallerIdentity");

    private SessionRestrictions() {}

    /**
     * Throws AWS's error when the caller's temporary credentials may not call the operation; returns for long-term
     * credentials and allowed calls.
     *
     * @param service   the service's signing name ({@code iam}, {@code sts})
     * @param operation the operation's name ({@code ListUsers})
     */
    public static void check(Caller caller, String service, String operation) {
        if (!caller.hasSession()) {
            return;
        }
        // Sessions of users and root users come from GetSessionToken, the only kind issued so far.
        switch (service) {
            case "iam" -> {
                if (!caller.session().mfaAuthenticated()) {
                    throw AwsError.INVALID_CLIENT_TOKEN_ID.exception("The security token included in the request is invalid");
                }
            }
            case "sts" -> {
                if (!STS_OPERATIONS_OF_USER_SESSIONS.contains(operation)) {
                    throw sessionCredentialsRefused(operation);
                }
            }
            default -> { }
        }
    }

    /** AWS's AccessDenied for an STS operation that needs long-term credentials ({@code GetSessionToken}). */
    public static AwsException sessionCredentialsRefused(String operation) {
        return AwsError.ACCESS_DENIED.exception("Cannot call " + operation + " with session credentials");
    }
}
