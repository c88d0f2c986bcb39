package io.gatehouse.server.api;

import io.gatehouse.policy.request.Principal;
import io.gatehouse.server.authz.Caller;
import io.gatehouse.server.state.Arns;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls AWS takes without a SigV4 signature: STS's {@code AssumeRoleWithSAML}, whose SAML response is the
 * credential (the STS model marks it {@code authtype: none}; the SDKs send it unsigned). Every other action is
 * verified. AWS does not look at a signature on these calls either, so one is not checked when present.
 */
final class UnsignedCalls {

    /** The actions, as {@code SIGNING_NAME:Action}. */
    private static final Set<String> ACTIONS = Set.of("sts:AssumeRoleWithSAML");
    /** The Region of an unsigned call, which names none (STS's global endpoint). */
    private static final String REGION = "us-east-1";

    private UnsignedCalls() {}

    /** Whether a call of {@code action} to {@code endpoint} is taken without a signature. */
    static boolean isUnsigned(ServiceEndpoint endpoint, String action) {
        return action != null && ACTIONS.contains(endpoint.signingName() + ":" + action);
    }

    /**
     * Who an unsigned call is before its operation verified anything: the identity provider its {@code PrincipalArn}
     * names, in that provider's account (where its audit event goes), or an anonymous caller when it names none.
     */
    static Caller caller(Map<String, List<String>> parameters) {
        List<String> values = parameters.get("PrincipalArn");
        String named = values == null || values.isEmpty() ? null : values.getFirst();
        String partition = named == null ? null : Arns.partitionOf(named);
        String canonical = partition == null ? null : Arns.canonical(named, partition);
        Principal provider = canonical == null ? null : Principal.parse(canonical);
        if (provider != null && provider.kind() == Principal.Kind.FEDERATED && provider.account() != null) {
            return Caller.unsigned(provider.account(), provider, partition, REGION);
        }
        return Caller.unsigned("", Principal.ANONYMOUS, "aws", REGION);
    }
}
