package io.gatehouse.server.authz;

import io.gatehouse.catalog.ManagedPolicies;
import io.gatehouse.catalog.ManagedPolicy;
import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.CompiledPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS managed policies every account has, from the catalog, compiled when first needed and kept. Each account
 * sees the same policies; only their attachment counts are its own (kept in the account state).
 */
public final class AwsManagedPolicies {

    /** The base32 alphabet of AWS unique ids. */
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final ManagedPolicies catalog;
    private final NavigableMap<String, ManagedPolicy> byName;
    private final ConcurrentHashMap<String, CompiledPolicy> compiled = new ConcurrentHashMap<>();

    public AwsManagedPolicies(ManagedPolicies catalog) {
        this.catalog = catalog;
        TreeMap<String, ManagedPolicy> sorted = new TreeMap<>();
        catalog.all().forEach(p -> sorted.put(p.name(), p));
        this.byName = Collections.unmodifiableNavigableMap(sorted);
    }

    /** Every AWS managed policy by name, in name order: a listing pages through it with {@code tailMap}. */
    public NavigableMap<String, ManagedPolicy> byName() {
        return byName;
    }

    /**
     * Whether the policy can be attached to users, groups and roles: service-linked role policies
     * ({@code /aws-service-role/}) and the task policies of root sessions ({@code /root-task/}) cannot.
     */
    public static boolean isAttachable(ManagedPolicy policy) {
        return !isServiceRolePolicy(policy) && !policy.path().startsWith("/root-task/");
    }

    /** Whether the policy belongs to service-linked roles ({@code /aws-service-role/}). */
    public static boolean isServiceRolePolicy(ManagedPolicy policy) {
        return policy.path().startsWith("/aws-service-role/");
    }

    /**
     * The policy's unique id ({@code ANPA…}). The catalog has none, so one is derived from the ARN: the same in every
     * account and across restarts, as AWS's are.
     */
    public static String id(ManagedPolicy policy) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(policy.arn().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
        StringBuilder id = new StringBuilder("ANPA");
        for (int i = 0; i < 17; i++) {
            id.append(ID_ALPHABET[(digest[i] & 0xff) % ID_ALPHABET.length]);
        }
        return id.toString();
    }

    /** The policy with this canonical ARN ({@code arn:aws:iam::aws:policy/…}), or empty. */
    public Optional<ManagedPolicy> byArn(String canonicalArn) {
        return catalog.byArn(canonicalArn);
    }

    /** The compiled default version of the policy with this canonical ARN, or {@code null}. */
    public CompiledPolicy compiled(String canonicalArn) {
        CompiledPolicy known = compiled.get(canonicalArn);
        if (known != null) {
            return known;
        }
        ManagedPolicy policy = catalog.byArn(canonicalArn).orElse(null);
        if (policy == null) {
            return null;
        }
        // AWS's own documents are trusted input, but they are parsed leniently in case the grammar here is
        // stricter than IAM's was when AWS wrote them (one exceeds the text cap of a strict parse).
        ParseResult parsed = PolicyParser.parse(policy.document(), PolicyType.IDENTITY,
                ParseOptions.inline(PolicySizeQuota.roleInline(policy.name())));
        if (!(parsed instanceof ParseResult.Valid)) {
            parsed = PolicyParser.parseLenient(policy.document());
        }
        if (!(parsed instanceof ParseResult.Valid valid)) {
            return null;
        }
        CompiledPolicy result = CompiledPolicy.compile(policy.arn(), PolicyType.IDENTITY, valid.document());
        compiled.putIfAbsent(canonicalArn, result);
        return compiled.get(canonicalArn);
    }
}
