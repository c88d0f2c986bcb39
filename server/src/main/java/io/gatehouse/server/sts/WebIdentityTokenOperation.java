package io.gatehouse.server.sts;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.outbound.OutboundIssuers;
import io.gatehouse.server.outbound.SigningKeyRing;
import io.gatehouse.server.outbound.TokenClaims;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.Session;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * GetWebIdentityToken (STS API Reference): a signed JWT that says who the caller is, for external services that trust
 * the account's issuer (IAM User Guide, "Federating AWS identities to external services"). The caller needs
 * {@code sts:GetWebIdentityToken}, whose request context has {@code sts:IdentityTokenAudience} (every audience
 * asked for), {@code sts:SigningAlgorithm} and {@code sts:DurationSeconds}, and, to put {@code Tags} in the token,
 * {@code sts:TagGetWebIdentityToken}; both see the tags as {@code aws:RequestTag/*} and {@code aws:TagKeys}.
 *
 * <p>Then: an account that has not enabled outbound identity federation is refused with
 * {@code OutboundWebIdentityFederationDisabledException}; a token that would outlive the caller's temporary credentials
 * with {@code SessionDurationEscalationException}; a payload over {@link TokenClaims#MAX_PAYLOAD_BYTES} with
 * {@code JWTPayloadSizeExceededException}. The token lasts {@code DurationSeconds} (60 to 3,600, 300 by default).
 * Sessions of GetSessionToken and GetFederationToken cannot call it (SessionRestrictions), as no STS operation but
 * their few.
 */
final class WebIdentityTokenOperation {

    static final String GET_WEB_IDENTITY_TOKEN = "sts:GetWebIdentityToken";
    static final String TAG_GET_WEB_IDENTITY_TOKEN = "sts:TagGetWebIdentityToken";
    /** The lifetime when none is asked for. */
    static final Duration DEFAULT_DURATION = Duration.ofMinutes(5);

    private WebIdentityTokenOperation() {}

    static Struct getWebIdentityToken(Call call) {
        Caller caller = call.caller();
        Struct input = call.input();
        List<String> audience = input.strings("Audience");
        JWSAlgorithm algorithm = algorithm(input.string("SigningAlgorithm"));
        // The model bounds DurationSeconds to 60..3600 before the call gets here.
        Duration duration = input.has("DurationSeconds")
                ? Duration.ofSeconds(input.integer("DurationSeconds")) : DEFAULT_DURATION;
        List<Tag> requestTags = SessionTagParameters.requested(input);

        Consumer<ContextBuilder> context = builder -> {
            builder.put("sts:IdentityTokenAudience", ContextValue.multi(ContextType.STRING, audience))
                    .put("sts:SigningAlgorithm", ContextValue.of(algorithm.getName()))
                    .put("sts:DurationSeconds", ContextValue.single(ContextType.NUMERIC,
                            Long.toString(duration.toSeconds())));
            if (!requestTags.isEmpty()) {
                builder.requestTags(requestTags);
            }
        };
        call.authorize(GET_WEB_IDENTITY_TOKEN, "*", context);
        if (!requestTags.isEmpty()) {
            call.authorize(TAG_GET_WEB_IDENTITY_TOKEN, "*", context);
        }

        Account.OutboundFederation outbound = call.account().account().outboundFederation();
        if (outbound == null || !outbound.enabled()) {
            throw AwsError.OUTBOUND_FEDERATION_DISABLED.exception();
        }
        Instant now = call.facts().time();
        Session session = caller.session();
        if (session != null && now.plus(duration).isAfter(session.expiresAt())) {
            throw AwsError.SESSION_DURATION_ESCALATION.exception();
        }

        OutboundIssuers issuers = call.services().outboundIssuers();
        List<Tag> principalTags = caller.isRoot() ? List.of()
                : call.callerPolicies(GET_WEB_IDENTITY_TOKEN, Target.of("*")).principalTags();
        TokenClaims claims = new TokenClaims(issuers.issuerUrl(outbound.issuerId()), audience, caller.principalArn(),
                now, duration, caller.accountId(), call.facts().region(), principalTags, requestTags,
                session == null ? null : session.attributes().sourceIdentity(),
                session == null ? null : session.expiresAt(),
                session == null ? null : session.attributes().federatedProvider());
        JWTClaimsSet claimsSet = claims.toClaimsSet();
        if (TokenClaims.tooLarge(claimsSet)) {
            throw AwsError.JWT_PAYLOAD_SIZE_EXCEEDED.exception();
        }
        return call.output()
                .set("WebIdentityToken", issuers.sign(outbound.issuerId(), algorithm, claimsSet))
                .set("Expiration", claimsSet.getExpirationTime().toInstant())
                .build();
    }

    /** RS256 or ES384; the model only bounds the value to five characters. */
    private static JWSAlgorithm algorithm(String name) {
        for (JWSAlgorithm algorithm : SigningKeyRing.ALGORITHMS) {
            if (algorithm.getName().equals(name)) {
                return algorithm;
            }
        }
        throw AwsError.VALIDATION_ERROR.exception("1 validation error detected: Value '" + name
                + "' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[RS256, ES384]");
    }
}
