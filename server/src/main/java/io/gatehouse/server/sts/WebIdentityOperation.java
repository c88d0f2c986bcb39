package io.gatehouse.server.sts;

import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.RequestContext;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.Authorizer;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.oidc.SessionTagsClaim;
import io.gatehouse.server.oidc.WebIdentity;
import io.gatehouse.server.oidc.WebIdentityTokens;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.FederationKey;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.session.SessionTag;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.OidcProvider;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * AssumeRoleWithWebIdentity (STS API Reference): role credentials for someone an OpenID Connect provider of the role's
 * account vouches for with a signed ID token. The call is unsigned (api/UnsignedCalls); the token is the proof: its
 * {@code iss} names the provider (an IAM OpenID Connect provider of the role's account with that URL), and it is
 * verified against the provider's published keys, issuer, client ids and times ({@link WebIdentityTokens}). The role's
 * trust policy alone then decides {@code sts:AssumeRoleWithWebIdentity} for the principal
 * {@code arn:aws:iam::ACCOUNT:oidc-provider/PROVIDER}, with the provider's condition keys as AWS defines them
 * ({@code PROVIDER:aud}, {@code PROVIDER:oaud}, {@code PROVIDER:sub}, {@code PROVIDER:amr}) and
 * {@code sts:RoleSessionName}; a refusal is AWS's "Not authorized to perform sts:AssumeRoleWithWebIdentity". The
 * session is an ordinary role session (AssumeRole's) that also carries its provider ({@code aws:FederatedProvider}).
 *
 * <p>The token's {@code https://aws.amazon.com/source_identity} claim sets the session's source identity, which the
 * trust policy sees as {@code sts:SourceIdentity} and must allow with {@code sts:SetSourceIdentity}. The provider's
 * keys stay in the context of the session's own requests. A token this server's outbound identity federation issued
 * is refused, as AWS refuses its own.
 *
 * <p>Session tags come from the token's {@code https://aws.amazon.com/tags} claim ({@link SessionTagsClaim}), checked by
 * the session tag rules of {@link SessionTagParameters#asserted}; a claim that breaks them is {@code IDPRejectedClaim}.
 * The trust policy then sees them as {@code aws:RequestTag/*}, {@code aws:TagKeys} and {@code sts:TransitiveTagKeys}
 * and must allow {@code sts:TagSession} too. There is no calling session, so no transitive tags are inherited.
 */
final class WebIdentityOperation {

    static final String ACTION = "sts:AssumeRoleWithWebIdentity";
    /** The claim a token sets the session's source identity with. */
    static final String SOURCE_IDENTITY_CLAIM = "https://aws.amazon.com/source_identity";
    private static final Pattern SOURCE_IDENTITY = Pattern.compile("[a-zA-Z_0-9+=,.@-]{2,64}");

    private WebIdentityOperation() {}

    static Struct assumeRoleWithWebIdentity(Call call) {
        Struct input = call.input();
        if (input.has("ProviderId")) {
            // ProviderId names an OAuth 2.0 provider (Login with Amazon, Facebook) whose access tokens STS checks with
            // the provider; Gatehouse federates OpenID Connect ID tokens only, for which the parameter must be absent.
            throw AwsError.INVALID_PARAMETER_VALUE.exception("ProviderId is only for OAuth 2.0 access tokens; "
                    + "OpenID Connect ID tokens must be passed without it.");
        }
        Duration duration = input.has("DurationSeconds")
                ? Duration.ofSeconds(input.integer("DurationSeconds")) : AssumeRoleOperation.DEFAULT_DURATION;
        SessionPolicies sessionPolicies = SessionPolicyParameters.of(call);

        SignedJWT token = WebIdentityTokens.read(input.string("WebIdentityToken"));
        String issuer = issuer(token);
        if (call.services().outboundIssuers().isOwnToken(issuer, token.getHeader().getKeyID())) {
            // As AWS says of its own: the tokens of GetWebIdentityToken "cannot be used for OpenID Connect (OIDC)
            // federation into AWS", so a session cannot be traded for a token and the token for another session.
            throw AwsError.INVALID_IDENTITY_TOKEN.exception("Web identity tokens of this server's outbound identity "
                    + "federation (GetWebIdentityToken) cannot be used with AssumeRoleWithWebIdentity.");
        }
        String roleArn = input.string("RoleArn");
        String roleAccount = AssumeRoleOperation.accountOf(call, roleArn);
        AccountState account = roleAccount == null ? null : call.state().account(roleAccount);
        OidcProvider provider = account == null ? null : account.providers().oidcProvider(OidcProvider.nameOf(issuer));
        if (provider == null || !provider.issuerUrl().equals(issuer)) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception("No OpenIDConnect provider found in your account for "
                    + issuer);
        }
        WebIdentity identity = call.services().webIdentityTokens().verify(token, provider, call.facts().time());
        String providerArn = provider.arn(roleAccount);
        Caller webUser = Caller.webIdentity(roleAccount, providerArn,
                provider.name() + ":" + identity.audience() + ":" + identity.subject(), call.caller().partition(),
                call.caller().region());
        call.identify(webUser);
        SessionTagsClaim claim = SessionTagsClaim.of(token);
        List<Tag> requestedTags = SessionTagParameters.asserted(claim.principalTags(),
                WebIdentityOperation::rejectedClaim);
        List<String> transitiveKeys = SessionTagParameters.assertedTransitiveKeys(claim.transitiveTagKeys(),
                requestedTags, WebIdentityOperation::rejectedClaim);
        List<SessionTag> tags = SessionTagParameters.sessionTags(List.of(), requestedTags, transitiveKeys);
        call.auditAssertedSessionTags(tags);
        String sourceIdentity = sourceIdentity(token);

        Role role = AssumeRoleOperation.role(call, roleArn);
        if (role == null) {
            throw notAuthorized();
        }
        String canonicalRoleArn = Arns.role(roleAccount, role.path(), role.name());
        ContextBuilder context = ContextBuilder.of(webUser, call.facts(), List.of())
                .resourceAccount(roleAccount)
                .identityTags(role.tags())
                .put("sts:RoleSessionName", ContextValue.of(input.string("RoleSessionName")))
                .put("aws:FederatedProvider", ContextValue.single(ContextType.ARN, providerArn));
        List<FederationKey> federationKeys = providerKeys(provider.name(), identity);
        if (FederationKey.bytes(federationKeys) > FederationKey.MAX_SESSION_BYTES) {
            throw rejectedClaim("The aud, sub, oaud and amr claims of the token are too large: a session carries at "
                    + "most " + FederationKey.MAX_SESSION_BYTES + " bytes of them.");
        }
        for (FederationKey key : federationKeys) {
            context.put(key.name(), key.multiValued() ? ContextValue.multi(ContextType.STRING, key.values())
                    : ContextValue.of(key.values().getFirst()));
        }
        SessionTagParameters.putSessionKeys(context, sourceIdentity, requestedTags, transitiveKeys);
        RequestContext built = context.build();
        PolicySet trust = PolicySet.builder().build().withResource(role.compiledTrustPolicy());
        decideOrDeny(call, webUser, trust, ACTION, canonicalRoleArn, roleAccount, built);
        if (!tags.isEmpty()) {
            decideOrDeny(call, webUser, trust, AssumeRoleOperation.TAG_SESSION, canonicalRoleArn, roleAccount, built);
        }
        if (sourceIdentity != null) {
            decideOrDeny(call, webUser, trust, AssumeRoleOperation.SET_SOURCE_IDENTITY, canonicalRoleArn, roleAccount,
                    built);
        }
        AssumeRoleOperation.checkMaxSessionDuration(role, duration);

        SessionAttributes attributes = new SessionAttributes(new SessionIssuer(canonicalRoleArn, role.id()),
                sessionPolicies, tags, sourceIdentity, providerArn, federationKeys);
        Struct.Builder output = AssumeRoleOperation.issueRoleSession(call, role, roleAccount,
                input.string("RoleSessionName"), duration, null, attributes);
        if (sourceIdentity != null) {
            output.set("SourceIdentity", sourceIdentity);
        }
        return output
                .set("SubjectFromWebIdentityToken", identity.subject())
                .set("Provider", identity.issuer())
                .set("Audience", identity.audience())
                .build();
    }

    /**
     * The keys AWS offers for an OpenID Connect provider (IAM User Guide, "Available keys for AWS OIDC federation"),
     * named after the provider ({@code token.actions.githubusercontent.com:sub}): the trust policy sees them, and so do
     * the requests the session signs, as AWS's cross-service web identity keys ({@code aud}, {@code oaud},
     * {@code sub}, {@code amr}); other claims of the token are not kept.
     */
    private static List<FederationKey> providerKeys(String provider, WebIdentity identity) {
        List<FederationKey> keys = new ArrayList<>();
        keys.add(new FederationKey(provider + ":aud", false, List.of(identity.audience())));
        keys.add(new FederationKey(provider + ":sub", false, List.of(identity.subject())));
        if (!identity.otherAudience().isEmpty()) {
            keys.add(new FederationKey(provider + ":oaud", true, identity.otherAudience()));
        }
        if (!identity.amr().isEmpty()) {
            keys.add(new FederationKey(provider + ":amr", true, identity.amr()));
        }
        return keys;
    }

    /**
     * The source identity of the token's {@code https://aws.amazon.com/source_identity} claim (STS API Reference,
     * AssumeRoleWithWebIdentity: "the value of the source identity that is returned in the JSON web token"), or
     * {@code null}; one that breaks the rules of {@code SourceIdentity} is a claim STS cannot use.
     */
    private static String sourceIdentity(SignedJWT token) {
        Object claim;
        try {
            claim = token.getJWTClaimsSet().getClaim(SOURCE_IDENTITY_CLAIM);
        } catch (ParseException e) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
        if (claim == null) {
            return null;
        }
        // The pattern has no ':', so no value it matches begins with "aws:", which SourceIdentity may not.
        if (!(claim instanceof String value) || !SOURCE_IDENTITY.matcher(value).matches()) {
            throw rejectedClaim("The " + SOURCE_IDENTITY_CLAIM + " claim must be a string matching "
                    + "[a-zA-Z_0-9+=,.@-]{2,64}");
        }
        return value;
    }

    private static String issuer(SignedJWT token) {
        try {
            return token.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw AwsError.INVALID_IDENTITY_TOKEN.exception();
        }
    }

    private static void decideOrDeny(Call call, Caller webUser, PolicySet trust, String action, String roleArn,
                                     String accountId, RequestContext context) {
        Decision decision = Authorizer.decide(webUser, trust, action, Target.of(roleArn), accountId, context,
                call.authorizations());
        if (!decision.isAllowed()) {
            throw notAuthorized(action);
        }
    }

    /** A session tags claim STS cannot use: the STS model's "the claim is invalid". */
    private static AwsException rejectedClaim(String message) {
        return AwsError.IDP_REJECTED_CLAIM.exception(message);
    }

    /** AWS's refusal, which names neither the role nor a reason. */
    private static AwsException notAuthorized() {
        return notAuthorized(ACTION);
    }

    private static AwsException notAuthorized(String action) {
        return AwsError.ACCESS_DENIED.exception("Not authorized to perform " + action);
    }
}
