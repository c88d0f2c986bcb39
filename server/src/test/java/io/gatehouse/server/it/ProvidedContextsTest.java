package io.gatehouse.server.it;

import static io.gatehouse.server.it.AssumeRoleFixtures.aws;
import static io.gatehouse.server.it.AssumeRoleFixtures.role;
import static io.gatehouse.server.it.AssumeRoleFixtures.stsDenial;
import static io.gatehouse.server.it.AssumeRoleFixtures.trust;
import static io.gatehouse.server.it.AssumeRoleFixtures.userArn;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;

import io.gatehouse.server.store.Backend;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * AssumeRole's {@code ProvidedContexts}: passing a trusted context assertion needs {@code sts:SetContext} from the
 * role's trust policy, which sees the providers as {@code sts:RequestContextProviders}; Gatehouse has no context
 * provider to open an assertion with, so an allowed request is refused rather than answered with a session that lacks
 * the context it asked for.
 */
class ProvidedContextsTest {

    private static final String IDENTITY_CENTER = "arn:aws:iam::aws:contextProvider/IdentityCenter";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aContextNeedsSetContextFromTheTrustPolicyAndIsThenRefusedAsUnverifiable(Backend backend) {
        TestServer server = servers.get(backend);
        String user = unique("propagator");
        AwsCredentials key = userWithKey(server.iam(), user);
        String plain = role(server.iam(), unique("no-context"), trust(aws(userArn(user)), "\"sts:AssumeRole\"", null));
        String withContext = role(server.iam(), unique("context"),
                trust(aws(userArn(user)), "[\"sts:AssumeRole\",\"sts:SetContext\"]", null));
        String otherProvider = role(server.iam(), unique("other-provider"), "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":" + aws(userArn(user)) + ",\"Action\":\"sts:AssumeRole\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":" + aws(userArn(user)) + ",\"Action\":\"sts:SetContext\","
                + "\"Condition\":{\"ForAllValues:ArnEquals\":{\"sts:RequestContextProviders\":"
                + "\"arn:aws:iam::aws:contextProvider/Other\"}}}]}");
        try (StsClient sts = server.sts(key)) {
            assertAwsError(() -> sts.assumeRole(request(plain)), "AccessDenied", 403,
                    stsDenial(userArn(user), "sts:SetContext", plain));
            assertAwsError(() -> sts.assumeRole(request(otherProvider)), "AccessDenied", 403,
                    stsDenial(userArn(user), "sts:SetContext", otherProvider));
            assertAwsError(() -> sts.assumeRole(request(withContext)), "InvalidParameterValue", 400,
                    "The context assertion of " + IDENTITY_CENTER + " could not be verified: this server has no "
                            + "trusted context provider.");
            sts.assumeRole(r -> r.roleArn(withContext).roleSessionName("without-context"));
        }
    }

    private static AssumeRoleRequest request(String roleArn) {
        return AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("propagated")
                .providedContexts(c -> c.providerArn(IDENTITY_CENTER).contextAssertion("opaque-assertion-from-idc"))
                .build();
    }
}
