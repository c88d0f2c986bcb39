package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.variable.VariableValues;
import java.time.Instant;

/** {@code DateEquals}, {@code DateLessThan}, ... : instants compared, whatever notation each side used. */
final class DateTest implements ValueTest {

    private final Comparison comparison;
    private final PolicyValue<Instant>[] values;

    DateTest(Comparison comparison, PolicyValue<Instant>[] values) {
        this.comparison = comparison;
        this.values = values;
    }

    @Override
    public int compare(ContextValue value, int index, VariableValues variables) {
        Instant request = value.instant(index);
        return request == null ? INVALID : PolicyValue.compareAll(values, variables, policy -> comparison.holds(request.compareTo(policy)));
    }
}
