package io.gatehouse.server.api;

import io.gatehouse.policy.request.Principal;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.GatehouseState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The narrow exception to "every request is signed": the STS operations AWS serves without a signature because the
 * request carries its own proof of identity, which the operation verifies: AssumeRoleWithSAML (a signed SAML
 * response) and AssumeRoleWithWebIdentity (a token of an OpenID Connect provider). The STS model marks them
 * {@code noAuth}; the SDKs send them unsigned. Only these, and only on the STS API version, are answered without
 * SigV4; a signature on such a request is not checked, as the proof alone decides.
 */
final class UnsignedCalls {

    /** The STS API version whose requests name their operation in {@code Action}. */
    static final String STS_VERSION = "2011-06-15";
    private static final Set<String> OPERATIONS = Set.of("AssumeRoleWithSAML", "AssumeRoleWithWebIdentity");
    /** The default region of STS's global endpoint, which an unsigned request does not name. */
    static final String REGION = "us-east-1";
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("arn:aws[\\w-]*:iam::(\\d{12}):role/.+");

    private UnsignedCalls() {}

    /** Whether the request asks for an STS operation that is served unsigned. */
    static boolean applies(Map<String, List<String>> parameters) {
        String action = first(parameters, "Action");
        // Set.of refuses to be asked about null: a request without Action goes the signed way (and is refused there).
        return action != null && STS_VERSION.equals(first(parameters, "Version")) && OPERATIONS.contains(action);
    }

    /**
     * Who such a request is before its operation verified anything: the SAML identity provider its
     * {@code PrincipalArn} names, in that provider's account (where its audit event goes); otherwise an anonymous
     * caller whose events go to the account of the role it asks for. When that is no account of this server, the
     * caller has no account ({@code ""}) and its refusal is not recorded: there is nobody to record it for.
     */
    static Caller caller(Map<String, List<String>> parameters, GatehouseState state) {
        String named = first(parameters, "PrincipalArn");
        String partition = named == null ? null : Arns.partitionOf(named);
        String canonical = partition == null ? null : Arns.canonical(named, partition);
        Principal provider = canonical == null ? null : Principal.parse(canonical);
        if (provider != null && provider.kind() == Principal.Kind.FEDERATED && provider.account() != null) {
            return Caller.unsigned(provider.account(), provider, partition, REGION);
        }
        String roleArn = first(parameters, "RoleArn");
        Matcher account = roleArn == null ? null : ROLE_ACCOUNT.matcher(roleArn);
        String accountId = account != null && account.matches() && state.account(account.group(1)) != null
                ? account.group(1) : "";
        return Caller.anonymous(accountId, "aws", REGION);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
