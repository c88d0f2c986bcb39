package io.gatehouse.policy.parse;

import io.gatehouse.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;

/** The grammar rules each policy type follows, beyond the structure every policy shares. */
final class Grammar {

    private Grammar() {}

    static void check(SourceDocument document, GrammarContext context, Findings findings) {
        for (GrammarRule rule : rulesFor(context.type())) {
            rule.check(document, context, findings);
        }
    }

    static List<GrammarRule> rulesFor(PolicyType type) {
        List<GrammarRule> rules = new ArrayList<>(List.of(
                new VersionRule(), new StatementShapeRule(), new LegacyRule(), new SidRule(), new ActionRule()));
        switch (type) {
            case IDENTITY, BOUNDARY, SESSION, SCP -> rules.addAll(List.of(
                    new ResourceRule(), new PrincipalForbiddenRule(), new ResourcesRequiredRule()));
            case TRUST -> rules.addAll(List.of(new PrincipalRequiredRule(), new TrustRule()));
            case RESOURCE, ENDPOINT -> rules.addAll(List.of(
                    new ResourceRule(), new PrincipalRequiredRule(), new ResourcesRequiredRule()));
            case RCP -> rules.addAll(List.of(new ResourceRule(), new RcpRule(), new ResourcesRequiredRule()));
        }
        return rules;
    }
}
