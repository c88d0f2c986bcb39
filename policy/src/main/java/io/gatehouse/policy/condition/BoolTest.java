package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.variable.VariableValues;

/** {@code Bool}: {@code true}/{@code false} compared without regard to letter case. */
final class BoolTest implements ValueTest {

    private final PolicyValue<Boolean>[] values;

    BoolTest(PolicyValue<Boolean>[] values) {
        this.values = values;
    }

    @Override
    public int compare(ContextValue value, int index, VariableValues variables) {
        Boolean request = Values.parseBool(value.value(index));
        return request == null ? INVALID : PolicyValue.compareAll(values, variables, policy -> request.equals(policy));
    }
}
