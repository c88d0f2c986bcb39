package io.gatehouse.policy.condition;

import io.gatehouse.policy.match.Wildcard;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.variable.VariableValues;
import java.util.Set;

/**
 * {@code StringEquals}, {@code StringEqualsIgnoreCase}, {@code StringLike} (and their negations): each policy
 * value is a compiled {@link Wildcard}, with {@code *}/{@code ?} wildcards only for the {@code Like} forms.
 */
final class StringTest implements ValueTest {

    private final Wildcard[] patterns;

    StringTest(Wildcard[] patterns) {
        this.patterns = patterns;
    }

    @Override
    public int compare(ContextValue value, int index, VariableValues variables) {
        String text = value.value(index);
        int result = INVALID;
        for (Wildcard pattern : patterns) {
            int outcome = pattern.test(text, variables);
            if (outcome == Wildcard.MATCH) {
                return MATCH;
            }
            if (outcome == Wildcard.NO_MATCH) {
                result = NO_MATCH;
            }
        }
        return result;
    }

    /** Case-sensitive equality against many constant values: one hash lookup instead of a scan. */
    static final class ExactSet implements ValueTest {
        private final Set<String> values;

        ExactSet(Set<String> values) {
            this.values = values;
        }

        @Override
        public int compare(ContextValue value, int index, VariableValues variables) {
            return values.contains(value.value(index)) ? MATCH : NO_MATCH;
        }
    }
}
