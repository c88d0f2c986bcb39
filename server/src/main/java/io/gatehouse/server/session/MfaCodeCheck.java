package io.gatehouse.server.session;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.time.Instant;

/**
 * How GetSessionToken checks the MFA code a caller gives ({@code SerialNumber} and {@code TokenCode}): one call, made
 * only when the request carries both. The MFA devices are not this package's business; whoever keeps them implements
 * this interface and the server is wired with it. Implementations are thread-safe, answer in constant time with
 * respect to the code, and never put the code or a seed in an exception, a log or an event.
 */
@FunctionalInterface
public interface MfaCodeCheck {

    /**
     * Checks a code for GetSessionToken.
     *
     * @param accountId    the caller's account
     * @param userName     the calling IAM user, or {@code null} for the account's root user
     * @param serialNumber the device's serial number or ARN, as the caller gave it
     * @param tokenCode    the six digits the caller gave
     * @param now          when the request arrived
     * @return when the principal authenticated with MFA (normally {@code now}); the session records it
     * @throws AwsException {@code AccessDenied} with AWS's message when the device is not the caller's or the code is
     *                      wrong or used already (AWS: {@code MultiFactorAuthentication failed with invalid MFA one time pass
     *                      code.})
     */
    Instant verify(String accountId, String userName, String serialNumber, String tokenCode, Instant now);

    /** AWS's AccessDenied for a serial number that is not an MFA device of the caller. */
    static AwsException unknownDevice() {
        return AwsError.ACCESS_DENIED.exception("MultiFactorAuthentication failed, unable to validate MFA code.  "
                + "Please verify your MFA serial number is valid and associated with this user.");
    }
}
