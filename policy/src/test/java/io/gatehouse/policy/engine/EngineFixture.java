package io.gatehouse.policy.engine;

import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.policy.request.AuthorizationRequest;
import io.gatehouse.policy.request.RequestContext;
import java.util.List;

/** Terse construction of policies and requests for the evaluation-rule tests. */
final class EngineFixture {

    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String ROLE = "arn:aws:iam::111122223333:role/app";
    static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/session-1";
    static final String BUCKET_OBJECT = "arn:aws:s3:::data/report.csv";

    private EngineFixture() {}

    /** A policy from JSON written with single quotes, checked with the strict grammar of its type. */
    static CompiledPolicy policy(PolicyType type, String statementsJson) {
        String json = "{'Version':'2012-10-17','Statement':" + statementsJson + "}";
        ParseResult parsed = PolicyParser.parse(json.replace('\'', '"'), type);
        if (parsed instanceof ParseResult.Invalid invalid) {
            throw new IllegalArgumentException("test policy is invalid: " + invalid.problems());
        }
        return CompiledPolicy.compile(type.cliName() + "-policy", type, ((ParseResult.Valid) parsed).document());
    }

    static List<CompiledPolicy> identity(String statementsJson) {
        return List.of(policy(PolicyType.IDENTITY, statementsJson));
    }

    static AuthorizationRequest request(String principal, String action, String resource, String resourceAccount) {
        return AuthorizationRequest.builder().principal(principal).action(action).resource(resource)
                .resourceAccount(resourceAccount).build();
    }

    static AuthorizationRequest request(String principal, String action, String resource, String resourceAccount,
                                        RequestContext context) {
        return AuthorizationRequest.builder().principal(principal).action(action).resource(resource)
                .resourceAccount(resourceAccount).context(context).build();
    }

    static Outcome decide(AuthorizationRequest request, PolicySet.Builder policies) {
        return PolicyEngine.decide(request, policies.build()).outcome();
    }

    static final String ALLOW_GET = "[{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::data/*'}]";
    static final String DENY_GET = "[{'Effect':'Deny','Action':'s3:GetObject','Resource':'*'}]";
    static final String ALLOW_ALL = "[{'Effect':'Allow','Action':'*','Resource':'*'}]";
    static final String ALLOW_EC2 = "[{'Effect':'Allow','Action':'ec2:*','Resource':'*'}]";

    /** A bucket policy granting s3:GetObject to the given AWS principal value. */
    static CompiledPolicy bucketPolicy(String effect, String awsPrincipal) {
        return policy(PolicyType.RESOURCE, "[{'Effect':'" + effect + "','Principal':{'AWS':'" + awsPrincipal
                + "'},'Action':'s3:GetObject','Resource':'arn:aws:s3:::data/*'}]");
    }
}
