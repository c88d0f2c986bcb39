package io.gatehouse.server.authz;

import io.gatehouse.policy.request.Principal;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.state.Arns;
import java.util.Objects;

/**
 * An authenticated caller, as the rest of the server needs to know it.
 *
 * @param accountId   the caller's account
 * @param principal   the caller as the policy engine sees it (ARN in canonical partition {@code aws})
 * @param userName    the IAM user's name, or {@code null} for other principals
 * @param userId      the unique id AWS reports ({@code AIDA…} for users, the account id for the root user)
 * @param accessKeyId the access key the request was signed with
 * @param partition   the partition the request was signed for
 * @param region      the region the request was signed for
 * @param session     the session of temporary credentials, or {@code null} for a long-term access key
 */
public record Caller(String accountId, Principal principal, String userName, String userId, String accessKeyId,
                     String partition, String region, Session session) {

    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(principal, "principal");
    }

    /** A caller with a long-term access key. */
    public Caller(String accountId, Principal principal, String userName, String userId, String accessKeyId,
                  String partition, String region) {
        this(accountId, principal, userName, userId, accessKeyId, partition, region, null);
    }

    /** The root user of an account. */
    public static Caller root(String accountId, String accessKeyId, String partition, String region, Session session) {
        return new Caller(accountId, Principal.parse(Arns.root(accountId)), null, accountId, accessKeyId, partition,
                region, session);
    }

    /**
     * The caller of an unsigned call (AssumeRoleWithSAML): the identity provider it names, or the anonymous
     * principal; no access key, no session. {@code userId} is set once the call proved who it is.
     */
    public static Caller unsigned(String accountId, Principal principal, String partition, String region) {
        return new Caller(accountId, principal, null, null, null, partition, region, null);
    }

    /** This unsigned caller once its call proved who it is: {@code userId} as CloudTrail's {@code principalId}. */
    public Caller provenAs(String accountId, String provenUserId) {
        return new Caller(accountId, principal, userName, provenUserId, accessKeyId, partition, region, session);
    }

    /**
     * Whether this is the caller of an unsigned call: an identity provider (before and after its response proved the
     * user) or an anonymous caller. No signed request has such a principal.
     */
    public boolean isUnsigned() {
        return principal.kind() == Principal.Kind.FEDERATED || principal.kind() == Principal.Kind.ANONYMOUS;
    }

    /**
     * The caller of an unsigned request that names no identity provider (AssumeRoleWithWebIdentity) before the
     * operation has authenticated it, its events recorded in {@code accountId}.
     */
    public static Caller anonymous(String accountId, String partition, String region) {
        return new Caller(accountId, Principal.ANONYMOUS, null, "anonymous", null, partition, region, null);
    }

    /**
     * A web identity user: someone an OpenID Connect provider vouched for with a token, named as AWS names them
     * ({@code principalId} {@code PROVIDER:AUDIENCE:SUBJECT}).
     *
     * @param providerArn the provider's ARN in canonical form, its principal
     */
    public static Caller webIdentity(String accountId, String providerArn, String principalId, String partition,
                                     String region) {
        return new Caller(accountId, Principal.parse(providerArn), null, principalId, null, partition, region, null);
    }

    /** The provider a web identity user came through ({@code token.actions.githubusercontent.com}), else {@code null}. */
    public String identityProvider() {
        String id = principal.id();
        int slash = id.indexOf(":oidc-provider/");
        return principal.kind() == Principal.Kind.FEDERATED && slash >= 0
                ? id.substring(slash + ":oidc-provider/".length()) : null;
    }

    /** Whether the caller signed with temporary credentials. */
    public boolean hasSession() {
        return session != null;
    }

    public boolean isRoot() {
        return principal.kind() == Principal.Kind.ROOT;
    }

    /** The caller's ARN in the request's partition. */
    public String arn() {
        return Arns.render(principal.id(), partition);
    }

    /** The role or IAM user behind a role or federated user session, or {@code null} for other callers. */
    public SessionIssuer issuer() {
        return session == null ? null : session.attributes().issuer();
    }

    /**
     * What {@code aws:PrincipalArn} says for this caller, in the request's partition: the role's ARN for a role
     * session (IAM User Guide, global condition context keys: "the ARN of the role", not of the session), the caller's
     * own ARN otherwise.
     */
    public String principalArn() {
        return principal.kind() == Principal.Kind.ASSUMED_ROLE ? Arns.render(issuer().arn(), partition) : arn();
    }

    /** What {@code aws:PrincipalType} says for this caller. */
    public String principalType() {
        return switch (principal.kind()) {
            case ROOT -> "Account";
            case USER -> "User";
            case ASSUMED_ROLE -> "AssumedRole";
            case FEDERATED_USER -> "FederatedUser";
            case FEDERATED -> principal.id().contains(":saml-provider/") ? "SAMLUser" : "WebIdentityUser";
            case ANONYMOUS -> "Anonymous";
            default -> principal.kind().name();
        };
    }
}
