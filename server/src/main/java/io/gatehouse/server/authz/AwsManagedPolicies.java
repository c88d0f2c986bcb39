package io.gatehouse.server.authz;

import io.gatehouse.catalog.ManagedPolicies;
import io.gatehouse.catalog.ManagedPolicy;
import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.CompiledPolicy;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS managed policies every account has, from the catalog, compiled when first needed and kept.
 */
public final class AwsManagedPolicies {

    private final ManagedPolicies catalog;
    private final ConcurrentHashMap<String, CompiledPolicy> compiled = new ConcurrentHashMap<>();

    public AwsManagedPolicies(ManagedPolicies catalog) {
        this.catalog = catalog;
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
