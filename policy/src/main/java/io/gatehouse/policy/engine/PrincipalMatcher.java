package io.gatehouse.policy.engine;

import io.gatehouse.policy.document.PrincipalBlock;
import io.gatehouse.policy.document.PrincipalKind;
import io.gatehouse.policy.request.Principal;
import java.util.HashSet;
import java.util.Set;

/**
 * A compiled {@code Principal} or {@code NotPrincipal} element. AWS principal values are exact: wildcards other
 * than a lone {@code *} are not patterns, so every lookup is a set membership test.
 */
final class PrincipalMatcher {

    private final boolean everyone;
    private final Set<String> accounts = new HashSet<>();
    private final Set<String> arns = new HashSet<>();
    /** Roles as {@code account/name}: role names are unique in an account, and session ARNs carry no path. */
    private final Set<String> roles = new HashSet<>();
    private final Set<String> services = new HashSet<>();
    private final Set<String> providers = new HashSet<>();
    private final Set<String> canonicalUsers = new HashSet<>();

    PrincipalMatcher(PrincipalBlock block) {
        boolean all = block.wildcard();
        for (String value : block.valuesOf(PrincipalKind.AWS)) {
            if (value.equals("*")) {
                all = true;
            } else if (Principal.isAccountId(value)) {
                accounts.add(value);
            } else {
                addArn(value);
            }
        }
        for (String value : block.valuesOf(PrincipalKind.SERVICE)) {
            all |= value.equals("*");
            services.add(value);
        }
        for (String value : block.valuesOf(PrincipalKind.FEDERATED)) {
            all |= value.equals("*");
            providers.add(value);
        }
        for (String value : block.valuesOf(PrincipalKind.CANONICAL_USER)) {
            all |= value.equals("*");
            canonicalUsers.add(value);
        }
        this.everyone = all;
    }

    private void addArn(String arn) {
        Principal named = Principal.parse(arn);
        switch (named.kind()) {
            case ROOT -> accounts.add(named.account());
            case ROLE -> roles.add(named.account() + "/" + named.name());
            default -> arns.add(arn);
        }
    }

    /**
     * Whether this element names exactly the calling principal, as {@code NotPrincipal} needs it: the user's,
     * role's or session's own ARN, the root user as its account, a service or provider by name. Unlike
     * {@link #match}, naming an account does not name its users, nor a role its sessions (IAM User Guide,
     * "AWS JSON policy elements: NotPrincipal": with Bob and his account listed, "all principals except the user
     * named Bob" are denied; with a session, its role and its account listed, all principals except that session).
     */
    boolean namesExactly(Principal principal) {
        if (everyone) {
            return true;
        }
        return switch (principal.kind()) {
            case ANONYMOUS -> false;
            case SERVICE -> services.contains(principal.id());
            case FEDERATED -> providers.contains(principal.id());
            case CANONICAL_USER -> canonicalUsers.contains(principal.id());
            case ROOT -> accounts.contains(principal.account());
            case ROLE -> roles.contains(principal.account() + "/" + principal.name());
            case USER, ASSUMED_ROLE, FEDERATED_USER -> arns.contains(principal.id());
        };
    }

    /** How this element names {@code principal}; {@link Grant#NONE} when it does not. */
    Grant match(Principal principal) {
        if (everyone) {
            return Grant.DIRECT;
        }
        switch (principal.kind()) {
            case ANONYMOUS -> {
                return Grant.NONE;
            }
            case SERVICE -> {
                return services.contains(principal.id()) ? Grant.DIRECT : Grant.NONE;
            }
            case FEDERATED -> {
                return providers.contains(principal.id()) ? Grant.DIRECT : Grant.NONE;
            }
            case CANONICAL_USER -> {
                return canonicalUsers.contains(principal.id()) ? Grant.DIRECT : Grant.NONE;
            }
            default -> {
                // IAM principals of an account.
            }
        }
        if (arns.contains(principal.id())) {
            return Grant.DIRECT;
        }
        if ((principal.kind() == Principal.Kind.ROLE || principal.kind() == Principal.Kind.ASSUMED_ROLE)
                && roles.contains(principal.account() + "/" + principal.name())) {
            return Grant.ROLE;
        }
        if (principal.account() != null && accounts.contains(principal.account())) {
            return Grant.ACCOUNT;
        }
        return Grant.NONE;
    }
}
