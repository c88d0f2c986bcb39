package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredential;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredentialMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * Service-specific credentials: passwords and API keys, shown once, reset, status, the quota per service,
 * unsupported services, listing, DeleteUser, authorization and persistence with the secret sealed.
 */
class ServiceSpecificCredentialsTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;
    private static final String CODECOMMIT = "codecommit.amazonaws.com";
    private static final String KEYSPACES = "cassandra.amazonaws.com";

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPasswordIsShownWhenCreatedOrResetAndNeverListed(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        iam.createUser(r -> r.userName("ssc-alice"));
        Instant before = Instant.now().minusSeconds(1);
        ServiceSpecificCredential created = create(iam, "ssc-alice", CODECOMMIT);
        assertThat(created.serviceSpecificCredentialId()).startsWith("ACCA").hasSize(21);
        assertThat(created.serviceUserName()).isEqualTo("ssc-alice-at-" + ACCOUNT);
        assertThat(created.servicePassword()).hasSize(44);
        assertThat(created.serviceName()).isEqualTo(CODECOMMIT);
        assertThat(created.userName()).isEqualTo("ssc-alice");
        assertThat(created.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(created.createDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(created.expirationDate()).isNull();
        assertThat(created.serviceCredentialSecret()).isNull();

        String id = created.serviceSpecificCredentialId();
        ServiceSpecificCredential reset = iam.resetServiceSpecificCredential(r -> r.userName("ssc-alice")
                .serviceSpecificCredentialId(id)).serviceSpecificCredential();
        assertThat(reset.servicePassword()).hasSize(44).isNotEqualTo(created.servicePassword());
        assertThat(reset.serviceUserName()).isEqualTo(created.serviceUserName());
        assertThat(reset.createDate()).isEqualTo(created.createDate());

        iam.updateServiceSpecificCredential(r -> r.userName("ssc-alice").serviceSpecificCredentialId(id)
                .status(StatusType.INACTIVE));
        ServiceSpecificCredentialMetadata listed = iam.listServiceSpecificCredentials(r -> r.userName("ssc-alice"))
                .serviceSpecificCredentials().getFirst();
        assertThat(listed.status()).isEqualTo(StatusType.INACTIVE);
        assertThat(listed.serviceUserName()).isEqualTo("ssc-alice-at-" + ACCOUNT);
        assertAwsError(() -> iam.updateServiceSpecificCredential(r -> r.userName("ssc-alice")
                        .serviceSpecificCredentialId(id).status(StatusType.EXPIRED)), "InvalidInput", 400,
                "Invalid status Expired for a service-specific credential: use Active or Inactive.");

        Thread.sleep(300); // the audit events of reads are queued
        List<String> recorded = new ArrayList<>();
        server.server().store().audit(AuditQuery.between(before, Instant.now().plusSeconds(5)).limit(1000))
                .forEach(e -> recorded.add(e.event().body()));
        server.server().store().load(account -> {}, row -> recorded.add(row.body()));
        assertThat(recorded).anySatisfy(e -> assertThat(e).contains("CreateServiceSpecificCredential"))
                .allSatisfy(e -> assertThat(e).doesNotContain(created.servicePassword())
                        .doesNotContain(reset.servicePassword()));

        assertAwsError(() -> iam.deleteUser(r -> r.userName("ssc-alice")), "DeleteConflict", 409,
                "Cannot delete entity, must remove referenced objects first.");
        iam.updateUser(r -> r.userName("ssc-alice").newUserName("ssc-alicia"));
        server.restart();
        IamClient after = server.iam();
        assertThat(after.listServiceSpecificCredentials(r -> r.userName("ssc-alicia")).serviceSpecificCredentials())
                .singleElement().satisfies(c -> {
                    assertThat(c.serviceSpecificCredentialId()).isEqualTo(id);
                    assertThat(c.userName()).isEqualTo("ssc-alicia");
                });
        assertThat(server.server().state().current().account(ACCOUNT).others().serviceCredentialsOf("ssc-alicia")
                .getFirst().secret()).as("unsealed after a restart").isEqualTo(reset.servicePassword());
        after.deleteServiceSpecificCredential(r -> r.userName("ssc-alicia").serviceSpecificCredentialId(id));
        String missing = "The Service Specific Credential with id " + id + " cannot be found.";
        assertAwsError(() -> after.deleteServiceSpecificCredential(r -> r.userName("ssc-alicia")
                .serviceSpecificCredentialId(id)), "NoSuchEntity", 404, missing);
        assertAwsError(() -> after.resetServiceSpecificCredential(r -> r.userName("ssc-alicia")
                .serviceSpecificCredentialId(id)), "NoSuchEntity", 404, missing);
        after.deleteUser(r -> r.userName("ssc-alicia"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserHoldsTwoPerServiceOfTheServicesIamSupports(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("ssc-bob"));
        create(iam, "ssc-bob", CODECOMMIT);
        create(iam, "ssc-bob", CODECOMMIT);
        assertAwsError(() -> create(iam, "ssc-bob", CODECOMMIT), "LimitExceeded", 409,
                "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2");
        ServiceSpecificCredential keyspaces = create(iam, "ssc-bob", KEYSPACES);
        assertThat(keyspaces.serviceUserName()).isEqualTo("ssc-bob-at-" + ACCOUNT);
        String unsupported = "The specified service does not support service-specific credentials.";
        assertAwsError(() -> create(iam, "ssc-bob", "s3.amazonaws.com"), "NotSupportedService", 404, unsupported);
        assertAwsError(() -> iam.listServiceSpecificCredentials(r -> r.userName("ssc-bob").serviceName("ec2")),
                "NotSupportedService", 404, unsupported);
        assertAwsError(() -> create(iam, "ssc-nobody", CODECOMMIT), "NoSuchEntity", 404,
                "The user with name ssc-nobody cannot be found.");
        assertAwsError(() -> iam.createServiceSpecificCredential(r -> r.userName("ssc-bob").serviceName(CODECOMMIT)
                        .credentialAgeDays(30)), "InvalidInput", 400,
                "CredentialAgeDays is valid only for Bedrock and CloudWatch Logs API keys.");

        assertThat(iam.listServiceSpecificCredentials(r -> r.userName("ssc-bob").serviceName(KEYSPACES))
                .serviceSpecificCredentials()).extracting(ServiceSpecificCredentialMetadata::serviceSpecificCredentialId)
                .containsExactly(keyspaces.serviceSpecificCredentialId());
        ListServiceSpecificCredentialsResponse page = iam.listServiceSpecificCredentials(r -> r.userName("ssc-bob")
                .maxItems(2));
        assertThat(page.serviceSpecificCredentials()).hasSize(2);
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listServiceSpecificCredentials(r -> r.userName("ssc-bob").marker(page.marker()))
                .serviceSpecificCredentials()).extracting(ServiceSpecificCredentialMetadata::serviceName)
                .containsExactly(KEYSPACES);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anApiKeyHasAnAliasASecretAndMayExpire(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("ssc-carol"));
        Instant before = Instant.now().minusSeconds(1);
        ServiceSpecificCredential key = iam.createServiceSpecificCredential(r -> r.userName("ssc-carol")
                .serviceName("bedrock.amazonaws.com").credentialAgeDays(30)).serviceSpecificCredential();
        assertThat(key.serviceCredentialAlias()).isEqualTo("ssc-carol-at-" + ACCOUNT);
        assertThat(key.serviceCredentialSecret()).hasSize(44);
        assertThat(key.servicePassword()).isNull();
        assertThat(key.serviceUserName()).isNull();
        assertThat(key.expirationDate()).isBetween(before.plus(Duration.ofDays(30)),
                Instant.now().plus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(iam.listServiceSpecificCredentials(r -> r.userName("ssc-carol")).serviceSpecificCredentials())
                .singleElement().satisfies(m -> {
                    assertThat(m.serviceCredentialAlias()).isEqualTo(key.serviceCredentialAlias());
                    assertThat(m.expirationDate()).isEqualTo(key.expirationDate());
                });
        iam.createUser(r -> r.userName("ssc-dan"));
        create(iam, "ssc-dan", "bedrock.amazonaws.com");
        assertThat(iam.listServiceSpecificCredentials(r -> r.allUsers(true).serviceName("bedrock.amazonaws.com"))
                .serviceSpecificCredentials()).extracting(ServiceSpecificCredentialMetadata::userName)
                .containsExactly("ssc-carol", "ssc-dan");
        assertAwsError(() -> iam.listServiceSpecificCredentials(r -> r.allUsers(true).userName("ssc-dan")),
                "InvalidInput", 400, "UserName and AllUsers cannot be specified together.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void credentialsAreAuthorizedOnTheirUserWithTheirService(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials erin = userWithKey(server.iam(), "ssc-erin");
        String erinArn = "arn:aws:iam::" + ACCOUNT + ":user/ssc-erin";
        IamClient own = server.iam(erin);
        assertDenied(() -> create(own, "ssc-erin", CODECOMMIT), erinArn, "iam:CreateServiceSpecificCredential",
                "user ssc-erin");
        assertDenied(() -> own.listServiceSpecificCredentials(), erinArn, "iam:ListServiceSpecificCredentials",
                "user nullssc-erin");
        grant(server.iam(), "ssc-erin", allowWhere("\"iam:*ServiceSpecificCredential*\"",
                "\"arn:aws:iam::*:user/${aws:username}\"",
                "{\"StringEquals\":{\"iam:ServiceSpecificCredentialServiceName\":\"" + CODECOMMIT + "\"}}"));
        ServiceSpecificCredential mine = create(own, "ssc-erin", CODECOMMIT);
        assertDenied(() -> create(own, "ssc-erin", KEYSPACES), erinArn, "iam:CreateServiceSpecificCredential",
                "user ssc-erin");
        own.resetServiceSpecificCredential(r -> r.serviceSpecificCredentialId(mine.serviceSpecificCredentialId()));
        server.iam().createUser(r -> r.userName("ssc-frank"));
        assertDenied(() -> create(own, "ssc-frank", CODECOMMIT), erinArn, "iam:CreateServiceSpecificCredential",
                "user ssc-frank");
        assertThat(server.iam().listServiceSpecificCredentials(r -> r.userName("ssc-frank"))
                .serviceSpecificCredentials()).isEmpty();
        assertThat(server.iam().listServiceSpecificCredentials(r -> r.userName("ssc-erin"))
                .serviceSpecificCredentials()).hasSize(1);
    }

    private static ServiceSpecificCredential create(IamClient iam, String user, String service) {
        return iam.createServiceSpecificCredential(r -> r.userName(user).serviceName(service))
                .serviceSpecificCredential();
    }
}
