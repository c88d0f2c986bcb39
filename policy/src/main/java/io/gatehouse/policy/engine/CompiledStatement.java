package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.condition.Condition;
import io.gatehouse.policy.condition.Conditions;
import io.gatehouse.policy.condition.MissingKeySink;
import io.gatehouse.policy.document.Effect;
import io.gatehouse.policy.document.Statement;
import io.gatehouse.policy.match.ArnPattern;
import io.gatehouse.policy.match.Wildcard;
import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.variable.Template;
import java.util.List;
import java.util.Locale;

/**
 * One statement compiled for evaluation: action patterns in lower case, resource patterns and condition values
 * with their policy variables parsed, principals in hash sets. Immutable and thread-safe.
 */
final class CompiledStatement {

    final StatementRef ref;
    final Effect effect;
    /** The action patterns, lower case, full {@code service:action} form. */
    final Wildcard[] actions;
    final boolean notAction;
    /** The resource patterns, or {@code null} when the statement has neither Resource nor NotResource. */
    final ArnPattern[] resources;
    final boolean notResource;
    /** Principal or NotPrincipal, or {@code null} when the statement names none. */
    final PrincipalMatcher principals;
    final boolean notPrincipal;
    final Condition[] conditions;
    /** The lower-case service prefixes the actions name, or {@code null} when some action matches any service. */
    final List<String> services;

    CompiledStatement(PolicyType type, String policyName, Statement statement, boolean variables) {
        this.ref = new StatementRef(type, policyName, statement.index(), statement.sid(), statement.effect());
        this.effect = statement.effect();
        List<String> actionList = statement.notAction() != null ? statement.notAction() : statement.action();
        this.notAction = statement.notAction() != null;
        List<String> patterns = actionList == null ? List.of() : actionList.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        this.actions = patterns.stream().map(p -> Wildcard.compile(p, false)).toArray(Wildcard[]::new);
        this.services = notAction ? null : servicesOf(patterns);
        List<String> resourceList = statement.notResource() != null ? statement.notResource() : statement.resource();
        this.notResource = statement.notResource() != null;
        this.resources = resourceList == null ? null
                : resourceList.stream().map(r -> ArnPattern.compile(Template.parse(r, variables))).toArray(ArnPattern[]::new);
        this.notPrincipal = statement.notPrincipal() != null;
        this.principals = statement.notPrincipal() != null ? new PrincipalMatcher(statement.notPrincipal())
                : statement.principal() != null ? new PrincipalMatcher(statement.principal()) : null;
        this.conditions = statement.conditions().stream().map(c -> Conditions.compile(c, variables)).toArray(Condition[]::new);
    }

    /** The services whose actions the patterns can match, or {@code null} when one may match any service. */
    private static List<String> servicesOf(List<String> patterns) {
        java.util.LinkedHashSet<String> services = new java.util.LinkedHashSet<>();
        for (String pattern : patterns) {
            int colon = pattern.indexOf(':');
            if (colon < 0) {
                if (Wildcard.compile(pattern, false).matchesEverything()) {
                    return null;
                }
                continue; // "foo" without a colon names no action
            }
            String service = pattern.substring(0, colon);
            if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
                return null;
            }
            services.add(service);
        }
        return List.copyOf(services);
    }

    /** Whether the statement's Action/NotAction covers the request's action. */
    boolean matchesAction(AuthorizationRequest request) {
        String action = request.actionLookup();
        for (Wildcard pattern : actions) {
            if (pattern.matches(action)) {
                return !notAction;
            }
        }
        return notAction;
    }

    /**
     * Whether the statement's Resource/NotResource covers the request's resource. A statement without either
     * (trust policies, lenient documents) covers every resource. For a request on any resource ({@code *} on an
     * action that has resource-level permissions), an Allow covers it if it could cover some resource and a Deny
     * only if it covers every resource.
     */
    boolean matchesResource(AuthorizationRequest request) {
        if (resources == null) {
            return true;
        }
        if (request.isAnyResource()) {
            boolean everything = false;
            for (ArnPattern pattern : resources) {
                everything |= pattern.matchesEverything();
            }
            if (effect == Effect.ALLOW) {
                return notResource ? !everything : resources.length > 0;
            }
            return !notResource && everything;
        }
        String resource = request.resource();
        for (ArnPattern pattern : resources) {
            if (pattern.matches(resource, request.context())) {
                return !notResource;
            }
        }
        return notResource;
    }

    /** Whether every condition holds. */
    boolean matchesConditions(AuthorizationRequest request, MissingKeySink missing) {
        for (Condition condition : conditions) {
            if (!condition.test(request.context(), missing)) {
                return false;
            }
        }
        return true;
    }
}
