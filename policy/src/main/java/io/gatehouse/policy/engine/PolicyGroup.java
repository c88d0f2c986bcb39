package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.request.AuthorizationRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of every policy that plays one role for a principal (all its identity policies, say), indexed by
 * service prefix: a request looks at the statements whose actions can name its service plus the statements that
 * can match any service (NotAction, {@code *}, wildcard services), in document order.
 *
 * <p>On top of the service index, the group remembers for each action it has been asked about which statements
 * cover that action, so a repeated action skips action matching altogether. The memo is a pure function of the
 * immutable statements, bounded in size, and safe to share between threads.
 */
final class PolicyGroup {

    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    final PolicyType type;
    final List<CompiledPolicy> policies;
    private final Map<String, CompiledStatement[]> byService;
    private final CompiledStatement[] anyService;
    /** Action (lower case) to the statements whose Action/NotAction covers it; at most {@link #MEMO_LIMIT} entries. */
    private final ConcurrentHashMap<String, CompiledStatement[]> byAction = new ConcurrentHashMap<>();

    /** Distinct actions a group remembers; a principal uses far fewer, and past this the group just matches. */
    static final int MEMO_LIMIT = 512;

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

    /** The statements whose Action/NotAction covers the request's action, in document order. */
    CompiledStatement[] covering(AuthorizationRequest request) {
        CompiledStatement[] known = byAction.get(request.actionLookup());
        if (known != null) {
            return known;
        }
        CompiledStatement[] candidates = candidates(request.service());
        int count = 0;
        CompiledStatement[] covering = new CompiledStatement[candidates.length];
        for (CompiledStatement statement : candidates) {
            if (statement.matchesAction(request)) {
                covering[count++] = statement;
            }
        }
        covering = count == 0 ? NONE : Arrays.copyOf(covering, count);
        if (byAction.size() < MEMO_LIMIT) {
            byAction.putIfAbsent(request.actionLookup(), covering);
        }
        return covering;
    }

    boolean isEmpty() {
        return policies.isEmpty();
    }
}
