package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.variable.VariableValues;
import java.math.BigDecimal;

/** {@code NumericEquals}, {@code NumericLessThan}, ... : exact decimal comparison. */
final class NumericTest implements ValueTest {

    private final Comparison comparison;
    private final PolicyValue<BigDecimal>[] values;

    NumericTest(Comparison comparison, PolicyValue<BigDecimal>[] values) {
        this.comparison = comparison;
        this.values = values;
    }

    @Override
    public int compare(ContextValue value, int index, VariableValues variables) {
        BigDecimal request = value.number(index);
        return request == null ? INVALID : PolicyValue.compareAll(values, variables, policy -> comparison.holds(request.compareTo(policy)));
    }
}
