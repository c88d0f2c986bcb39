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
        if (request == null) {
            return INVALID;
        }
        int result = INVALID;
        for (PolicyValue<byte[]> policyValue : values) {
            byte[] policy = policyValue.get(variables);
            if (policy == null) {
                continue;
            }
            if (Arrays.equals(request, policy)) {
                return MATCH;
            }
            result = NO_MATCH;
        }
        return result;
    }
}
