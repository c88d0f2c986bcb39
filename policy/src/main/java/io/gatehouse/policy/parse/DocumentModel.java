package io.gatehouse.policy.parse;

import io.gatehouse.policy.document.ConditionEntry;
import io.gatehouse.policy.document.Effect;
import io.gatehouse.policy.document.PolicyDocument;
import io.gatehouse.policy.document.PrincipalBlock;
import io.gatehouse.policy.document.PrincipalKind;
import io.gatehouse.policy.document.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns a document that was read without problems into the public document model. */
final class DocumentModel {

    private DocumentModel() {}

    static PolicyDocument of(SourceDocument source) {
        List<Statement> statements = source.statements().stream().map(DocumentModel::statement).toList();
        return new PolicyDocument(value(source.version()), value(source.id()), statements);
    }

    private static Statement statement(SourceStatement s) {
        List<ConditionEntry> conditions = s.conditions().stream()
                .map(c -> new ConditionEntry(c.operator().value(), c.key().value(), c.values().values()))
                .toList();
        return new Statement(s.index(), value(s.sid()), effect(s.effect()), principal(s.principal()),
                principal(s.notPrincipal()), values(s.action()), values(s.notAction()), values(s.resource()),
                values(s.notResource()), conditions);
    }

    /** The structure check admits Allow and Deny in any case; the strict grammar then insists on the exact case. */
    private static Effect effect(Text effect) {
        return effect.value().equalsIgnoreCase(Effect.DENY.text()) ? Effect.DENY : Effect.ALLOW;
    }

    private static PrincipalBlock principal(SourcePrincipal principal) {
        if (principal == null) {
            return null;
        }
        if (principal.wildcard()) {
            return PrincipalBlock.ANYONE;
        }
        Map<PrincipalKind, List<String>> values = new EnumMap<>(PrincipalKind.class);
        principal.kinds().forEach((kind, list) -> values.put(kind, list.values()));
        return new PrincipalBlock(false, values);
    }

    private static List<String> values(TextList list) {
        return list == null ? null : list.values();
    }

    private static String value(Text text) {
        return text == null ? null : text.value();
    }
}
