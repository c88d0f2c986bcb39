package io.gatehouse.server.authz;

import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.request.RequestContext;
import io.gatehouse.server.session.FederationKey;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.state.Tag;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the request context AWS puts together for a call: the global keys about the caller and the request
 * (IAM User Guide, "AWS global condition context keys"), then whatever the operation adds (tags in the request,
 * tags on the target resource, service keys such as {@code iam:PolicyARN}).
 */
public final class ContextBuilder {

    private final RequestContext.Builder context = RequestContext.builder();

    private ContextBuilder() {}

    /** The global keys of a request by {@code caller}. */
    public static ContextBuilder of(Caller caller, RequestFacts facts, List<Tag> principalTags) {
        ContextBuilder builder = new ContextBuilder();
        RequestContext.Builder c = builder.context;
        if (caller.hasSession()) {
            // First, so that every key put after wins: a key named by an identity provider (from a SAML attribute, or
            // an OIDC provider's URL) never replaces a global key this request has. (Their names cannot spell one
            // anyway: saml:KEY, or PROVIDER:aud/sub/oaud/amr where PROVIDER is a host and path.)
            federationKeys(c, caller.session());
        }
        c.put("aws:CurrentTime", ContextValue.single(ContextType.DATE,
                DateTimeFormatter.ISO_INSTANT.format(facts.time().truncatedTo(ChronoUnit.SECONDS))));
        c.put("aws:EpochTime", ContextValue.single(ContextType.NUMERIC, Long.toString(facts.time().getEpochSecond())));
        c.put("aws:SecureTransport", ContextValue.single(ContextType.BOOL, Boolean.toString(facts.secureTransport())));
        if (facts.sourceIp() != null) {
            c.put("aws:SourceIp", ContextValue.single(ContextType.IP_ADDRESS, facts.sourceIp()));
        }
        if (facts.userAgent() != null) {
            c.put("aws:UserAgent", facts.userAgent());
        }
        c.put("aws:RequestedRegion", facts.region());
        c.put("aws:PrincipalArn", ContextValue.single(ContextType.ARN, caller.principalArn()));
        c.put("aws:PrincipalAccount", caller.accountId());
        c.put("aws:PrincipalType", caller.principalType());
        c.put("aws:userid", caller.userId());
        if (caller.userName() != null) {
            c.put("aws:username", caller.userName());
        }
        if (caller.hasSession()) {
            sessionKeys(c, caller.session(), facts);
        }
        c.put("aws:PrincipalIsAWSService", ContextValue.single(ContextType.BOOL, "false"));
        c.put("aws:ViaAWSService", ContextValue.single(ContextType.BOOL, "false"));
        for (Tag tag : principalTags) {
            c.put("aws:PrincipalTag/" + tag.key(), tag.value());
        }
        return builder;
    }

    /**
     * The keys only temporary credentials have (IAM User Guide, global condition context keys):
     * {@code aws:TokenIssueTime}, {@code aws:MultiFactorAuthPresent} ({@code true} or {@code false}),
     * {@code aws:MultiFactorAuthAge} only when MFA was used, {@code aws:SourceIdentity} only when a role chain set
     * one, {@code aws:FederatedProvider} for a web identity session. The identity provider's own keys are
     * {@link #federationKeys}.
     */
    private static void sessionKeys(RequestContext.Builder c, Session session, RequestFacts facts) {
        c.put("aws:TokenIssueTime", ContextValue.single(ContextType.DATE,
                DateTimeFormatter.ISO_INSTANT.format(session.issuedAt())));
        c.put("aws:MultiFactorAuthPresent", ContextValue.single(ContextType.BOOL,
                Boolean.toString(session.mfaAuthenticated())));
        if (session.mfaAuthenticated()) {
            c.put("aws:MultiFactorAuthAge", ContextValue.single(ContextType.NUMERIC,
                    Long.toString(session.mfaAgeSeconds(facts.time()))));
        }
        if (session.attributes().sourceIdentity() != null) {
            c.put("aws:SourceIdentity", session.attributes().sourceIdentity());
        }
        if (session.attributes().federatedProvider() != null) {
            // The provider's ARN for IAM OpenID Connect providers (IAM User Guide, aws:FederatedProvider).
            c.put("aws:FederatedProvider", ContextValue.single(ContextType.ARN, session.attributes().federatedProvider()));
        }
    }

    /**
     * The identity provider's keys of a session it opened: the {@code saml:*} keys of a SAML session, the
     * {@code PROVIDER:aud}, {@code PROVIDER:oaud}, {@code PROVIDER:sub} and {@code PROVIDER:amr} keys of a web identity
     * session (none for other sessions).
     */
    private static void federationKeys(RequestContext.Builder c, Session session) {
        for (FederationKey key : session.attributes().federationKeys()) {
            c.put(key.name(), key.multiValued() ? ContextValue.multi(ContextType.STRING, key.values())
                    : ContextValue.of(key.values().getFirst()));
        }
    }

    /** The account that owns the target resource. */
    public ContextBuilder resourceAccount(String accountId) {
        context.put("aws:ResourceAccount", accountId);
        return this;
    }

    /** Tags on the target resource ({@code aws:ResourceTag/key}). */
    public ContextBuilder resourceTags(List<Tag> tags) {
        for (Tag tag : tags) {
            context.put("aws:ResourceTag/" + tag.key(), tag.value());
        }
        return this;
    }

    /**
     * Tags on a target IAM user or role: {@code aws:ResourceTag/key}, and {@code iam:ResourceTag/key}, which the
     * Service Authorization Reference lists for these two resource types.
     */
    public ContextBuilder identityTags(List<Tag> tags) {
        resourceTags(tags);
        for (Tag tag : tags) {
            context.put("iam:ResourceTag/" + tag.key(), tag.value());
        }
        return this;
    }

    /** Tags the request sets ({@code aws:RequestTag/key} and the multi-valued {@code aws:TagKeys}). */
    public ContextBuilder requestTags(List<Tag> tags) {
        List<String> keys = new ArrayList<>();
        for (Tag tag : tags) {
            context.put("aws:RequestTag/" + tag.key(), tag.value());
            keys.add(tag.key());
        }
        context.put("aws:TagKeys", ContextValue.multi(ContextType.STRING, keys));
        return this;
    }

    /** Tag keys a request removes ({@code aws:TagKeys}). */
    public ContextBuilder tagKeys(List<String> keys) {
        context.put("aws:TagKeys", ContextValue.multi(ContextType.STRING, keys));
        return this;
    }

    /** A service-specific key ({@code iam:PolicyARN}, {@code iam:PermissionsBoundary}, …). */
    public ContextBuilder put(String key, ContextValue value) {
        context.put(key, value);
        return this;
    }

    public RequestContext build() {
        return context.build();
    }
}
