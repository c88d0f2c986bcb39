package io.gatehouse.catalog;

import io.gatehouse.policy.match.Wildcard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every action by its lower-case full name, and wildcard expansion as the policy engine matches the
 * {@code Action} element: the whole {@code service:Action} text against the pattern, ignoring case.
 */
final class ActionIndex {

    private final List<AwsAction> actions;
    /** {@code fullNames[i]} is {@code actions.get(i).fullName()}, built once for expansion across services. */
    private final String[] fullNames;
    private final Map<String, AwsAction> byFullName;
    private final Map<String, AwsService> servicesByPrefix;

    ActionIndex(List<AwsService> services) {
        List<AwsAction> all = new ArrayList<>();
        servicesByPrefix = new HashMap<>(services.size() * 2);
        for (AwsService service : services) {
            servicesByPrefix.put(Names.lower(service.prefix()), service);
            all.addAll(service.actions());
        }
        actions = List.copyOf(all);
        fullNames = new String[actions.size()];
        byFullName = new HashMap<>(actions.size() * 2);
        for (int i = 0; i < fullNames.length; i++) {
            AwsAction action = actions.get(i);
            fullNames[i] = action.fullName();
            byFullName.put(Names.lower(fullNames[i]), action);
        }
    }

    List<AwsAction> all() {
        return actions;
    }

    Optional<AwsService> service(String prefix) {
        return Optional.ofNullable(servicesByPrefix.get(Names.lower(prefix)));
    }

    Optional<AwsAction> action(String fullName) {
        return Optional.ofNullable(byFullName.get(Names.lower(fullName)));
    }

    List<AwsAction> expand(String pattern) {
        if (!hasWildcard(pattern, 0, pattern.length())) {
            return action(pattern).map(List::of).orElse(List.of());
        }
        Wildcard wildcard = Wildcard.compile(pattern, true);
        if (wildcard.matchesEverything()) {
            return actions;
        }
        int colon = pattern.indexOf(':');
        if (colon >= 0 && !hasWildcard(pattern, 0, colon)) {
            return expandInService(pattern.substring(0, colon), Wildcard.compile(pattern.substring(colon + 1), true));
        }
        List<AwsAction> matches = new ArrayList<>();
        for (int i = 0; i < fullNames.length; i++) {
            if (wildcard.matches(fullNames[i])) {
                matches.add(actions.get(i));
            }
        }
        return List.copyOf(matches);
    }

    /** A literal service part selects one service, since prefixes contain no colon. */
    private List<AwsAction> expandInService(String prefix, Wildcard namePattern) {
        AwsService service = servicesByPrefix.get(Names.lower(prefix));
        if (service == null) {
            return List.of();
        }
        if (namePattern.matchesEverything()) {
            return service.actions();
        }
        List<AwsAction> matches = new ArrayList<>();
        for (AwsAction action : service.actions()) {
            if (namePattern.matches(action.name())) {
                matches.add(action);
            }
        }
        return List.copyOf(matches);
    }

    private static boolean hasWildcard(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }
}
