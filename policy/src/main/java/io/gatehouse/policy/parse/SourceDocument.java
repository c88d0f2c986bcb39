package io.gatehouse.policy.parse;

import java.util.List;

/**
 * A policy document as read from its JSON, with the place of every part, before any grammar rule.
 *
 * @param version    {@code Version}, or {@code null}
 * @param id         {@code Id}, or {@code null}
 * @param statements the statements that are objects, in document order
 */
record SourceDocument(Text version, Text id, List<SourceStatement> statements) {

    SourceDocument {
        statements = List.copyOf(statements);
    }
}
