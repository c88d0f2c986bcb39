package io.gatehouse.server.sts;

import io.gatehouse.policy.engine.Decision;
import io.gatehouse.policy.engine.PolicySet;
import io.gatehouse.policy.request.ContextType;
import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.request.RequestContext;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.authz.Authorizer;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.FederationKey;
import io.gatehouse.server.session.SessionAttributes;
import io.gatehouse.server.session.SessionIssuer;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.session.SessionPrincipal;
import io.gatehouse.server.session.SessionTag;
import io.gatehouse.server.session.Sessions;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.SamlProvider;
import io.gatehouse.server.state.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AssumeRoleWithSAML (STS API Reference): role credentials for a user an IAM SAML provider vouches for. The call is
 * unsigned; the SAML response is its proof, verified by {@link SamlResponseVerifier}. The role and provider must be a
 * pair of the response's {@code https://aws.amazon.com/SAML/Attributes/Role} attribute, and the role's trust policy
 * alone decides {@code sts:AssumeRoleWithSAML} (plus {@code sts:TagSession} with session tags and
 * {@code sts:SetSourceIdentity} with a source identity) for the principal {@code {"Federated": PROVIDER_ARN}} with
 * the {@code saml:*} keys of {@link SamlConditionKeys}. The session is an ordinary role session.
 */
final class AssumeRoleWithSamlOperation {

    static final String ACTION = "sts:AssumeRoleWithSAML";
    private static final String ATTRIBUTES = "https://aws.amazon.com/SAML/Attributes/";
    static final String ROLE = ATTRIBUTES + "Role";
    static final String ROLE_SESSION_NAME = ATTRIBUTES + "RoleSessionName";
    static final String SESSION_DURATION = ATTRIBUTES + "SessionDuration";
    static final String SOURCE_IDENTITY = ATTRIBUTES + "SourceIdentity";
    static final String PRINCIPAL_TAG = ATTRIBUTES + "PrincipalTag:";
    static final String TRANSITIVE_TAG_KEYS = ATTRIBUTES + "TransitiveTagKeys";

    private static final Pattern PROVIDER_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):saml-provider/([\\w.-]+)");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role(/(?:[^/]+/)*)([^/]+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[a-zA-Z_0-9+=,.@-]{2,64}");

    private AssumeRoleWithSamlOperation() {}

    static Struct assumeRoleWithSaml(Call call) {
        Struct input = call.input();
        Caller unsigned = call.caller();
        Instant now = call.facts().time();
        String partition = unsigned.partition();
        String providerArn = input.string("PrincipalArn");
        String roleArn = input.string("RoleArn");

        Matcher providerMatch = matcher(PROVIDER_ARN, Arns.canonical(providerArn, partition));
        AccountState providerAccount = providerMatch == null ? null : call.state().account(providerMatch.group(1));
        SamlProvider provider = providerAccount == null ? null
                : providerAccount.providers().samlProvider(providerMatch.group(2));
        if (provider == null) {
            throw SamlResponseVerifier.invalid("Specified provider doesn't exist.");
        }
        if (provider.validUntil() != null && !now.isBefore(provider.validUntil())) {
            throw SamlResponseVerifier.invalid("The SAML provider's metadata has expired.");
        }
        SamlAssertion assertion = SamlResponseVerifier.verify(input.string("SAMLAssertion"), provider, now);
        String accountId = providerMatch.group(1);
        String canonicalProviderArn = provider.arn(accountId);
        String canonicalRoleArn = Arns.canonical(roleArn, partition);
        if (!listsPair(assertion.values(ROLE), canonicalRoleArn, canonicalProviderArn, partition)) {
            throw notAuthorized();
        }
        String sessionName = assertion.value(ROLE_SESSION_NAME);
        if (sessionName == null) {
            throw SamlResponseVerifier.invalid("RoleSessionName is required in AuthnResponse");
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw SamlResponseVerifier.invalid("RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
        }
        String sourceIdentity = assertion.value(SOURCE_IDENTITY);
        if (sourceIdentity != null
                && (!SESSION_NAME.matcher(sourceIdentity).matches() || Names.key(sourceIdentity).startsWith("aws:"))) {
            throw SamlResponseVerifier.invalid(
                    "Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with \"aws:\"");
        }
        checkSessionDuration(assertion.value(SESSION_DURATION));
        List<Tag> requestedTags = SessionTagParameters.asserted(principalTags(assertion),
                SamlResponseVerifier::invalid);
        List<String> transitiveKeys = SessionTagParameters.assertedTransitiveKeys(
                assertion.values(TRANSITIVE_TAG_KEYS), requestedTags, SamlResponseVerifier::invalid);
        List<SessionTag> tags = SessionTagParameters.sessionTags(List.of(), requestedTags, transitiveKeys);
        call.auditAssertedSessionTags(tags);
        SessionPolicies sessionPolicies = SessionPolicyParameters.of(call);

        Matcher roleMatch = matcher(ROLE_ARN, canonicalRoleArn);
        Role role = roleMatch == null || !roleMatch.group(1).equals(accountId) ? null
                : providerAccount.role(roleMatch.group(3));
        if (role == null || !role.path().equals(roleMatch.group(2))) {
            throw notAuthorized();
        }
        String nameQualifier = SamlConditionKeys.nameQualifier(assertion.issuer(), accountId, provider.name());
        Caller samlUser = unsigned.provenAs(accountId, nameQualifier + ":" + assertion.subject());
        call.identify(samlUser);

        ContextBuilder context = ContextBuilder.of(samlUser, call.facts(), List.of())
                .resourceAccount(accountId)
                .identityTags(role.tags())
                .put("aws:FederatedProvider", ContextValue.single(ContextType.ARN, canonicalProviderArn))
                .put("sts:RoleSessionName", ContextValue.of(sessionName));
        // The saml:* keys are in the context of the session's requests too (IAM User Guide, "Identify users in
        // SAML-based federation"), so the session carries them.
        List<FederationKey> federationKeys = new ArrayList<>();
        for (Map.Entry<String, ContextValue> key
                : SamlConditionKeys.of(assertion, nameQualifier, accountId, provider.name()).entrySet()) {
            context.put(key.getKey(), key.getValue());
            federationKeys.add(new FederationKey(key.getKey(), key.getValue().isMultiValued(), key.getValue().values()));
        }
        if (FederationKey.bytes(federationKeys) > FederationKey.MAX_SESSION_BYTES) {
            throw SamlResponseVerifier.invalid("The attributes of the SAML assertion are too large: a session carries "
                    + "at most " + FederationKey.MAX_SESSION_BYTES + " bytes of saml:* keys and values.");
        }
        SessionTagParameters.putSessionKeys(context, sourceIdentity, requestedTags, transitiveKeys);
        RequestContext built = context.build();
        PolicySet trust = PolicySet.builder().resource(role.compiledTrustPolicy()).build();
        String canonicalRole = Arns.role(accountId, role.path(), role.name());
        decideOrDeny(call, samlUser, trust, ACTION, canonicalRole, accountId, built);
        if (!tags.isEmpty()) {
            decideOrDeny(call, samlUser, trust, AssumeRoleOperation.TAG_SESSION, canonicalRole, accountId, built);
        }
        if (sourceIdentity != null) {
            decideOrDeny(call, samlUser, trust, AssumeRoleOperation.SET_SOURCE_IDENTITY, canonicalRole, accountId,
                    built);
        }
        Duration duration = input.has("DurationSeconds")
                ? Duration.ofSeconds(input.integer("DurationSeconds")) : AssumeRoleOperation.DEFAULT_DURATION;
        if (duration.getSeconds() > role.maxSessionDuration()) {
            throw AwsError.VALIDATION_ERROR.exception(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        // "valid for the duration that you specified …, or until the time specified in the SAML authentication
        // response's SessionNotOnOrAfter value, whichever is shorter" (STS API Reference).
        if (assertion.sessionEnd() != null && assertion.sessionEnd().isBefore(now.plus(duration))) {
            if (!assertion.sessionEnd().isAfter(now)) {
                throw AwsError.EXPIRED_TOKEN_EXCEPTION.exception("Session is expired");
            }
            duration = Duration.between(now, assertion.sessionEnd());
        }
        SessionPrincipal principal = new SessionPrincipal(SessionPrincipal.Kind.ASSUMED_ROLE,
                AssumeRoleOperation.assumedRoleArn(accountId, role.name(), sessionName),
                role.id() + ":" + sessionName);
        SessionAttributes attributes = new SessionAttributes(new SessionIssuer(canonicalRole, role.id()),
                sessionPolicies, tags, sourceIdentity, null, federationKeys);
        Sessions.Issued issued = call.services().sessions().issue(accountId, principal, now, duration, null,
                attributes);
        Struct.Builder output = IssuedCredentials.set(call.output(), issued);
        output.set("AssumedRoleUser", output.child("AssumedRoleUser")
                .set("AssumedRoleId", principal.uniqueId())
                .set("Arn", Arns.render(principal.arn(), partition))
                .build());
        output.set("Subject", assertion.subject())
                .set("SubjectType", assertion.subjectType())
                .set("Issuer", assertion.issuer())
                .set("Audience", assertion.recipient())
                .set("NameQualifier", nameQualifier);
        if (sourceIdentity != null) {
            output.set("SourceIdentity", sourceIdentity);
        }
        return output.build();
    }

    /** Whether a Role attribute value is {@code ROLE_ARN,PROVIDER_ARN} (in either order) for the requested pair. */
    private static boolean listsPair(List<String> values, String roleArn, String providerArn, String partition) {
        if (roleArn == null) {
            return false;
        }
        for (String value : values) {
            String[] parts = value.split(",", -1);
            if (parts.length != 2) {
                continue;
            }
            String first = Arns.canonical(parts[0].strip(), partition);
            String second = Arns.canonical(parts[1].strip(), partition);
            if (roleArn.equals(first) && providerArn.equals(second)
                    || roleArn.equals(second) && providerArn.equals(first)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code SessionDuration} attribute: 900 to 43,200 seconds when present. AWS documents it as the longest
     * console session; an API session lasts {@code DurationSeconds} (default one hour), so it is only checked.
     */
    private static void checkSessionDuration(String value) {
        if (value == null) {
            return;
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 900 && seconds <= 43_200) {
                return;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw SamlResponseVerifier.invalid("SessionDuration in AuthnResponse must be an integer from 900 to 43200");
    }

    /** The {@code PrincipalTag:KEY} attributes: each tag key with its values. */
    private static Map<String, List<String>> principalTags(SamlAssertion assertion) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> attribute : assertion.attributes().entrySet()) {
            if (attribute.getKey().startsWith(PRINCIPAL_TAG)) {
                tags.put(attribute.getKey().substring(PRINCIPAL_TAG.length()), attribute.getValue());
            }
        }
        return tags;
    }

    private static void decideOrDeny(Call call, Caller samlUser, PolicySet trust, String action, String roleArn,
                                     String accountId, RequestContext context) {
        Decision decision = Authorizer.decide(samlUser, trust, action, Target.of(roleArn), accountId, context,
                call.authorizations());
        if (!decision.isAllowed()) {
            throw action.equals(ACTION) ? notAuthorized()
                    : AwsError.ACCESS_DENIED.exception("Not authorized to perform " + action);
        }
    }

    /** STS's answer when the role cannot be assumed through this provider (IAM User Guide, SAML troubleshooting). */
    private static AwsException notAuthorized() {
        return AwsError.ACCESS_DENIED.exception("Not authorized to perform " + ACTION);
    }

    private static Matcher matcher(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.matches() ? matcher : null;
    }
}
