package io.gatehouse.policy.parse;

import java.util.List;

/**
 * One statement as read, with the places of its parts; an absent element is {@code null}.
 *
 * @param index        zero-based position in the document
 * @param path         {@code Statement[i]}, or {@code Statement} when the statement is not in an array
 * @param at           where the statement object starts
 * @param sid          {@code Sid}
 * @param effect       {@code Effect} as written
 * @param principal    {@code Principal}
 * @param notPrincipal {@code NotPrincipal}
 * @param action       {@code Action}
 * @param notAction    {@code NotAction}
 * @param resource     {@code Resource}
 * @param notResource  {@code NotResource}
 * @param condition    where the {@code Condition} element's name is, or {@code null} when absent
 * @param conditions   every operator/key pair, in document order
 */
record SourceStatement(
        int index,
        String path,
        Position at,
        Text sid,
        Text effect,
        SourcePrincipal principal,
        SourcePrincipal notPrincipal,
        TextList action,
        TextList notAction,
        TextList resource,
        TextList notResource,
        Position condition,
        List<SourceCondition> conditions) {

    SourceStatement {
        conditions = List.copyOf(conditions);
    }
}
