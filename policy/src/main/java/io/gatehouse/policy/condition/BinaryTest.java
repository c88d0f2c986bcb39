package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.variable.VariableValues;
import java.util.Arrays;

/** {@code BinaryEquals}: base64 values compared as the bytes they encode. */
final class BinaryTest implements ValueTest {

    private final PolicyValue<byte[]>[] values;

    BinaryTest(PolicyValue<byte[]>[] values) {
        this.values = values;
    }

    @Override
    public int compare(ContextValue value, int index, VariableValues variables) {
        byte[] request = Values.parseBinary(value.value(index));
        return request == null ? INVALID : PolicyValue.compareAll(values, variables, policy -> Arrays.equals(request, policy));
    }
}
