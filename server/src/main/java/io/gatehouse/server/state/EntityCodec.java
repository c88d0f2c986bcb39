package io.gatehouse.server.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.condition.Values;
import io.gatehouse.policy.engine.CompiledPolicy;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored JSON form of each entity, written and read field by field (no reflection). Policy documents are stored
 * as sent and compiled again when first needed after a load ({@link PolicyCode}); secrets are sealed with
 * {@link Secrets}.
 */
public final class EntityCodec {

    /** Kinds of stored entity. */
    public static final String USER = "user";
    public static final String GROUP = "group";
    public static final String ROLE = "role";
    public static final String POLICY = "policy";
    public static final String INSTANCE_PROFILE = "instance-profile";
    public static final String ACCESS_KEY = "access-key";
    /** A user's login profile: its password hashes, sealed. */
    public static final String LOGIN_PROFILE = "login-profile";
    /** A virtual MFA device, keyed by {@link MfaDevice#key()}. */
    public static final String MFA_DEVICE = "mfa-device";
    /** A service-linked role deletion, kept for GetServiceLinkedRoleDeletionStatus. */
    public static final String ROLE_DELETION = "role-deletion";
    public static final String SSH_PUBLIC_KEY = "ssh-public-key";
    public static final String SIGNING_CERTIFICATE = "signing-certificate";
    public static final String SERVICE_CREDENTIAL = "service-specific-credential";
    public static final String SERVER_CERTIFICATE = "server-certificate";
    /** An OpenID Connect provider, keyed by its issuer URL without the scheme. */
    public static final String OIDC_PROVIDER = "oidc-provider";
    /** A SAML provider, keyed by its name; its private keys sealed. */
    public static final String SAML_PROVIDER = "saml-provider";
    /** A deleted access key's id, kept so the key stays refused rather than unknown. */
    public static final String RETIRED_KEY = "retired-key";
    /** An account's credential report ({@link CredentialReports}), which the state loader skips. */
    public static final String CREDENTIAL_REPORT = "credential-report";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Secrets secrets;

    public EntityCodec(Secrets secrets) {
        this.secrets = secrets;
    }

    // --- users ---

    public String write(User user) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", user.name()).put("id", user.id()).put("path", user.path()).put("created", user.created().toString());
        putNullable(node, "permissionsBoundary", user.permissionsBoundaryArn());
        node.set("tags", tags(user.tags()));
        node.set("inlinePolicies", inline(user.inlinePolicies()));
        node.set("attachedPolicies", strings(user.attachedPolicyArns()));
        node.set("groups", strings(user.groupNames()));
        if (user.passwordLastUsed() != null) {
            node.put("passwordLastUsed", user.passwordLastUsed().toString());
        }
        return text(node);
    }

    public User readUser(String json) {
        JsonNode node = tree(json);
        return new User(node.get("name").asText(), node.get("id").asText(), node.get("path").asText(),
                time(node.get("created").asText()), nullable(node, "permissionsBoundary"), tags(node.get("tags")),
                inline(node.get("inlinePolicies"), PolicySizeQuota.userInline(node.get("name").asText())),
                strings(node.get("attachedPolicies")), strings(node.get("groups")), instant(node, "passwordLastUsed"));
    }

    // --- groups ---

    public String write(Group group) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", group.name()).put("id", group.id()).put("path", group.path()).put("created", group.created().toString());
        node.set("inlinePolicies", inline(group.inlinePolicies()));
        node.set("attachedPolicies", strings(group.attachedPolicyArns()));
        return text(node);
    }

    public Group readGroup(String json) {
        JsonNode node = tree(json);
        return new Group(node.get("name").asText(), node.get("id").asText(), node.get("path").asText(),
                time(node.get("created").asText()),
                inline(node.get("inlinePolicies"), PolicySizeQuota.groupInline(node.get("name").asText())),
                strings(node.get("attachedPolicies")));
    }

    // --- roles ---

    public String write(Role role) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", role.name()).put("id", role.id()).put("path", role.path()).put("created", role.created().toString());
        node.put("trustPolicy", role.trustPolicy());
        putNullable(node, "description", role.description());
        node.put("maxSessionDuration", role.maxSessionDuration());
        putNullable(node, "permissionsBoundary", role.permissionsBoundaryArn());
        node.set("tags", tags(role.tags()));
        node.set("inlinePolicies", inline(role.inlinePolicies()));
        node.set("attachedPolicies", strings(role.attachedPolicyArns()));
        if (role.lastUsed() != null) {
            ObjectNode lastUsed = node.putObject("lastUsed").put("date", role.lastUsed().date().toString());
            putNullable(lastUsed, "region", role.lastUsed().region());
        }
        return text(node);
    }

    public Role readRole(String json) {
        JsonNode node = tree(json);
        String name = node.get("name").asText();
        String trust = node.get("trustPolicy").asText();
        JsonNode lastUsed = node.get("lastUsed");
        return new Role(name, node.get("id").asText(), node.get("path").asText(), time(node.get("created").asText()),
                trust, PolicyCode.stored(name, PolicyType.TRUST, trust, ParseOptions.defaultsFor(PolicyType.TRUST)),
                nullable(node, "description"), node.get("maxSessionDuration").asInt(), nullable(node, "permissionsBoundary"),
                tags(node.get("tags")), inline(node.get("inlinePolicies"), PolicySizeQuota.roleInline(name)),
                strings(node.get("attachedPolicies")), lastUsed == null ? null
                        : new Role.LastUsed(time(lastUsed.get("date").asText()), nullable(lastUsed, "region")));
    }

    // --- managed policies ---

    public String write(ManagedPolicy policy) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", policy.name()).put("id", policy.id()).put("path", policy.path());
        putNullable(node, "description", policy.description());
        node.put("created", policy.created().toString()).put("updated", policy.updated().toString());
        node.put("defaultVersion", policy.defaultVersionId()).put("nextVersion", policy.nextVersion());
        ArrayNode versions = node.putArray("versions");
        for (PolicyVersion version : policy.versions()) {
            versions.addObject().put("id", version.versionId()).put("document", version.document())
                    .put("created", version.created().toString());
        }
        node.set("tags", tags(policy.tags()));
        return text(node);
    }

    public ManagedPolicy readPolicy(String json) {
        JsonNode node = tree(json);
        String name = node.get("name").asText();
        List<PolicyVersion> versions = new ArrayList<>();
        for (JsonNode version : node.get("versions")) {
            String document = version.get("document").asText();
            versions.add(new PolicyVersion(version.get("id").asText(), document,
                    PolicyCode.stored(name, PolicyType.IDENTITY, document, ParseOptions.managedPolicy()),
                    time(version.get("created").asText())));
        }
        return new ManagedPolicy(name, node.get("id").asText(), node.get("path").asText(), nullable(node, "description"),
                time(node.get("created").asText()), time(node.get("updated").asText()),
                node.get("defaultVersion").asText(), versions, node.get("nextVersion").asInt(), tags(node.get("tags")));
    }

    // --- instance profiles ---

    public String write(InstanceProfile profile) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", profile.name()).put("id", profile.id()).put("path", profile.path())
                .put("created", profile.created().toString());
        node.set("roles", strings(profile.roleNames()));
        node.set("tags", tags(profile.tags()));
        return text(node);
    }

    public InstanceProfile readInstanceProfile(String json) {
        JsonNode node = tree(json);
        return new InstanceProfile(node.get("name").asText(), node.get("id").asText(), node.get("path").asText(),
                time(node.get("created").asText()), strings(node.get("roles")), tags(node.get("tags")));
    }

    // --- service-linked role deletions ---

    public String write(ServiceLinkedRoleDeletion deletion) {
        ObjectNode node = mapper.createObjectNode();
        node.put("taskId", deletion.taskId()).put("submitted", deletion.submitted().toString());
        return text(node);
    }

    public ServiceLinkedRoleDeletion readRoleDeletion(String json) {
        JsonNode node = tree(json);
        return new ServiceLinkedRoleDeletion(node.get("taskId").asText(), time(node.get("submitted").asText()));
    }

    // --- access keys ---

    public String write(AccessKey key) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", key.id());
        putNullable(node, "user", key.userName());
        node.put("secret", secrets.seal(key.secret(), "access-key:" + key.id()));
        node.put("active", key.active()).put("created", key.created().toString());
        if (key.lastUsed() != null) {
            ObjectNode lastUsed = node.putObject("lastUsed").put("date", key.lastUsed().date().toString());
            putNullable(lastUsed, "service", key.lastUsed().service());
            putNullable(lastUsed, "region", key.lastUsed().region());
        }
        return text(node);
    }

    public AccessKey readAccessKey(String json) {
        JsonNode node = tree(json);
        String id = node.get("id").asText();
        JsonNode lastUsed = node.get("lastUsed");
        return new AccessKey(id, nullable(node, "user"), secrets.open(node.get("secret").asText(), "access-key:" + id),
                node.get("active").asBoolean(), time(node.get("created").asText()), lastUsed == null ? null
                        : new AccessKey.LastUsed(time(lastUsed.get("date").asText()), nullable(lastUsed, "service"),
                        nullable(lastUsed, "region")));
    }

    /** The {@code sealing} of login profiles whose hashes are bound to their account as well as their user. */
    private static final int ACCOUNT_BOUND = 2;

    // --- login profiles ---

    /**
     * A login profile with its hashes sealed, bound to its account and the user's key (so a sealed hash copied to
     * another user or account fails to open): the current hash alone, the earlier ones together (PHC strings hold no line
     * break, so they are joined by one).
     */
    public String write(String accountId, LoginProfile profile) {
        String binding = accountId + ":" + Names.key(profile.userName());
        ObjectNode node = mapper.createObjectNode();
        node.put("user", profile.userName()).put("created", profile.created().toString())
                .put("passwordLastChanged", profile.passwordLastChanged().toString())
                .put("passwordResetRequired", profile.passwordResetRequired())
                .put("sealing", ACCOUNT_BOUND)
                .put("hash", secrets.seal(profile.passwordHash(), "login-profile:" + binding));
        if (!profile.previousHashes().isEmpty()) {
            node.put("previousHashes", secrets.seal(String.join("\n", profile.previousHashes()),
                    "login-profile-history:" + binding));
        }
        return text(node);
    }

    /**
     * The login profile {@link #write(String, LoginProfile)} wrote for the account. Profiles written before their
     * hashes were bound to the account (no {@code sealing} member) are read with their user's key alone; the next
     * change of the profile writes them account-bound.
     */
    public LoginProfile readLoginProfile(String accountId, String json) {
        JsonNode node = tree(json);
        String user = node.get("user").asText();
        String binding = node.path("sealing").asInt(0) == ACCOUNT_BOUND
                ? accountId + ":" + Names.key(user) : Names.key(user);
        String hash = secrets.open(node.get("hash").asText(), "login-profile:" + binding);
        String history = nullable(node, "previousHashes");
        List<String> previous = history == null ? List.of()
                : List.of(secrets.open(history, "login-profile-history:" + binding).split("\n"));
        return new LoginProfile(user, time(node.get("created").asText()),
                time(node.get("passwordLastChanged").asText()), node.get("passwordResetRequired").asBoolean(), hash,
                previous);
    }

    // --- virtual MFA devices ---

    /** A device's stored form; its seed is sealed and bound to the account and the device. */
    public String write(String accountId, MfaDevice device) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", device.name()).put("path", device.path()).put("created", device.created().toString());
        node.put("seed", secrets.seal(device.seed(), seedBinding(accountId, device.key())));
        node.set("tags", tags(device.tags()));
        if (device.assignment() != null) {
            ObjectNode assignment = node.putObject("assignment");
            putNullable(assignment, "user", device.assignment().userName());
            assignment.put("enabled", device.assignment().enabled().toString());
        }
        node.put("lastUsedStep", device.lastUsedStep());
        return text(node);
    }

    public MfaDevice readMfaDevice(String accountId, String json) {
        JsonNode node = tree(json);
        String name = node.get("name").asText();
        String path = node.get("path").asText();
        JsonNode assignment = node.get("assignment");
        return new MfaDevice(name, path,
                secrets.open(node.get("seed").asText(), seedBinding(accountId, MfaDevice.keyOf(path, name))),
                time(node.get("created").asText()), tags(node.get("tags")), assignment == null ? null
                        : new MfaDevice.Assignment(nullable(assignment, "user"), time(assignment.get("enabled").asText())),
                node.get("lastUsedStep").asLong());
    }

    /** What a sealed seed is bound to: device keys are unique within an account only. */
    private static String seedBinding(String accountId, String deviceKey) {
        return "mfa-device:" + accountId + ":" + deviceKey;
    }

    // --- SSH public keys, signing certificates, service-specific credentials, server certificates ---

    public String write(SshPublicKey key) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", key.id()).put("user", key.userName()).put("body", key.body())
                .put("fingerprint", key.fingerprint()).put("active", key.active())
                .put("uploaded", key.uploaded().toString());
        return text(node);
    }

    public SshPublicKey readSshPublicKey(String json) {
        JsonNode node = tree(json);
        return new SshPublicKey(node.get("id").asText(), node.get("user").asText(), node.get("body").asText(),
                node.get("fingerprint").asText(), node.get("active").asBoolean(), time(node.get("uploaded").asText()));
    }

    public String write(SigningCertificate certificate) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", certificate.id());
        putNullable(node, "user", certificate.userName());
        node.put("body", certificate.body()).put("digest", certificate.digest()).put("active", certificate.active())
                .put("uploaded", certificate.uploaded().toString());
        return text(node);
    }

    public SigningCertificate readSigningCertificate(String json) {
        JsonNode node = tree(json);
        return new SigningCertificate(node.get("id").asText(), nullable(node, "user"), node.get("body").asText(),
                node.get("digest").asText(), node.get("active").asBoolean(), time(node.get("uploaded").asText()));
    }

    public String write(ServiceSpecificCredential credential) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", credential.id()).put("user", credential.userName()).put("service", credential.serviceName());
        putNullable(node, "serviceUser", credential.serviceUserName());
        putNullable(node, "alias", credential.alias());
        node.put("secret", secrets.seal(credential.secret(), SERVICE_CREDENTIAL + ":" + credential.id()));
        node.put("active", credential.active()).put("created", credential.created().toString());
        if (credential.expiration() != null) {
            node.put("expiration", credential.expiration().toString());
        }
        return text(node);
    }

    public ServiceSpecificCredential readServiceCredential(String json) {
        JsonNode node = tree(json);
        String id = node.get("id").asText();
        return new ServiceSpecificCredential(id, node.get("user").asText(), node.get("service").asText(),
                nullable(node, "serviceUser"), nullable(node, "alias"),
                secrets.open(node.get("secret").asText(), SERVICE_CREDENTIAL + ":" + id), node.get("active").asBoolean(),
                time(node.get("created").asText()), instant(node, "expiration"));
    }

    public String write(ServerCertificate certificate) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", certificate.name()).put("id", certificate.id()).put("path", certificate.path())
                .put("body", certificate.body());
        putNullable(node, "chain", certificate.chain());
        // Bound to the certificate's id, which stays when it is renamed.
        node.put("privateKey", secrets.seal(certificate.privateKey(), SERVER_CERTIFICATE + ":" + certificate.id()));
        node.put("uploaded", certificate.uploaded().toString()).put("expiration", certificate.expiration().toString());
        node.set("tags", tags(certificate.tags()));
        return text(node);
    }

    public ServerCertificate readServerCertificate(String json) {
        JsonNode node = tree(json);
        String id = node.get("id").asText();
        return new ServerCertificate(node.get("name").asText(), id, node.get("path").asText(), node.get("body").asText(),
                nullable(node, "chain"), secrets.open(node.get("privateKey").asText(), SERVER_CERTIFICATE + ":" + id),
                time(node.get("uploaded").asText()), time(node.get("expiration").asText()), tags(node.get("tags")));
    }

    // --- credential reports ---

    public String write(CredentialReport report) {
        ObjectNode node = mapper.createObjectNode();
        node.put("started", report.started().toString());
        if (report.complete()) {
            node.put("generated", report.generated().toString()).put("content", report.content());
        }
        return text(node);
    }

    public CredentialReport readCredentialReport(String json) {
        JsonNode node = tree(json);
        return new CredentialReport(time(node.get("started").asText()), instant(node, "generated"),
                nullable(node, "content"));
    }

    // --- identity providers ---

    public String write(OidcProvider provider) {
        ObjectNode node = mapper.createObjectNode();
        node.put("url", provider.issuerUrl()).put("created", provider.created().toString());
        node.set("clientIds", strings(provider.clientIds()));
        node.set("thumbprints", strings(provider.thumbprints()));
        node.set("tags", tags(provider.tags()));
        return text(node);
    }

    public OidcProvider readOidcProvider(String json) {
        JsonNode node = tree(json);
        return new OidcProvider(node.get("url").asText(), strings(node.get("clientIds")),
                strings(node.get("thumbprints")), time(node.get("created").asText()), tags(node.get("tags")));
    }

    /** A SAML provider; each private key is sealed and bound to the provider's unique id and the key's id. */
    public String write(SamlProvider provider) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", provider.name()).put("uuid", provider.uuid()).put("document", provider.document())
                .put("created", provider.created().toString()).put("validUntil", provider.validUntil().toString())
                .put("encryption", provider.encryption().wire());
        ArrayNode keys = node.putArray("privateKeys");
        for (SamlPrivateKey key : provider.privateKeys()) {
            keys.addObject().put("id", key.id()).put("added", key.added().toString())
                    .put("pem", secrets.seal(key.pem(), samlKeyBinding(provider.uuid(), key.id())));
        }
        node.set("tags", tags(provider.tags()));
        return text(node);
    }

    /** A stored SAML provider; its metadata document, accepted when it was stored, is read again. */
    public SamlProvider readSamlProvider(String json) {
        JsonNode node = tree(json);
        String uuid = node.get("uuid").asText();
        String document = node.get("document").asText();
        List<SamlPrivateKey> keys = new ArrayList<>();
        for (JsonNode key : node.get("privateKeys")) {
            String id = key.get("id").asText();
            keys.add(new SamlPrivateKey(id, secrets.open(key.get("pem").asText(), samlKeyBinding(uuid, id)),
                    time(key.get("added").asText())));
        }
        return new SamlProvider(node.get("name").asText(), uuid, document, SamlMetadata.parse(document),
                time(node.get("created").asText()), time(node.get("validUntil").asText()),
                SamlProvider.AssertionEncryption.of(node.get("encryption").asText()), keys, tags(node.get("tags")));
    }

    private static String samlKeyBinding(String providerUuid, String keyId) {
        return SAML_PROVIDER + "-key:" + providerUuid + ":" + keyId;
    }

    // --- accounts ---

    public String write(Account account) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", account.id()).put("created", account.created().toString());
        node.set("aliases", strings(account.aliases()));
        if (account.passwordPolicy() != null) {
            node.set("passwordPolicy", passwordPolicy(account.passwordPolicy()));
        }
        if (account.rootLogin() != null) {
            node.put("rootEmail", account.rootLogin().email());
            node.put("rootPasswordHash", secrets.seal(account.rootLogin().passwordHash(), rootPasswordBinding(account.id())));
            if (account.rootLogin().lastUsed() != null) {
                node.put("rootPasswordLastUsed", account.rootLogin().lastUsed().toString());
            }
        }
        if (account.globalEndpointTokenVersion() != Account.DEFAULT_TOKEN_VERSION) {
            node.put("globalEndpointTokenVersion", account.globalEndpointTokenVersion());
        }
        if (account.outboundFederation() != null) {
            node.putObject("outboundFederation").put("issuerId", account.outboundFederation().issuerId())
                    .put("enabled", account.outboundFederation().enabled());
        }
        return text(node);
    }

    /** What a sealed root password hash is bound to: its account. */
    private static String rootPasswordBinding(String accountId) {
        return "root-password:" + accountId;
    }

    public Account readAccount(String json) {
        JsonNode node = tree(json);
        JsonNode policy = node.get("passwordPolicy");
        String id = node.get("id").asText();
        Account.RootLogin rootLogin = node.has("rootEmail") ? new Account.RootLogin(node.get("rootEmail").asText(),
                secrets.open(node.get("rootPasswordHash").asText(), rootPasswordBinding(id)),
                instant(node, "rootPasswordLastUsed")) : null;
        JsonNode tokenVersion = node.get("globalEndpointTokenVersion");
        JsonNode outbound = node.get("outboundFederation");
        return new Account(id, time(node.get("created").asText()), strings(node.get("aliases")),
                policy == null ? null : passwordPolicy(policy), rootLogin,
                tokenVersion == null ? Account.DEFAULT_TOKEN_VERSION : tokenVersion.asInt(),
                outbound == null ? null : new Account.OutboundFederation(outbound.get("issuerId").asText(),
                        outbound.get("enabled").asBoolean()));
    }

    private ObjectNode passwordPolicy(PasswordPolicy policy) {
        ObjectNode node = mapper.createObjectNode();
        node.put("minimumPasswordLength", policy.minimumPasswordLength())
                .put("requireSymbols", policy.requireSymbols()).put("requireNumbers", policy.requireNumbers())
                .put("requireUppercaseCharacters", policy.requireUppercaseCharacters())
                .put("requireLowercaseCharacters", policy.requireLowercaseCharacters())
                .put("allowUsersToChangePassword", policy.allowUsersToChangePassword())
                .put("hardExpiry", policy.hardExpiry());
        if (policy.maxPasswordAge() != null) {
            node.put("maxPasswordAge", policy.maxPasswordAge());
        }
        if (policy.passwordReusePrevention() != null) {
            node.put("passwordReusePrevention", policy.passwordReusePrevention());
        }
        return node;
    }

    private static PasswordPolicy passwordPolicy(JsonNode node) {
        return new PasswordPolicy(node.get("minimumPasswordLength").asInt(), node.get("requireSymbols").asBoolean(),
                node.get("requireNumbers").asBoolean(), node.get("requireUppercaseCharacters").asBoolean(),
                node.get("requireLowercaseCharacters").asBoolean(), node.get("allowUsersToChangePassword").asBoolean(),
                integer(node, "maxPasswordAge"), integer(node, "passwordReusePrevention"),
                node.get("hardExpiry").asBoolean());
    }

    // --- parts ---

    /**
     * Compiles a stored document. It passed the strict grammar when it was stored; should the grammar have become
     * stricter since, it is read leniently rather than lost.
     */
    public static CompiledPolicy compile(String name, PolicyType type, String document, ParseOptions options) {
        ParseResult parsed = PolicyParser.parse(document, type, options);
        if (!(parsed instanceof ParseResult.Valid)) {
            parsed = PolicyParser.parseLenient(document);
        }
        if (parsed instanceof ParseResult.Valid valid) {
            return CompiledPolicy.compile(name, type, valid.document());
        }
        throw new IllegalStateException("stored policy " + name + " can no longer be read");
    }

    private ArrayNode tags(List<Tag> tags) {
        ArrayNode array = mapper.createArrayNode();
        tags.forEach(t -> array.addObject().put("key", t.key()).put("value", t.value()));
        return array;
    }

    private static List<Tag> tags(JsonNode array) {
        List<Tag> tags = new ArrayList<>();
        if (array != null) {
            array.forEach(t -> tags.add(new Tag(t.get("key").asText(), t.get("value").asText())));
        }
        return tags;
    }

    private ArrayNode inline(List<InlinePolicy> policies) {
        ArrayNode array = mapper.createArrayNode();
        policies.forEach(p -> array.addObject().put("name", p.name()).put("document", p.document()));
        return array;
    }

    private static List<InlinePolicy> inline(JsonNode array, PolicySizeQuota quota) {
        List<InlinePolicy> policies = new ArrayList<>();
        if (array != null) {
            for (JsonNode p : array) {
                String name = p.get("name").asText();
                String document = p.get("document").asText();
                policies.add(new InlinePolicy(name, document,
                        PolicyCode.stored(name, PolicyType.IDENTITY, document, ParseOptions.inline(quota))));
            }
        }
        return policies;
    }

    private ArrayNode strings(List<String> values) {
        ArrayNode array = mapper.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static void putNullable(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String nullable(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * A stored time, written by {@link Instant#toString()}. Its usual form ({@code 2026-01-01T00:00:00Z}, with or
     * without a fraction) is read without java.time's general parser, which is a tenth of a large account's load.
     */
    private static Instant time(String text) {
        Instant fast = text.endsWith("Z") ? Values.parseDate(text) : null;
        return fast != null ? fast : Instant.parse(text);
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = nullable(node, field);
        return value == null ? null : time(value);
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored entity is not JSON", e);
        }
    }

    private String text(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
