package io.gatehouse.policy.document;

import java.util.List;

/**
 * One statement of a policy document, as written. An absent element is {@code null}; a present
 * string-or-array element is a list in document order (a single string becomes a one-element list).
 *
 * @param index        zero-based position of the statement in the document
 * @param sid          the {@code Sid}, or {@code null}
 * @param effect       the {@code Effect}; never {@code null} in a document that parsed
 * @param principal    {@code Principal}, or {@code null}
 * @param notPrincipal {@code NotPrincipal}, or {@code null}
 * @param action       {@code Action}, or {@code null}
 * @param notAction    {@code NotAction}, or {@code null}
 * @param resource     {@code Resource}, or {@code null}
 * @param notResource  {@code NotResource}, or {@code null}
 * @param conditions   every operator/key pair of the {@code Condition} block in document order; empty when absent
 */
public record Statement(
        int index,
        String sid,
        Effect effect,
        PrincipalBlock principal,
        PrincipalBlock notPrincipal,
        List<String> action,
        List<String> notAction,
        List<String> resource,
        List<String> notResource,
        List<ConditionEntry> conditions) {

    public Statement {
        action = action == null ? null : List.copyOf(action);
        notAction = notAction == null ? null : List.copyOf(notAction);
        resource = resource == null ? null : List.copyOf(resource);
        notResource = notResource == null ? null : List.copyOf(notResource);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
