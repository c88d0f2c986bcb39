package io.gatehouse.policy.request;

/** The type of a request-context value, as the service authorization reference and the case format name them. */
public enum ContextType {
    STRING("String"),
    NUMERIC("Numeric"),
    DATE("Date"),
    BOOL("Bool"),
    BINARY("Binary"),
    IP_ADDRESS("IPAddress"),
    ARN("ARN");

    private final String text;

    ContextType(String text) {
        this.text = text;
    }

    /** The name as written in the case format ({@code IPAddress}); multi-valued keys prefix it with {@code ArrayOf}. */
    public String text() {
        return text;
    }

    /** The type for a name such as {@code Date} (also {@code Ip}/{@code IpAddress}, as some sources spell it), or {@code null}. */
    public static ContextType ofText(String text) {
        for (ContextType type : values()) {
            if (type.text.equalsIgnoreCase(text)) {
                return type;
            }
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "ip", "ipaddr" -> IP_ADDRESS;
            case "boolean" -> BOOL;
            case "integer", "long", "number" -> NUMERIC;
            default -> null;
        };
    }
}
