package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.variable.VariableValues;

/**
 * How one operator family compares a single request value with the policy's values: each family
 * (string, numeric, date, bool, binary, address, ARN) is one small implementation of this interface.
 * Negation, {@code IfExists} and the set qualifiers are applied around it by {@link KeyCondition}.
 */
interface ValueTest {

    /** The request value satisfies the operator's positive form for at least one policy value. */
    int MATCH = 1;
    /** The request value satisfies it for none of the (usable) policy values. */
    int NO_MATCH = 0;
    /**
     * The comparison cannot be made: the request value is not of the operator's type, or no policy value is usable
     * (none is of the type, or each names a policy variable the request has no value for). Then neither the
     * operator nor its negation holds: AWS treats such a value as null, which is neither equal nor unequal.
     */
    int INVALID = -1;

    /**
     * Compares value {@code index} of {@code value} with the policy's values (several values of one key are ORed).
     *
     * @param variables values for policy variables in the policy's values
     * @return {@link #MATCH}, {@link #NO_MATCH} or {@link #INVALID}
     */
    int compare(ContextValue value, int index, VariableValues variables);
}
