package io.gatehouse.policy.condition;

/** The comparisons of the numeric and date operator families. */
enum Comparison {
    EQUALS,
    LESS_THAN,
    LESS_THAN_EQUALS,
    GREATER_THAN,
    GREATER_THAN_EQUALS;

    /** Whether {@code request <op> policy} holds, given {@code request.compareTo(policy)}. */
    boolean holds(int comparison) {
        return switch (this) {
            case EQUALS -> comparison == 0;
            case LESS_THAN -> comparison < 0;
            case LESS_THAN_EQUALS -> comparison <= 0;
            case GREATER_THAN -> comparison > 0;
            case GREATER_THAN_EQUALS -> comparison >= 0;
        };
    }
}
