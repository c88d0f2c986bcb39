package io.gatehouse.server.error;

import java.util.Objects;

/**
 * An AWS error on its way to the client. The message is what the client sees, so it must never carry internal
 * detail (SQL, stack traces, secrets); internal failures become {@link AwsError#SERVICE_FAILURE} at the edge and
 * are logged there. Cheap to throw: no stack trace is filled in, since it is an answer, not a bug report.
 */
public final class AwsException extends RuntimeException {

    private final AwsError error;

    public AwsException(AwsError error, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public AwsError error() {
        return error;
    }

    @Override
    public String toString() {
        return error.code() + ": " + getMessage();
    }
}
