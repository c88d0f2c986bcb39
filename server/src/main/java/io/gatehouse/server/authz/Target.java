package io.gatehouse.server.authz;

import java.util.Objects;

/**
 * What a call is authorized on: the resource ARN the policies are evaluated against, and the words an AccessDenied
 * uses for it. The two differ where IAM names the target by its name rather than its ARN: {@code on resource: user
 * bob} for the operations that address an existing user by name, so that a denial tells nothing about the user's
 * path or whether it exists.
 *
 * @param arn   the resource ARN in canonical form, or {@code *}
 * @param shown how a denial names the resource, or {@code null} for the ARN in the caller's partition
 */
public record Target(String arn, String shown) {

    public Target {
        Objects.requireNonNull(arn, "arn");
    }

    /** A target a denial names by its ARN. */
    public static Target of(String canonicalArn) {
        return new Target(canonicalArn, null);
    }

    /** A target a denial names in other words ({@code user bob}). */
    public static Target named(String canonicalArn, String shown) {
        return new Target(canonicalArn, Objects.requireNonNull(shown, "shown"));
    }
}
