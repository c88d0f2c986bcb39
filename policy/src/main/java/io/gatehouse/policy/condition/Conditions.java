package io.gatehouse.policy.condition;

import io.gatehouse.policy.document.ConditionEntry;
import io.gatehouse.policy.match.ArnPattern;
import io.gatehouse.policy.match.Wildcard;
import io.gatehouse.policy.variable.Template;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Compiles the condition entries of a statement into {@link Condition}s. */
public final class Conditions {

    private Conditions() {}

    /**
     * Compiles one operator/key entry.
     *
     * @param variables whether {@code ${...}} in values are policy variables (Version 2012-10-17)
     */
    public static Condition compile(ConditionEntry entry, boolean variables) {
        ConditionOperator operator = ConditionOperator.parse(entry.operator());
        String key = entry.key();
        String lookupKey = ConditionOperator.lookupKey(key);
        if (operator == null) {
            return new Never(key, entry.operator());
        }
        List<Template> values = entry.values().stream().map(v -> Template.parse(v, variables)).toList();
        if (operator.family() == ConditionOperator.Family.NULL) {
            boolean absent = entry.values().stream().anyMatch("true"::equalsIgnoreCase);
            boolean present = entry.values().stream().anyMatch("false"::equalsIgnoreCase);
            return new NullCondition(key, lookupKey, absent, present);
        }
        ValueTest test = switch (operator.family()) {
            case STRING_EQUALS -> strings(values, false, false);
            case STRING_EQUALS_IGNORE_CASE -> strings(values, false, true);
            case STRING_LIKE -> strings(values, true, false);
            case NUMERIC_EQUALS -> new NumericTest(Comparison.EQUALS, typed(values, Values::parseNumber));
            case NUMERIC_LESS_THAN -> new NumericTest(Comparison.LESS_THAN, typed(values, Values::parseNumber));
            case NUMERIC_LESS_THAN_EQUALS -> new NumericTest(Comparison.LESS_THAN_EQUALS, typed(values, Values::parseNumber));
            case NUMERIC_GREATER_THAN -> new NumericTest(Comparison.GREATER_THAN, typed(values, Values::parseNumber));
            case NUMERIC_GREATER_THAN_EQUALS -> new NumericTest(Comparison.GREATER_THAN_EQUALS, typed(values, Values::parseNumber));
            case DATE_EQUALS -> new DateTest(Comparison.EQUALS, typed(values, Values::parseDate));
            case DATE_LESS_THAN -> new DateTest(Comparison.LESS_THAN, typed(values, Values::parseDate));
            case DATE_LESS_THAN_EQUALS -> new DateTest(Comparison.LESS_THAN_EQUALS, typed(values, Values::parseDate));
            case DATE_GREATER_THAN -> new DateTest(Comparison.GREATER_THAN, typed(values, Values::parseDate));
            case DATE_GREATER_THAN_EQUALS -> new DateTest(Comparison.GREATER_THAN_EQUALS, typed(values, Values::parseDate));
            case BOOL -> new BoolTest(typed(values, Values::parseBool));
            case BINARY_EQUALS -> new BinaryTest(typed(values, Values::parseBinary));
            case IP_ADDRESS -> new AddressTest(typed(values, AddressTest.Cidr::parse));
            case ARN_EQUALS, ARN_LIKE -> new ArnTest(values.stream().map(ArnPattern::compile).toArray(ArnPattern[]::new));
            case NULL -> throw new AssertionError("handled above");
        };
        return new KeyCondition(key, lookupKey, operator.qualifier(), operator.negated(), operator.ifExists(), test);
    }

    private static ValueTest strings(List<Template> values, boolean like, boolean ignoreCase) {
        if (!like && !ignoreCase && values.size() > 4 && values.stream().noneMatch(Template::hasVariables)) {
            Set<String> constants = new HashSet<>();
            values.forEach(v -> constants.add(v.resolve(io.gatehouse.policy.variable.VariableValues.NONE)));
            return new StringTest.ExactSet(Set.copyOf(constants));
        }
        return new StringTest(values.stream().map(v -> Wildcard.compile(v, like, ignoreCase)).toArray(Wildcard[]::new));
    }

    @SuppressWarnings("unchecked")
    private static <T> PolicyValue<T>[] typed(List<Template> values, Function<String, T> parse) {
        return values.stream().map(v -> PolicyValue.of(v, parse)).toArray(PolicyValue[]::new);
    }
}
