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
 * Role sessions (AssumeRole) may call IAM and every STS operation but GetSessionToken and GetFederationToken (STS API
 * Reference: those need long-term credentials). Federated user sessions (GetFederationToken) may call no IAM
 * operation and no STS operation but GetCallerIdentity (STS API Reference, GetFederationToken: "You cannot call any
 * IAM operations using the AWS CLI or the AWS API", "You cannot call any STS operations except GetCallerIdentity");
 * AWS's error for their IAM calls is not documented, and is taken to be the one above for IAM calls without MFA.
 * The check runs before the operation authorizes anything, and is audited like a denial.
 */
public final class SessionRestrictions {

    private static final Set<String> STS_OPERATIONS_OF_USER_SESSIONS = Set.of("AssumeRole", "GetCallerIdentity");
    private static final Set<String> STS_OPERATIONS_NEEDING_LONG_TERM_KEYS =
            Set.of("GetSessionToken", "GetFederationToken");

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
        switch (caller.session().principal().kind()) {
            case ASSUMED_ROLE -> {
                if (service.equals("sts") && STS_OPERATIONS_NEEDING_LONG_TERM_KEYS.contains(operation)) {
                    throw sessionCredentialsRefused(operation);
                }
            }
            case FEDERATED_USER -> {
                if (service.equals("iam")) {
                    throw invalidToken();
                }
                if (service.equals("sts") && !operation.equals("GetCallerIdentity")) {
                    throw sessionCredentialsRefused(operation);
                }
            }
            case USER, ROOT -> {
                // GetSessionToken's sessions.
                if (service.equals("iam") && !caller.session().mfaAuthenticated()) {
                    throw invalidToken();
                }
                if (service.equals("sts") && !STS_OPERATIONS_OF_USER_SESSIONS.contains(operation)) {
                    throw sessionCredentialsRefused(operation);
                }
            }
        }
    }

    private static AwsException invalidToken() {
        return AwsError.INVALID_CLIENT_TOKEN_ID.exception("The security token included in the request is invalid");
    }

    /** AWS's AccessDenied for an STS operation that needs long-term credentials ({@code GetSessionToken}). */
    public static AwsException sessionCredentialsRefused(String operation) {
        return AwsError.ACCESS_DENIED.exception("Cannot call " + operation + " with session credentials");
    }
}
