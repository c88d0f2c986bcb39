package io.gatehouse.server.protocol;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the constraint violations of one request and words them as AWS does:
 * {@code 2 validation errors detected: Value null at 'policyName' failed to satisfy constraint: Member must not be
 * null; Value 'x' at 'userName' failed to satisfy constraint: …}.
 *
 * <p>AWS reports at most ten violations and counts only those it reports (a request with 500 bad elements gets
 * {@code 10 validation errors detected}: kinesalite's tests, recorded against the real service, show it).
 */
final class ValidationReport {

    static final int LIMIT = 10;

    private final ValueDisplay display;
    private final List<String> violations = new ArrayList<>(2);

    ValidationReport(ValueDisplay display) {
        this.display = display;
    }

    /** Records a violation unless the report is full. */
    void add(String path, Shape shape, Object value, String constraint) {
        if (!full()) {
            violations.add("Value " + display.render(shape, value) + "at '" + path
                    + "' failed to satisfy constraint: " + constraint);
        }
    }

    /** Whether further violations would go unreported. */
    boolean full() {
        return violations.size() >= LIMIT;
    }

    /** Throws the {@code ValidationError} when anything was recorded. */
    void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new AwsException(AwsError.VALIDATION_ERROR, message());
        }
    }

    String message() {
        int n = violations.size();
        return n + (n == 1 ? " validation error detected: " : " validation errors detected: ")
                + String.join("; ", violations);
    }
}
