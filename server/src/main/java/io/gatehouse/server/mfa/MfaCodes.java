package io.gatehouse.server.mfa;

import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.MfaDevice;
import io.gatehouse.server.state.Mutation;
import io.gatehouse.server.state.StateWriter;
import io.gatehouse.server.console.SignInThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Checks a code of a principal's MFA device and spends it, for the callers that ask for a second factor (STS's
 * GetSessionToken and AssumeRole with {@code SerialNumber} and {@code TokenCode}, console sign-in).
 *
 * <p>A code is accepted when the serial number names a virtual MFA device of the account that is enabled for the
 * principal, the code is the device's TOTP code of a step within one step of {@code now} ({@link Totp}), and that
 * step is later than every step accepted before for the device (by this service, EnableMFADevice or
 * ResyncMFADevice). Accepting a code records its step durably, so that the code, and any earlier one, is refused
 * from then on, across restarts and nodes.
 *
 * <p>Wrong codes are throttled: a device, and a principal across its devices, that collect a few refused codes must
 * wait before the next code is even looked at, twice as long after each further refusal ({@link #THROTTLE}). Three
 * of the million six-digit codes are valid at any moment, so without a limit a caller holding stolen long-term keys
 * could guess its way past MFA in minutes.
 *
 * <p>The outcome tells the caller why a code was refused, for its own logs and metrics; what the caller's client
 * sees is the caller's business (STS answers every refusal with the same AccessDenied, so that a client learns
 * nothing about devices it cannot see). The seed never leaves this class's reach and no outcome reveals it.
 */
public final class MfaCodes {

    /** Why a code was accepted or refused. */
    public enum Outcome {
        /** The code is valid and is now spent. */
        ACCEPTED,
        /** The serial number names no virtual MFA device of the account. */
        NO_SUCH_DEVICE,
        /** The device exists but is not enabled for this principal (unassigned, or another user's). */
        NOT_ENABLED_FOR_PRINCIPAL,
        /** The code is not six digits, or not the device's code near {@code now}. */
        INVALID_CODE,
        /** The code was valid but its step, or a later one, was accepted already. */
        REPLAYED_CODE,
        /** Too many codes were refused for the device or the principal lately; the code was not looked at. */
        THROTTLED;

        public boolean accepted() {
            return this == ACCEPTED;
        }
    }

    /**
     * How refused codes slow the next ones: 5 free per device and 10 per principal, then 1 s doubling up to 15 minutes;
     * forgotten after an hour without a refusal. An accepted code clears its device's count.
     */
    public static final SignInThrottle.Limits THROTTLE = new SignInThrottle.Limits(5, 10, Duration.ofSeconds(1),
            Duration.ofMinutes(15), Duration.ofHours(1), 100_000);

    private final StateWriter state;
    private final SignInThrottle throttle;

    /**
     * A service over the server's state. The throttle is what it keeps of its own: the server makes one and every
     * caller (STS, console sign-in) shares it.
     */
    public MfaCodes(StateWriter state, SignInThrottle throttle) {
        this.state = state;
        this.throttle = throttle;
    }

    /**
     * Checks a code and, when it is accepted, spends it in a change of its own that is durable when this returns.
     * A caller that makes a change of its own (and its audit event) in the same request should use
     * {@link #spend(Mutation, String, String, String, String, Instant)} inside that change instead, so that both
     * commit together.
     *
     * @param accountId    the principal's account
     * @param userName     the IAM user, or {@code null} for the account's root user
     * @param serialNumber the device's serial number as the client sent it (its ARN)
     * @param code         the code as the client sent it
     * @param now          the time of the request
     * @return the outcome; {@link Outcome#ACCEPTED} only when the code is now spent
     */
    public Outcome verify(String accountId, String userName, String serialNumber, String code, Instant now) {
        String device = accountId + "/" + serialNumber;
        String principal = accountId + "/" + AccountState.ownerKey(userName);
        if (!throttle.wait(device, principal).isZero()) {
            return Outcome.THROTTLED;
        }
        // Refusals are decided on the committed state without a write, so a stream of wrong codes costs no commits;
        // an accepted code is checked again inside the change, where no concurrent request can spend it first.
        Outcome outcome = check(state.current(), accountId, userName, serialNumber, code, now);
        if (outcome.accepted()) {
            outcome = state.apply(mutation -> spend(mutation, accountId, userName, serialNumber, code, now));
        }
        if (outcome.accepted()) {
            throttle.succeeded(device);
        } else {
            throttle.failed(device, principal);
        }
        return outcome;
    }

    /**
     * {@link #verify} as part of a change the caller makes: the step is recorded in {@code mutation}, so it is
     * spent if and only if the caller's change commits.
     */
    public static Outcome spend(Mutation mutation, String accountId, String userName, String serialNumber, String code,
                                Instant now) {
        Outcome outcome = check(mutation.state(), accountId, userName, serialNumber, code, now);
        if (outcome.accepted()) {
            MfaDevice device = device(mutation.state(), accountId, serialNumber);
            long step = Totp.matchingStep(Base32.decode(device.seed()), code, Totp.step(now)).orElseThrow();
            mutation.putMfaDevice(accountId, device.withLastUsedStep(step));
        }
        return outcome;
    }

    private static Outcome check(GatehouseState state, String accountId, String userName, String serialNumber,
                                 String code, Instant now) {
        MfaDevice device = device(state, accountId, serialNumber);
        if (device == null) {
            return Outcome.NO_SUCH_DEVICE;
        }
        if (device.assignment() == null || !device.assignment().ownerKey().equals(AccountState.ownerKey(userName))) {
            return Outcome.NOT_ENABLED_FOR_PRINCIPAL;
        }
        if (code == null || !code.matches("[0-9]{6}")) {
            return Outcome.INVALID_CODE;
        }
        OptionalLong step = Totp.matchingStep(Base32.decode(device.seed()), code, Totp.step(now));
        if (step.isEmpty()) {
            return Outcome.INVALID_CODE;
        }
        return step.getAsLong() <= device.lastUsedStep() ? Outcome.REPLAYED_CODE : Outcome.ACCEPTED;
    }

    private static MfaDevice device(GatehouseState state, String accountId, String serialNumber) {
        AccountState account = state.account(accountId);
        String key = serialNumber == null ? null : MfaDevice.keyOfSerial(serialNumber, accountId);
        return account == null || key == null ? null : account.mfaDevices().get(key);
    }
}
