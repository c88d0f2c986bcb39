package io.gatehouse.server.session;

import java.util.List;
import java.util.Objects;

/**
 * What a role or federated user session carries besides its principal and times, in its token's extensions: who issued
 * it, its session policies, its session tags and its source identity. Sessions of GetSessionToken carry none.
 *
 * @param issuer         the role or IAM user behind the session, or {@code null} for a session of a user or root user
 * @param policies       its session policies
 * @param tags           its session tags, those passed on by the calling session first
 * @param sourceIdentity the source identity set along the role chain ({@code aws:SourceIdentity}), or {@code null}
 * @param federatedProvider the canonical ARN of the OpenID Connect provider whose token opened the session
 *                          (AssumeRoleWithWebIdentity; {@code aws:FederatedProvider}), or {@code null}
 * @param federationKeys the identity provider's condition keys the session's requests carry (the {@code saml:*} keys
 *                       of AssumeRoleWithSAML; {@code PROVIDER:aud}, {@code PROVIDER:sub}, {@code PROVIDER:oaud} and
 *                       {@code PROVIDER:amr} of AssumeRoleWithWebIdentity), none for other sessions
 */
public record SessionAttributes(SessionIssuer issuer, SessionPolicies policies, List<SessionTag> tags,
                                String sourceIdentity, String federatedProvider, List<FederationKey> federationKeys) {

    /** A session without issuer, session policies, tags or source identity. */
    public static final SessionAttributes NONE = new SessionAttributes(null, SessionPolicies.NONE, List.of(), null);

    /** A session that no identity provider opened. */
    public SessionAttributes(SessionIssuer issuer, SessionPolicies policies, List<SessionTag> tags,
                             String sourceIdentity) {
        this(issuer, policies, tags, sourceIdentity, null);
    }

    /** A session without identity provider condition keys. */
    public SessionAttributes(SessionIssuer issuer, SessionPolicies policies, List<SessionTag> tags,
                             String sourceIdentity, String federatedProvider) {
        this(issuer, policies, tags, sourceIdentity, federatedProvider, List.of());
    }

    public SessionAttributes {
        Objects.requireNonNull(policies, "policies");
        tags = List.copyOf(tags);
        federationKeys = List.copyOf(federationKeys);
    }

    /** Whether the session carries session policies or tags (what the token packs, and what counts against its limit). */
    public boolean hasPolicyOrTags() {
        return policies.present() || !tags.isEmpty();
    }
}
