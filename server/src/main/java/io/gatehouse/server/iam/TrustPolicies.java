package io.gatehouse.server.iam;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.document.PolicyDocument;
import io.gatehouse.policy.document.PrincipalBlock;
import io.gatehouse.policy.document.PrincipalKind;
import io.gatehouse.policy.document.Statement;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.User;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Role trust policies ({@code AssumeRolePolicyDocument} of CreateRole, {@code PolicyDocument} of
 * UpdateAssumeRolePolicy), checked as IAM checks them: the trust grammar with IAM's messages, the account's quota
 * {@code ACLSizePerRole} (2,048 characters not counting white space), and the principals it names.
 *
 * <p>IAM turns each principal ARN into the principal's unique id when it stores the policy, so it refuses an ARN that
 * names no principal: {@code Invalid principal in policy: "AWS":"ARN"}. Gatehouse knows the principals of the accounts
 * it holds and refuses a user or role ARN of such an account that names no existing user or role (with that path).
 * Principals of accounts it does not hold, account roots, service and federated principals are taken as written.
 */
final class TrustPolicies {

    /** IAM's default quota for a trust policy (an account may have it raised to 4,096). */
    static final int SIZE_LIMIT = PolicySizeQuota.TRUST_POLICY_LIMIT;

    /** {@code arn:aws:iam::ACCOUNT:user/PATH/NAME} or {@code role/...}, canonical. */
    private static final Pattern IDENTITY_ARN =
            Pattern.compile("arn:aws:iam::(\\d{12}):(user|role)(/(?:[^/]+/)*)([^/]+)");

    private TrustPolicies() {}

    /** Parses a trust policy a request sends; done before the write, the result is judged by {@link #accept}. */
    static ParseResult parse(Call call, String document) {
        ParseOptions options = new ParseOptions(PolicySizeQuota.trustPolicy(SIZE_LIMIT), false,
                ParseOptions.DEFAULT_PARTITION).withPartition(call.caller().partition());
        return PolicyParser.parse(document, PolicyType.TRUST, options);
    }

    /**
     * The parsed trust policy compiled for the engine, once its principals are checked against {@code state}; or the
     * error IAM answers: {@code MalformedPolicyDocument}, or {@code LimitExceeded} past the quota.
     *
     * @param roleName the role's name, which the compiled policy carries (as when it is read back from the store)
     */
    static CompiledPolicy accept(Call call, GatehouseState state, String roleName, ParseResult parsed) {
        return switch (parsed) {
            case ParseResult.Invalid invalid -> throw PolicyDocuments.error(invalid.first());
            case ParseResult.Valid valid -> {
                checkPrincipals(call, state, valid.document());
                yield CompiledPolicy.compile(roleName, PolicyType.TRUST, valid.document());
            }
        };
    }

    private static void checkPrincipals(Call call, GatehouseState state, PolicyDocument document) {
        for (Statement statement : document.statements()) {
            for (PrincipalBlock block : new PrincipalBlock[] {statement.principal(), statement.notPrincipal()}) {
                if (block == null) {
                    continue;
                }
                for (String principal : block.valuesOf(PrincipalKind.AWS)) {
                    if (!exists(call, state, principal)) {
                        throw AwsError.MALFORMED_POLICY_DOCUMENT.exception(
                                "Invalid principal in policy: \"AWS\":\"%s\"", principal);
                    }
                }
            }
        }
    }

    /** Whether a principal can be taken as existing: false only for a missing user or role of an account held here. */
    private static boolean exists(Call call, GatehouseState state, String principal) {
        String canonical = Arns.canonical(principal, call.caller().partition());
        Matcher arn = canonical == null ? null : IDENTITY_ARN.matcher(canonical);
        if (arn == null || !arn.matches()) {
            return true;
        }
        AccountState account = state.account(arn.group(1));
        if (account == null) {
            return true;
        }
        String path = arn.group(3);
        String name = arn.group(4);
        if (arn.group(2).equals("user")) {
            User user = account.user(name);
            return user != null && user.path().equals(path);
        }
        Role role = account.role(name);
        return role != null && role.path().equals(path);
    }
}
