package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each kind of policy said about a request, packed into one int (three bits per policy type) so that a
 * decision carries it without allocating.
 *
 * @param packed the results, {@link TypeResult#ordinal()} at bit {@code 3 * type.ordinal()}
 */
public record PolicyResults(int packed) {

    private static final int BITS = 3;
    private static final int MASK = (1 << BITS) - 1;
    private static final TypeResult[] RESULTS = TypeResult.values();

    /** Every type absent. */
    public static final PolicyResults NONE = new PolicyResults(0);

    static {
        if (PolicyType.values().length * BITS > Integer.SIZE || RESULTS.length > (1 << BITS)) {
            throw new AssertionError("policy results no longer fit in an int");
        }
    }

    /** What one kind of policy said. */
    public TypeResult of(PolicyType type) {
        return RESULTS[(packed >>> (BITS * type.ordinal())) & MASK];
    }

    /** These results with {@code type} set to {@code result}. */
    public PolicyResults with(PolicyType type, TypeResult result) {
        return new PolicyResults(pack(packed, type, result));
    }

    /** {@code packed} with {@code type} set to {@code result}: the allocation-free form of {@link #with}. */
    static int pack(int packed, PolicyType type, TypeResult result) {
        int shift = BITS * type.ordinal();
        return (packed & ~(MASK << shift)) | (result.ordinal() << shift);
    }

    /** The kinds that are not {@link TypeResult#ABSENT}, with what each said, in {@link PolicyType} order. */
    public Map<PolicyType, TypeResult> asMap() {
        Map<PolicyType, TypeResult> map = new EnumMap<>(PolicyType.class);
        for (PolicyType type : PolicyType.values()) {
            TypeResult result = of(type);
            if (result != TypeResult.ABSENT) {
                map.put(type, result);
            }
        }
        return map;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
