package io.gatehouse.policy.condition;

import io.gatehouse.policy.variable.Template;
import io.gatehouse.policy.variable.VariableValues;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A typed policy value: parsed once at compile time, or, when it contains policy variables, resolved and
 * parsed per request.
 */
final class PolicyValue<T> {

    private final T constant;
    private final Template template;
    private final Function<String, T> parse;

    private PolicyValue(T constant, Template template, Function<String, T> parse) {
        this.constant = constant;
        this.template = template;
        this.parse = parse;
    }

    static <T> PolicyValue<T> of(Template template, Function<String, T> parse) {
        if (template.hasVariables()) {
            return new PolicyValue<>(null, template, parse);
        }
        return new PolicyValue<>(parse.apply(template.resolve(VariableValues.NONE)), null, parse);
    }

    /**
     * Compares a request value with every policy value, several values being ORed: {@link ValueTest#MATCH} when
     * one satisfies {@code holds}, else {@link ValueTest#NO_MATCH}. A value with a policy variable that has no value
     * is null, which nothing equals (IAM User Guide, "Policy variables with no value": negated operators "do match
     * against a null value"), so it counts as a value that did not match. A value that is not of the operator's
     * type is not compared at all; when no value could be compared the result is {@link ValueTest#INVALID}.
     */
    static <T> int compareAll(PolicyValue<T>[] values, VariableValues variables, Predicate<T> holds) {
        int result = ValueTest.INVALID;
        for (PolicyValue<T> value : values) {
            T policy;
            if (value.template == null) {
                policy = value.constant;
            } else {
                String text = value.template.resolve(variables);
                if (text == null) {
                    result = ValueTest.NO_MATCH;
                    continue;
                }
                policy = value.parse.apply(text);
            }
            if (policy == null) {
                continue;
            }
            if (holds.test(policy)) {
                return ValueTest.MATCH;
            }
            result = ValueTest.NO_MATCH;
        }
        return result;
    }
}
