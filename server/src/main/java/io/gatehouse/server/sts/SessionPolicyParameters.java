package io.gatehouse.server.sts;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyProblem;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.api.Call;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.session.SessionPolicies;
import io.gatehouse.server.state.Arns;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The session policies of AssumeRole and GetFederationToken ({@code Policy} and {@code PolicyArns}), checked as STS
 * checks them: the inline policy with the session-policy grammar (IAM's messages, as {@code MalformedPolicyDocument};
 * the model bounds its plain text to 2,048 characters), at most {@value #MAX_MANAGED} managed policy ARNs, each an
 * IAM policy ARN. A managed policy is looked up when the session makes a request, in the session's account; one that
 * does not exist then allows nothing.
 */
final class SessionPolicyParameters {

    /** STS takes up to 10 managed session policies (STS API Reference, AssumeRole {@code PolicyArns}). */
    static final int MAX_MANAGED = 10;

    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws:iam::(\\d{12}|aws):policy/(.+/)?[^/]+");

    private SessionPolicyParameters() {}

    /** The session policies the request passes. */
    static SessionPolicies of(Call call) {
        Struct input = call.input();
        String inline = input.string("Policy");
        if (inline != null) {
            ParseOptions options = new ParseOptions(PolicySizeQuota.sessionPolicy(), false, ParseOptions.DEFAULT_PARTITION)
                    .withPartition(call.caller().partition());
            if (PolicyParser.parse(inline, PolicyType.SESSION, options) instanceof ParseResult.Invalid invalid) {
                PolicyProblem problem = invalid.first();
                throw (problem.code().equals(AwsError.VALIDATION_ERROR.code()) ? AwsError.VALIDATION_ERROR
                        : AwsError.MALFORMED_POLICY_DOCUMENT).exception(problem.message());
            }
        }
        List<String> arns = new ArrayList<>();
        if (input.has("PolicyArns")) {
            List<Struct> descriptors = input.structs("PolicyArns");
            if (descriptors.size() > MAX_MANAGED) {
                throw AwsError.VALIDATION_ERROR.exception("1 validation error detected: Value at 'policyArns' failed to "
                        + "satisfy constraint: Member must have length less than or equal to " + MAX_MANAGED);
            }
            for (Struct descriptor : descriptors) {
                String given = descriptor.string("arn");
                String canonical = given == null ? null : Arns.canonical(given, call.caller().partition());
                if (canonical == null || !POLICY_ARN.matcher(canonical).matches()) {
                    throw AwsError.INVALID_PARAMETER_VALUE.exception("Invalid policy ARN: %s", given);
                }
                arns.add(canonical);
            }
        }
        return new SessionPolicies(inline, arns);
    }
}
