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
        for (Wildcard pattern : patterns) {
            // A pattern whose variable has no value stands for null, which no text equals or is like.
            if (pattern.test(text, variables) == Wildcard.MATCH) {
                return MATCH;
            }
        }
        return NO_MATCH;
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
