package io.gatehouse.server.mfa;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.session.MfaCodeCheck;
import java.time.Instant;

/**
 * STS's check of the MFA code a caller gives with {@code SerialNumber} and {@code TokenCode}, over the account's
 * virtual MFA devices ({@link MfaCodes}). An accepted code is spent before the session is issued. A serial number that
 * is not an enabled device of the caller gets AWS's "unable to validate" AccessDenied; a wrong or spent code gets
 * AWS's "invalid MFA one time pass code" AccessDenied, so a caller learns nothing about other principals' devices;
 * so does a code that was not looked at because too many were refused lately ({@link MfaCodes#THROTTLE}).
 */
public final class SessionMfaCheck implements MfaCodeCheck {

    private final MfaCodes codes;

    public SessionMfaCheck(MfaCodes codes) {
        this.codes = codes;
    }

    @Override
    public Instant verify(String accountId, String userName, String serialNumber, String tokenCode, Instant now) {
        return switch (codes.verify(accountId, userName, serialNumber, tokenCode, now)) {
            case ACCEPTED -> now;
            case NO_SUCH_DEVICE, NOT_ENABLED_FOR_PRINCIPAL -> throw MfaCodeCheck.unknownDevice();
            case INVALID_CODE, REPLAYED_CODE, THROTTLED -> throw AwsError.ACCESS_DENIED.exception(
                    "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        };
    }
}
