package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.ManagedPolicy;
import java.util.regex.Pattern;

/**
 * Managed policy ARNs as clients send them: AWS managed ({@code arn:PARTITION:iam::aws:policy/PATHNAME}) or customer
 * managed ({@code arn:PARTITION:iam::ACCOUNT:policy/PATHNAME}), in the request's partition. Kept internally in
 * canonical form ({@link Arns}).
 */
final class PolicyArns {

    /** A canonical policy ARN: account (12 digits, or {@code aws}), then {@code policy}, a path and a name. */
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws:iam::(\\d{12}|aws):policy(/[^/]+)*/[^/]+");

    private PolicyArns() {}

    /**
     * The canonical form of the policy ARN a request names, to authorize against and to look up; any ARN of a policy
     * in the request's partition qualifies, whatever its account. Anything else is refused as IAM refuses it,
     * before authorization: {@code InvalidInput: ARN … is not valid.}
     */
    static String named(Call call, String arn) {
        String canonical = Arns.canonical(arn, call.caller().partition());
        if (canonical == null || !POLICY_ARN.matcher(canonical).matches()) {
            throw AwsError.INVALID_INPUT.exception("ARN %s is not valid.", arn);
        }
        return canonical;
    }

    /** The name of the policy a canonical policy ARN names. */
    static String name(String canonicalArn) {
        return canonicalArn.substring(canonicalArn.lastIndexOf('/') + 1);
    }

    /** The path of the policy a canonical policy ARN names ({@code /} or {@code /a/b/}). */
    static String path(String canonicalArn) {
        return canonicalArn.substring(canonicalArn.indexOf(":policy/") + ":policy".length(), canonicalArn.lastIndexOf('/') + 1);
    }

    /**
     * The canonical form of a policy ARN the caller sent, or {@code null} when it is not a policy ARN of the caller's
     * partition and of AWS or the caller's account.
     */
    static String canonical(Call call, String arn) {
        String canonical = Arns.canonical(arn, call.caller().partition());
        if (canonical == null) {
            return null;
        }
        String aws = "arn:aws:iam::" + Arns.AWS_ACCOUNT + ":policy/";
        String own = "arn:aws:iam::" + call.caller().accountId() + ":policy/";
        return canonical.startsWith(aws) || canonical.startsWith(own) ? canonical : null;
    }

    /** Whether the canonical ARN names an AWS managed policy. */
    static boolean isAwsManaged(String canonicalArn) {
        return canonicalArn.startsWith("arn:aws:iam::" + Arns.AWS_ACCOUNT + ":policy/");
    }

    /** The customer managed policy a canonical ARN names, with its path checked, or {@code null}. */
    static ManagedPolicy customer(AccountState account, String canonicalArn) {
        if (isAwsManaged(canonicalArn)) {
            return null;
        }
        ManagedPolicy policy = account.policy(name(canonicalArn));
        if (policy == null || !Arns.policy(account.accountId(), policy.path(), policy.name()).equals(canonicalArn)) {
            return null;
        }
        return policy;
    }

    /** Whether a managed policy with this canonical ARN exists (AWS managed ones come from the catalog). */
    static boolean exists(Call call, AccountState account, String canonicalArn) {
        if (isAwsManaged(canonicalArn)) {
            return call.services().policies().awsManaged().byArn(canonicalArn).isPresent();
        }
        return customer(account, canonicalArn) != null;
    }

    /**
     * The canonical ARN of a policy to use as a permissions boundary, checked as IAM checks it: a policy ARN of the
     * caller's partition that exists; otherwise the error IAM gives.
     */
    static String boundary(Call call, AccountState account, String arn) {
        String canonical = canonical(call, arn);
        if (canonical == null || !exists(call, account, canonical)) {
            throw AwsError.NO_SUCH_ENTITY.exception("Scope ARN: %s does not exist or is not attachable.", arn);
        }
        return canonical;
    }
}
