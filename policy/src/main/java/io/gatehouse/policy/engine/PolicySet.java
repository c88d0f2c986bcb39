package io.gatehouse.policy.engine;

import io.gatehouse.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;

/**
 * Every policy that applies to a request, grouped by the role each plays, compiled and indexed once and then
 * reused for any number of decisions. A server builds one per principal (and per resource policy) when its
 * authorization snapshot changes, never per request.
 *
 * <p>Presence matters: a principal without a permissions boundary is not limited by one, but a boundary that
 * allows nothing denies everything. Organizations policies are given per level from the root down to the
 * account: every level must allow (SCPs); RCP levels carry the implicit {@code RCPFullAWSAccess}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicySet {

    final PolicyGroup identity;
    final PolicyGroup resource;
    final PolicyGroup boundary;
    final PolicyGroup session;
    final List<PolicyGroup> scpLevels;
    final List<PolicyGroup> rcpLevels;
    final List<PolicyGroup> endpoints;
    final boolean restrictPublicBuckets;
    final CompiledPolicy resourcePolicy;

    private PolicySet(Builder b) {
        this.identity = PolicyGroup.of(PolicyType.IDENTITY, b.identity);
        this.resource = b.resource == null ? null : PolicyGroup.of(b.resource.type(), List.of(b.resource));
        this.boundary = b.boundary.isEmpty() ? null : PolicyGroup.of(PolicyType.BOUNDARY, b.boundary);
        this.session = b.session.isEmpty() ? null : PolicyGroup.of(PolicyType.SESSION, b.session);
        this.scpLevels = b.scpLevels.stream().map(l -> PolicyGroup.of(PolicyType.SCP, l)).toList();
        this.rcpLevels = b.rcpLevels.stream().map(l -> PolicyGroup.of(PolicyType.RCP, l)).toList();
        this.endpoints = b.endpoints.stream().map(p -> PolicyGroup.of(PolicyType.ENDPOINT, List.of(p))).toList();
        this.restrictPublicBuckets = b.restrictPublicBuckets;
        this.resourcePolicy = b.resource;
    }

    private PolicySet(PolicySet base, PolicyGroup session, CompiledPolicy resource) {
        this.identity = base.identity;
        this.resource = resource == null ? null : PolicyGroup.of(resource.type(), List.of(resource));
        this.boundary = base.boundary;
        this.session = session;
        this.scpLevels = base.scpLevels;
        this.rcpLevels = base.rcpLevels;
        this.endpoints = base.endpoints;
        this.restrictPublicBuckets = base.restrictPublicBuckets;
        this.resourcePolicy = resource;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * This set with the session policies of a request: a principal's set is built and indexed once, and each session
     * adds its own policies without the principal's being indexed again. An empty list means none.
     */
    public PolicySet withSession(List<CompiledPolicy> policies) {
        return new PolicySet(this, policies.isEmpty() ? null : PolicyGroup.of(PolicyType.SESSION, policies),
                resourcePolicy);
    }

    /**
     * This set with the resource-based policy of the request's resource (a role's trust policy for the AssumeRole
     * family) in place of the one it has, if any.
     */
    public PolicySet withResource(CompiledPolicy policy) {
        return new PolicySet(this, session, policy);
    }

    /** Whether the principal has a permissions boundary. */
    public boolean hasPermissionsBoundary() {
        return boundary != null;
    }

    /** Whether the request carries session policies. */
    public boolean hasSessionPolicies() {
        return session != null;
    }

    /** Collects the policies of a set. */
    public static final class Builder {
        private final List<CompiledPolicy> identity = new ArrayList<>();
        private CompiledPolicy resource;
        private final List<CompiledPolicy> boundary = new ArrayList<>();
        private final List<CompiledPolicy> session = new ArrayList<>();
        private final List<List<CompiledPolicy>> scpLevels = new ArrayList<>();
        private final List<List<CompiledPolicy>> rcpLevels = new ArrayList<>();
        private final List<CompiledPolicy> endpoints = new ArrayList<>();
        private boolean restrictPublicBuckets;

        /** Identity-based policies of the principal (user, its groups, or role; inline and managed). */
        public Builder identity(List<CompiledPolicy> policies) {
            identity.addAll(policies);
            return this;
        }

        /** The resource-based policy of the resource (a role trust policy for the AssumeRole family). */
        public Builder resource(CompiledPolicy policy) {
            this.resource = policy;
            return this;
        }

        /** The principal's permissions boundary; an empty list means none. */
        public Builder permissionsBoundary(List<CompiledPolicy> policies) {
            boundary.addAll(policies);
            return this;
        }

        /** Session policies of the request; together they form one set, and an empty list means none. */
        public Builder session(List<CompiledPolicy> policies) {
            session.addAll(policies);
            return this;
        }

        /** One level of SCPs (root, an OU, the account), from the root down; each level must allow. */
        public Builder scpLevel(List<CompiledPolicy> policies) {
            scpLevels.add(List.copyOf(policies));
            return this;
        }

        /** One level of RCPs from the root down; {@code RCPFullAWSAccess} is implied at every level. */
        public Builder rcpLevel(List<CompiledPolicy> policies) {
            rcpLevels.add(List.copyOf(policies));
            return this;
        }

        /** A VPC endpoint policy the request passed through. */
        public Builder endpoint(CompiledPolicy policy) {
            endpoints.add(policy);
            return this;
        }

        /**
         * S3 Block Public Access in effect for the bucket (its effective {@code RestrictPublicBuckets}): while the
         * bucket policy is public, only service principals and principals of the bucket's account get access.
         */
        public Builder restrictPublicBuckets(boolean restrict) {
            this.restrictPublicBuckets = restrict;
            return this;
        }

        public PolicySet build() {
            return new PolicySet(this);
        }
    }
}
