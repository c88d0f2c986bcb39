package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements of every policy that plays one role for a principal (all its identity policies, say), indexed by
 * service prefix: a request looks at the statements whose actions can name its service plus the statements that
 * can match any service (NotAction, {@code *}, wildcard services), in document order. Immutable.
 */
final class PolicyGroup {

    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    final PolicyType type;
    final List<CompiledPolicy> policies;
    private final Map<String, CompiledStatement[]> byService;
    private final CompiledStatement[] anyService;

    private PolicyGroup(PolicyType type, List<CompiledPolicy> policies) {
        this.type = type;
        this.policies = List.copyOf(policies);
        List<CompiledStatement> all = new ArrayList<>();
        policies.forEach(p -> all.addAll(p.statements()));
        Set<String> services = new LinkedHashSet<>();
        List<CompiledStatement> any = new ArrayList<>();
        for (CompiledStatement statement : all) {
            if (statement.services == null) {
                any.add(statement);
            } else {
                services.addAll(statement.services);
            }
        }
        this.anyService = any.isEmpty() ? NONE : any.toArray(CompiledStatement[]::new);
        Map<String, CompiledStatement[]> index = new HashMap<>();
        for (String service : services) {
            index.put(service, all.stream()
                    .filter(s -> s.services == null || s.services.contains(service))
                    .toArray(CompiledStatement[]::new));
        }
        this.byService = Map.copyOf(index);
    }

    static PolicyGroup of(PolicyType type, List<CompiledPolicy> policies) {
        return new PolicyGroup(type, policies);
    }

    /** The statements that may match an action of {@code service} (lower case), in document order. */
    CompiledStatement[] candidates(String service) {
        CompiledStatement[] statements = byService.get(service);
        return statements != null ? statements : anyService;
    }

    boolean isEmpty() {
        return policies.isEmpty();
    }
}
