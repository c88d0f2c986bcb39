package io.gatehouse.policy.condition;

import io.gatehouse.policy.variable.Template;
import io.gatehouse.policy.variable.VariableValues;
import java.util.function.Function;

/**
 * A typed policy value: parsed once at compile time, or, when it contains policy variables, resolved and
 * parsed per request. A value that is not of its type is {@code null} and matches nothing.
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

    /** The value for this request, or {@code null}. */
    T get(VariableValues variables) {
        if (template == null) {
            return constant;
        }
        String text = template.resolve(variables);
        return text == null ? null : parse.apply(text);
    }
}
