package io.gatehouse.policy.engine;

import io.gatehouse.policy.condition.ConditionOperator;
import io.gatehouse.policy.document.ConditionEntry;
import io.gatehouse.policy.document.Effect;
import io.gatehouse.policy.document.PolicyDocument;
import io.gatehouse.policy.document.PrincipalBlock;
import io.gatehouse.policy.document.PrincipalKind;
import io.gatehouse.policy.document.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a resource-based policy is "public" in Amazon S3's sense (S3 User Guide, "Blocking public access to
 * your Amazon S3 storage", "The meaning of public"): some Allow statement grants to everyone ({@code *}, or
 * NotPrincipal) without pinning the caller to fixed values of one of the keys S3 accepts as limiting access.
 */
final class PublicPolicy {

    /** Keys whose fixed values make an everyone-grant non-public, in lower case. */
    private static final Set<String> LIMITING_KEYS = Set.of(
            "aws:sourceip", "aws:sourcearn", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceowner",
            "aws:sourceaccount", "aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:userid",
            "s3:x-amz-server-side-encryption-aws-kms-key-id", "s3:dataaccesspointarn", "s3:dataaccesspointaccount");

    private PublicPolicy() {}

    static boolean isPublic(PolicyDocument document) {
        for (Statement statement : document.statements()) {
            if (statement.effect() == Effect.ALLOW && grantsToEveryone(statement) && !limited(statement)) {
                return true;
            }
        }
        return false;
    }

    private static boolean grantsToEveryone(Statement statement) {
        if (statement.notPrincipal() != null) {
            return true;
        }
        PrincipalBlock principal = statement.principal();
        return principal != null && (principal.wildcard() || principal.valuesOf(PrincipalKind.AWS).contains("*"));
    }

    /** Whether a condition pins one of the limiting keys to fixed values (no wildcard, no variable, not negated). */
    private static boolean limited(Statement statement) {
        for (ConditionEntry entry : statement.conditions()) {
            ConditionOperator operator = ConditionOperator.parse(entry.operator());
            if (operator == null || operator.negated() || operator.ifExists()
                    || !LIMITING_KEYS.contains(entry.key().toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean fixed = switch (operator.family()) {
                case STRING_EQUALS, STRING_EQUALS_IGNORE_CASE, ARN_EQUALS, ARN_LIKE, STRING_LIKE, IP_ADDRESS -> true;
                default -> false;
            };
            if (fixed && entry.values().stream().noneMatch(PublicPolicy::isOpen)) {
                return true;
            }
        }
        return false;
    }

    /** A value that does not pin anything: a wildcard, a variable, or an address block covering everything. */
    private static boolean isOpen(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0 || value.contains("${")
                || value.equals("0.0.0.0/0") || value.equals("::/0");
    }
}
