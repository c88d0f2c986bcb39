package io.gatehouse.server.iam;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyProblem;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.engine.CompiledPolicy;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;

/** Identity policy documents clients send (managed and inline), checked by the engine's parser with IAM's messages. */
final class PolicyDocuments {

    private PolicyDocuments() {}

    /**
     * The document compiled for the engine, or the error IAM answers for its first problem ({@code
     * MalformedPolicyDocument}, or {@code LimitExceeded} past the size quota of {@code options}).
     *
     * @param name the policy's name, which the compiled policy carries (as when it is read back from the store)
     */
    static CompiledPolicy compile(String name, String document, ParseOptions options) {
        ParseResult parsed = PolicyParser.parse(document, PolicyType.IDENTITY, options);
        return switch (parsed) {
            case ParseResult.Valid valid -> CompiledPolicy.compile(name, PolicyType.IDENTITY, valid.document());
            case ParseResult.Invalid invalid -> throw error(invalid.first());
        };
    }

    /** The AWS error of a policy problem. */
    static AwsException error(PolicyProblem problem) {
        AwsError error = PolicyProblem.LIMIT_EXCEEDED.equals(problem.code()) ? AwsError.LIMIT_EXCEEDED
                : AwsError.MALFORMED_POLICY_DOCUMENT;
        return error.exception(problem.message());
    }
}
