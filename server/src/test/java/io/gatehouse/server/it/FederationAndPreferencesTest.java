package io.gatehouse.server.it;

import static io.gatehouse.server.it.AssumeRoleFixtures.session;
import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.unique;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.server.store.Backend;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.model.GlobalEndpointTokenVersion;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;

/**
 * GetFederationToken (a federated user session of the calling IAM user), DecodeAuthorizationMessage (Gatehouse encodes
 * no authorization messages) and IAM SetSecurityTokenServicePreferences (the token version GetAccountSummary reports).
 * What a federated user session may do (the intersection of the user's and the session policies, nothing without
 * session policies) is decided by the engine ({@code CallerPoliciesTest}); on this server's own API such a session may
 * only call GetCallerIdentity, as AWS allows.
 */
class FederationAndPreferencesTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserAllowedToFederateGetsAFederatedUserSession(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("fed-broker");
        String userArn = "arn:aws:iam::" + ACCOUNT + ":user/" + name;
        AwsCredentials key = userWithKey(server.iam(), name);
        String federated = "arn:aws:sts::" + ACCOUNT + ":federated-user/bob";
        try (StsClient sts = server.sts(key)) {
            assertAwsError(() -> sts.getFederationToken(r -> r.name("bob")), "AccessDenied", 403, "User: " + userArn
                    + " is not authorized to perform: sts:GetFederationToken on resource: " + federated
                    + " because no identity-based policy allows the sts:GetFederationToken action");
            grant(server.iam(), name, allowWhere("\"sts:GetFederationToken\"",
                    "\"arn:aws:sts::" + ACCOUNT + ":federated-user/bob\"", null));

            GetFederationTokenResponse withoutPolicy = sts.getFederationToken(r -> r.name("bob"));
            assertThat(withoutPolicy.federatedUser().arn()).isEqualTo(federated);
            assertThat(withoutPolicy.federatedUser().federatedUserId()).isEqualTo(ACCOUNT + ":bob");
            assertThat(withoutPolicy.credentials().expiration())
                    .isCloseTo(Instant.now().plusSeconds(43_200), within(5, ChronoUnit.SECONDS));
            assertThat(withoutPolicy.packedPolicySize()).isNull();

            GetFederationTokenResponse withPolicy = sts.getFederationToken(r -> r.name("bob").durationSeconds(900)
                    .policy(allow("s3:GetObject")));
            assertThat(withPolicy.packedPolicySize()).isBetween(1, 100);
            assertThat(withPolicy.credentials().expiration())
                    .isCloseTo(Instant.now().plusSeconds(900), within(5, ChronoUnit.SECONDS));

            assertAwsError(() -> sts.getFederationToken(r -> r.name("carol")), "AccessDenied", 403, "User: " + userArn
                    + " is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::" + ACCOUNT
                    + ":federated-user/carol because no identity-based policy allows the sts:GetFederationToken action");
            assertAwsError(() -> sts.getFederationToken(r -> r.name("bob").tags(t -> t.key("team").value("blue"))),
                    "AccessDenied", 403, "User: " + userArn + " is not authorized to perform: sts:TagSession on "
                            + "resource: " + federated + " because no identity-based policy allows the sts:TagSession action");
        }

        AwsSessionCredentials session = session(server.sts(key).getFederationToken(r -> r.name("bob")
                .policy(allow("iam:ListUsers"))).credentials());
        try (StsClient sts = server.sts(session)) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(federated);
            assertThat(sts.getCallerIdentity().userId()).isEqualTo(ACCOUNT + ":bob");
            assertAwsError(() -> sts.getFederationToken(r -> r.name("eve")), "AccessDenied", 403,
                    "Cannot call GetFederationToken with session credentials");
            assertAwsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/any")
                    .roleSessionName("fed")), "AccessDenied", 403, "Cannot call AssumeRole with session credentials");
        }
        // "You cannot call any IAM operations using the AWS CLI or the AWS API" with federated user credentials.
        assertAwsError(() -> server.iam(session).listUsers(), "InvalidClientTokenId", 403,
                "The security token included in the request is invalid");
        // The root user may federate too, for an hour at most.
        assertThat(server.sts(TestServer.root()).getFederationToken(r -> r.name("ops")).credentials().expiration())
                .isCloseTo(Instant.now().plusSeconds(3600), within(5, ChronoUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void noAuthorizationMessageIsOneGatehouseEncoded(Backend backend) {
        TestServer server = servers.get(backend);
        String name = unique("fed-decoder");
        AwsCredentials key = userWithKey(server.iam(), name);
        try (StsClient sts = server.sts(key)) {
            assertAwsError(() -> sts.decodeAuthorizationMessage(r -> r.encodedMessage("abc")), "AccessDenied", 403,
                    "User: arn:aws:iam::" + ACCOUNT + ":user/" + name + " is not authorized to perform: "
                            + "sts:DecodeAuthorizationMessage on resource: * because no identity-based policy allows the "
                            + "sts:DecodeAuthorizationMessage action");
            grant(server.iam(), name, allow("sts:DecodeAuthorizationMessage"));
            assertAwsError(() -> sts.decodeAuthorizationMessage(r -> r.encodedMessage("abc")),
                    "InvalidAuthorizationMessageException", 400, "Invalid authorization message");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theTokenVersionPreferenceIsKeptAndReported(Backend backend) {
        TestServer server = servers.get(backend);
        TestAccount account = TestAccount.create(server);
        var root = account.iam(server);
        assertThat(root.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 1);
        root.setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion(GlobalEndpointTokenVersion.V2_TOKEN));
        assertThat(root.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 2);
        server.restart();
        root = account.iam(server);
        assertThat(root.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 2);
        root.setSecurityTokenServicePreferences(r -> r.globalEndpointTokenVersion(GlobalEndpointTokenVersion.V1_TOKEN));
        assertThat(root.getAccountSummary().summaryMap()).containsEntry(SummaryKeyType.GLOBAL_ENDPOINT_TOKEN_VERSION, 1);

        String name = unique("fed-prefs");
        AwsCredentials key = userWithKey(server.iam(), name);
        assertAwsError(() -> server.iam(key).setSecurityTokenServicePreferences(
                        r -> r.globalEndpointTokenVersion(GlobalEndpointTokenVersion.V2_TOKEN)), "AccessDenied", 403,
                "User: arn:aws:iam::" + ACCOUNT + ":user/" + name + " is not authorized to perform: "
                        + "iam:SetSecurityTokenServicePreferences on resource: * because no identity-based policy allows "
                        + "the iam:SetSecurityTokenServicePreferences action");
    }
}
