package io.gatehouse.server.session;

import java.util.List;

/**
 * The session policies a role or federated user session was issued with ({@code Policy} and {@code PolicyArns}): they
 * limit what the session's identity-based policies allow to what they allow too.
 *
 * @param inline      the inline session policy as the caller sent it, or {@code null}
 * @param managedArns the managed policies passed as session policies, canonical ARNs, in the order sent
 */
public record SessionPolicies(String inline, List<String> managedArns) {

    /** No session policy. */
    public static final SessionPolicies NONE = new SessionPolicies(null, List.of());

    public SessionPolicies {
        managedArns = List.copyOf(managedArns);
    }

    /** Whether any session policy was passed. */
    public boolean present() {
        return inline != null || !managedArns.isEmpty();
    }
}
