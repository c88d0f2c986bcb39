package io.gatehouse.server.protocol;

import java.util.List;

/**
 * How a validation message shows the offending value: {@code Value 'x' at 'path'}, {@code Value null at 'path'} or
 * {@code Value at 'path'}.
 */
enum ValueDisplay {

    /**
     * Never show the value. IAM has answered this way since 2024 ({@code 1 validation error detected: Value at
     * 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64}, aws/eks-hybrid
     * pull request 113; likewise for {@code policyArn}, {@code tags.1.member.key} and missing members), where it
     * used to echo the value.
     */
    OMIT,

    /**
     * Show the value quoted, or {@code null}, as Coral services do and STS still does ({@code Value 'Session1:2' at
     * 'roleSessionName'}). Sensitive values are never shown; nor are structures, maps, blobs and timestamps, which
     * AWS renders as Java objects.
     */
    ECHO;

    /** IAM hides values; the other services show them. */
    static ValueDisplay of(ServiceMetadata metadata) {
        return "iam".equals(metadata.endpointPrefix()) ? OMIT : ECHO;
    }

    /** The text between {@code Value } and {@code at}: empty, {@code null } or the quoted value and a space. */
    String render(Shape shape, Object value) {
        if (this == OMIT || secret(shape)) {
            return "";
        }
        if (value == null) {
            return "null ";
        }
        if (value instanceof List<?> list && shape instanceof ListShape) {
            return list.stream().allMatch(ValueDisplay::plain) ? "'" + list + "' " : "";
        }
        return plain(value) ? "'" + value + "' " : "";
    }

    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static boolean secret(Shape shape) {
        return switch (shape) {
            case StringShape string -> string.sensitive();
            case BlobShape blob -> blob.sensitive();
            case ListShape list -> secret(list.member().shape());
            case MapShape map -> secret(map.value().shape());
            default -> false;
        };
    }
}
