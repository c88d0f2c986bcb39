package io.gatehouse.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code services.tsv.gz}: records {@code G} (global key), then per service {@code S} followed
 * by its {@code K} (condition key), {@code R} (resource type), {@code A} (action) and {@code T}
 * (resource type of the preceding action) records. The file's header documents the fields.
 */
final class ServicesReader {

    private static final String RESOURCE = "services.tsv.gz";

    private final List<ConditionKey> globalKeys = new ArrayList<>();
    private final List<AwsService> services = new ArrayList<>();
    private ServiceBuilder service;

    private ServicesReader() {
    }

    /** Reads the resource. */
    static ServiceData read() {
        ServicesReader reader = new ServicesReader();
        try (BufferedReader lines = Resources.gzipLines(RESOURCE)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!Tsv.isComment(line)) {
                    reader.accept(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource " + RESOURCE, e);
        }
        reader.finishService();
        return new ServiceData(reader.globalKeys, reader.services);
    }

    private void accept(String line) {
        switch (line.charAt(0)) {
            case 'G' -> {
                String[] f = Tsv.fields(line, 3);
                globalKeys.add(new ConditionKey(f[1], ConditionKeyType.ofAwsName(f[2])));
            }
            case 'S' -> {
                String[] f = Tsv.fields(line, 3);
                finishService();
                service = new ServiceBuilder(f[1], f[2]);
            }
            case 'K' -> {
                String[] f = Tsv.fields(line, 3);
                current().addKey(new ConditionKey(f[1], ConditionKeyType.ofAwsName(f[2])));
            }
            case 'R' -> {
                String[] f = Tsv.fields(line, 4);
                current().addResourceType(f[1], f[2], Tsv.list(f[3]));
            }
            case 'A' -> {
                String[] f = Tsv.fields(line, 5);
                current().startAction(f[1], AccessLevel.ofAwsName(f[2]), Tsv.list(f[3]), Tsv.list(f[4]));
            }
            case 'T' -> {
                String[] f = Tsv.fields(line, 5);
                current().addActionResource(f[1], required(f[2]), Tsv.list(f[3]), Tsv.list(f[4]));
            }
            default -> throw new IllegalStateException("unknown catalog record: " + line);
        }
    }

    private ServiceBuilder current() {
        if (service == null) {
            throw new IllegalStateException("catalog record before the first service record");
        }
        return service;
    }

    private void finishService() {
        if (service != null) {
            services.add(service.build());
            service = null;
        }
    }

    private static boolean required(String field) {
        return switch (field) {
            case "required" -> true;
            case "optional" -> false;
            default -> throw new IllegalStateException("neither required nor optional: " + field);
        };
    }

    /** Collects one service's records; resolves names against the keys and resource types read before. */
    private static final class ServiceBuilder {
        private final String prefix;
        private final String name;
        private final List<ConditionKey> keys = new ArrayList<>();
        private final Map<String, ConditionKey> keysByName = new HashMap<>();
        private final List<ResourceType> resourceTypes = new ArrayList<>();
        private final Map<String, ResourceType> resourceTypesByName = new HashMap<>();
        private final List<AwsAction> actions = new ArrayList<>();
        private String actionName;
        private AccessLevel accessLevel;
        private List<ConditionKey> actionKeys;
        private List<String> dependentActions;
        private final List<ActionResource> actionResources = new ArrayList<>();

        ServiceBuilder(String prefix, String name) {
            this.prefix = prefix;
            this.name = name;
        }

        void addKey(ConditionKey key) {
            keys.add(key);
            keysByName.put(Names.lower(key.name()), key);
        }

        void addResourceType(String typeName, String arnFormat, List<String> keyNames) {
            ResourceType type = new ResourceType(prefix, typeName, arnFormat, keys(keyNames));
            resourceTypes.add(type);
            resourceTypesByName.put(Names.lower(typeName), type);
        }

        void startAction(String action, AccessLevel level, List<String> keyNames, List<String> dependents) {
            finishAction();
            actionName = action;
            accessLevel = level;
            actionKeys = keys(keyNames);
            dependentActions = dependents;
        }

        void addActionResource(String typeName, boolean required, List<String> keyNames, List<String> dependents) {
            if (actionName == null) {
                throw new IllegalStateException("resource type record before an action in service " + prefix);
            }
            ResourceType type = resourceTypesByName.get(Names.lower(typeName));
            if (type == null) {
                throw new IllegalStateException(prefix + ':' + actionName + " names unknown resource type " + typeName);
            }
            actionResources.add(new ActionResource(type, required, keys(keyNames), dependents));
        }

        AwsService build() {
            finishAction();
            return new AwsService(prefix, name, actions, resourceTypes, keys);
        }

        private void finishAction() {
            if (actionName != null) {
                actions.add(new AwsAction(prefix, actionName, accessLevel, actionResources, actionKeys, dependentActions));
                actionResources.clear();
                actionName = null;
            }
        }

        private List<ConditionKey> keys(List<String> names) {
            List<ConditionKey> resolved = new ArrayList<>(names.size());
            for (String keyName : names) {
                ConditionKey key = keysByName.get(Names.lower(keyName));
                if (key == null) {
                    throw new IllegalStateException("service " + prefix + " uses undefined condition key " + keyName);
                }
                resolved.add(key);
            }
            return resolved;
        }
    }
}
