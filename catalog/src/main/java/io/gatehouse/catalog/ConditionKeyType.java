package io.gatehouse.catalog;

/**
 * The value type of a condition key, as the Service Authorization Reference and the global condition
 * key reference name it. {@code ArrayOf...} types are multivalued: a request may carry several values
 * and policies compare them with the {@code ForAllValues:}/{@code ForAnyValue:} set operators.
 */
public enum ConditionKeyType {
    STRING("String", null),
    ARN("ARN", null),
    BOOL("Bool", null),
    DATE("Date", null),
    NUMERIC("Numeric", null),
    IP_ADDRESS("IPAddress", null),
    BINARY("Binary", null),
    ARRAY_OF_STRING("ArrayOfString", STRING),
    ARRAY_OF_ARN("ArrayOfARN", ARN),
    ARRAY_OF_BOOL("ArrayOfBool", BOOL),
    ARRAY_OF_DATE("ArrayOfDate", DATE),
    ARRAY_OF_NUMERIC("ArrayOfNumeric", NUMERIC),
    ARRAY_OF_IP_ADDRESS("ArrayOfIPAddress", IP_ADDRESS),
    ARRAY_OF_BINARY("ArrayOfBinary", BINARY);

    private final String awsName;
    private final ConditionKeyType element;

    ConditionKeyType(String awsName, ConditionKeyType element) {
        this.awsName = awsName;
        this.element = element == null ? this : element;
    }

    /** The name as AWS writes it, e.g. {@code "ArrayOfString"}. */
    public String awsName() {
        return awsName;
    }

    /** Whether a request may carry several values for a key of this type ({@code ArrayOf...}). */
    public boolean isMultivalued() {
        return element != this;
    }

    /** The type of one value: itself for single-valued types, {@code STRING} for {@code ARRAY_OF_STRING}, ... */
    public ConditionKeyType elementType() {
        return element;
    }

    /**
     * The type with the given AWS name (exact spelling).
     *
     * @throws IllegalArgumentException when no type has that name
     */
    public static ConditionKeyType ofAwsName(String name) {
        for (ConditionKeyType type : values()) {
            if (type.awsName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown condition key type: " + name);
    }
}
