package io.gatehouse.server.protocol;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A string with its constraints.
 *
 * @param min         the minimum length in code points, or {@code null}
 * @param max         the maximum length in code points, or {@code null}
 * @param pattern     the model's regular expression as written (AWS quotes it in messages), or {@code null}
 * @param regex       {@code pattern} compiled with the meaning the model intends, or {@code null}
 * @param enumValues  the allowed values in model order; empty when any value is allowed
 * @param sensitive   whether the value is secret: never echoed in messages or logs
 */
public record StringShape(String name, Long min, Long max, String pattern, Pattern regex, List<String> enumValues,
                          boolean sensitive) implements Shape {

    /**
     * IAM marks every policy document it returns with this shape and URL-encodes those values in its responses
     * (botocore's {@code json_decode_policies} handler undoes it for the same shape name).
     */
    static final String POLICY_DOCUMENT = "policyDocumentType";

    public StringShape {
        Objects.requireNonNull(name, "name");
        enumValues = List.copyOf(enumValues);
        if ((pattern == null) != (regex == null)) {
            throw new IllegalArgumentException(name + ": pattern and regex go together");
        }
    }

    /** Whether responses carry this value URL-encoded (IAM policy documents). */
    boolean urlEncodedInResponses() {
        return POLICY_DOCUMENT.equals(name);
    }
}
