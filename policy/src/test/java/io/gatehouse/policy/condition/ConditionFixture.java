package io.gatehouse.policy.condition;

import io.gatehouse.policy.document.ConditionEntry;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.request.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds conditions and contexts tersely for the operator tests. */
final class ConditionFixture {

    private ConditionFixture() {}

    /** {@code operator: {key: values}} compiled as in a 2012-10-17 document. */
    static Condition condition(String operator, String key, String... values) {
        return Conditions.compile(new ConditionEntry(operator, key, List.of(values)), true);
    }

    static RequestContext context(Object... keysAndValues) {
        RequestContext.Builder builder = RequestContext.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            builder.put((String) keysAndValues[i], value instanceof ContextValue v ? v : ContextValue.of((String) value));
        }
        return builder.build();
    }

    static ContextValue typed(ContextType type, String value) {
        return ContextValue.single(type, value);
    }

    static ContextValue set(String... values) {
        return ContextValue.multi(ContextType.STRING, List.of(values));
    }

    static boolean holds(Condition condition, RequestContext context) {
        return condition.test(context, MissingKeySink.IGNORE);
    }

    /** Runs a condition and returns the keys it reported missing. */
    static List<String> missingKeys(Condition condition, RequestContext context) {
        List<String> missing = new ArrayList<>();
        condition.test(context, missing::add);
        return missing;
    }

    static final RequestContext EMPTY = RequestContext.of(Map.of());
}
