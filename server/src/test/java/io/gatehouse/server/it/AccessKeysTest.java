package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.allowWhere;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.awaitUse;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.store.Backend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.model.StsException;

/** Access keys: their life, their quota, the root user's own keys and their last use. */
class AccessKeysTest {

    private static final String ACCOUNT = TestServer.ACCOUNT;

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    private static AwsCredentials credentials(AccessKey key) {
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserHasAtMostTwoKeysActiveOrNot(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        iam.createUser(r -> r.userName("ak-alice"));
        Instant before = Instant.now().minusSeconds(1);
        AccessKey first = iam.createAccessKey(r -> r.userName("AK-ALICE")).accessKey();
        assertThat(first.userName()).isEqualTo("ak-alice");
        assertThat(first.accessKeyId()).startsWith("AKIA").hasSize(20);
        assertThat(first.secretAccessKey()).hasSize(40);
        assertThat(first.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(first.createDate()).isBetween(before, Instant.now().plusSeconds(1));
        AccessKey second = iam.createAccessKey(r -> r.userName("ak-alice")).accessKey();
        iam.updateAccessKey(r -> r.userName("ak-alice").accessKeyId(second.accessKeyId()).status(StatusType.INACTIVE));
        assertAwsError(() -> iam.createAccessKey(r -> r.userName("ak-alice")), "LimitExceeded", 409,
                "Cannot exceed quota for AccessKeysPerUser: 2");

        ListAccessKeysResponse listed = iam.listAccessKeys(r -> r.userName("ak-alice"));
        assertThat(listed.accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(first.accessKeyId(), second.accessKeyId());
        assertThat(listed.accessKeyMetadata()).extracting(AccessKeyMetadata::status)
                .containsExactly(StatusType.ACTIVE, StatusType.INACTIVE);
        assertThat(listed.accessKeyMetadata().getFirst().userName()).isEqualTo("ak-alice");
        assertThat(listed.isTruncated()).isFalse();
        ListAccessKeysResponse page = iam.listAccessKeys(r -> r.userName("ak-alice").maxItems(1));
        assertThat(page.accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .containsExactly(first.accessKeyId());
        assertThat(page.isTruncated()).isTrue();
        assertThat(iam.listAccessKeys(r -> r.userName("ak-alice").maxItems(1).marker(page.marker()))
                .accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId).containsExactly(second.accessKeyId());

        iam.deleteAccessKey(r -> r.userName("ak-alice").accessKeyId(second.accessKeyId()));
        iam.createAccessKey(r -> r.userName("ak-alice"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentCreationsNeverBreakTheQuota(Backend backend) throws Exception {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("ak-race"));
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> {
                try {
                    iam.createAccessKey(r -> r.userName("ak-race"));
                    return true;
                } catch (LimitExceededException e) {
                    return false;
                }
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            long created = 0;
            for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
                created += attempt.get() ? 1 : 0;
            }
            assertThat(created).isEqualTo(2);
        }
        assertThat(iam.listAccessKeys(r -> r.userName("ak-race")).accessKeyMetadata()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anInactiveKeyIsRefusedUntilItIsActiveAgain(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        iam.createUser(r -> r.userName("ai-bob"));
        AccessKey key = iam.createAccessKey(r -> r.userName("ai-bob")).accessKey();
        iam.updateAccessKey(r -> r.userName("ai-bob").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThatThrownBy(() -> server.sts(credentials(key)).getCallerIdentity()).isInstanceOfSatisfying(
                StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        iam.updateAccessKey(r -> r.userName("ai-bob").accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
        assertThat(server.sts(credentials(key)).getCallerIdentity().arn()).endsWith(":user/ai-bob");
        assertAwsError(() -> iam.updateAccessKey(r -> r.userName("ai-bob").accessKeyId(key.accessKeyId())
                        .status(StatusType.EXPIRED)), "InvalidInput", 400,
                "Invalid status Expired for an access key: use Active or Inactive.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aKeyIsFoundOnlyUnderItsOwnUser(Backend backend) {
        IamClient iam = servers.get(backend).iam();
        iam.createUser(r -> r.userName("ao-carol"));
        iam.createUser(r -> r.userName("ao-dave"));
        String carols = iam.createAccessKey(r -> r.userName("ao-carol")).accessKey().accessKeyId();
        String missing = "The Access Key with id " + carols + " cannot be found.";
        assertAwsError(() -> iam.updateAccessKey(r -> r.userName("ao-dave").accessKeyId(carols)
                .status(StatusType.INACTIVE)), "NoSuchEntity", 404, missing);
        assertAwsError(() -> iam.deleteAccessKey(r -> r.userName("ao-dave").accessKeyId(carols)), "NoSuchEntity", 404,
                missing);
        assertAwsError(() -> iam.deleteAccessKey(r -> r.accessKeyId(carols)), "NoSuchEntity", 404, missing);
        assertAwsError(() -> iam.deleteAccessKey(r -> r.userName("ao-nobody").accessKeyId(carols)), "NoSuchEntity", 404,
                "The user with name ao-nobody cannot be found.");
        assertAwsError(() -> iam.createAccessKey(r -> r.userName("ao-nobody")), "NoSuchEntity", 404,
                "The user with name ao-nobody cannot be found.");
        assertAwsError(() -> iam.listAccessKeys(r -> r.userName("ao-nobody")), "NoSuchEntity", 404,
                "The user with name ao-nobody cannot be found.");
        iam.deleteAccessKey(r -> r.userName("ao-carol").accessKeyId(carols));
        assertThat(iam.listAccessKeys(r -> r.userName("ao-carol")).accessKeyMetadata()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void withoutAUserNameAKeyOperationActsOnTheCallersOwnKeys(Backend backend) {
        TestServer server = servers.get(backend);
        IamClient root = server.iam();
        assertThat(root.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                .as("the root user's keys").containsExactly(TestServer.ROOT_KEY_ID);
        assertThat(root.listAccessKeys().accessKeyMetadata().getFirst().userName()).isNull();
        AccessKey second = root.createAccessKey().accessKey();
        assertThat(second.userName()).isNull();
        assertAwsError(root::createAccessKey, "LimitExceeded", 409, "Cannot exceed quota for AccessKeysPerUser: 2");
        assertThat(server.sts(credentials(second)).getCallerIdentity().arn())
                .isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        root.deleteAccessKey(r -> r.accessKeyId(second.accessKeyId()));

        AwsCredentials erin = userWithKey(root, "ao-erin");
        String erinArn = "arn:aws:iam::" + ACCOUNT + ":user/ao-erin";
        assertDenied(() -> server.iam(erin).listAccessKeys(), erinArn, "iam:ListAccessKeys", "user nullao-erin");
        assertDenied(() -> server.iam(erin).createAccessKey(), erinArn, "iam:CreateAccessKey", "user nullao-erin");
        grant(server.iam(), "ao-erin",
                allowWhere("\"iam:*AccessKey*\"", "\"arn:aws:iam::*:user/${aws:username}\"", null));
        IamClient own = server.iam(erin);
        assertThat(own.listAccessKeys().accessKeyMetadata()).singleElement()
                .satisfies(k -> assertThat(k.accessKeyId()).isEqualTo(erin.accessKeyId()));
        AccessKey rotated = own.createAccessKey().accessKey();
        assertThat(rotated.userName()).isEqualTo("ao-erin");
        own.updateAccessKey(r -> r.accessKeyId(rotated.accessKeyId()).status(StatusType.INACTIVE));
        own.deleteAccessKey(r -> r.accessKeyId(rotated.accessKeyId()));
        assertDenied(() -> own.listAccessKeys(r -> r.userName("ao-carol")), erinArn, "iam:ListAccessKeys",
                "user ao-carol");
        assertAwsError(() -> own.deleteAccessKey(r -> r.accessKeyId(TestServer.ROOT_KEY_ID)), "NoSuchEntity", 404,
                "The Access Key with id " + TestServer.ROOT_KEY_ID + " cannot be found.");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void getAccessKeyLastUsedReportsTheFirstUseAtOnceAndLaterUsesByTheMinute(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        IamClient iam = server.iam();
        iam.createUser(r -> r.userName("lu-frank"));
        AccessKey key = iam.createAccessKey(r -> r.userName("lu-frank")).accessKey();
        GetAccessKeyLastUsedResponse never = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
        assertThat(never.userName()).isEqualTo("lu-frank");
        assertThat(never.accessKeyLastUsed().lastUsedDate()).isNull();
        assertThat(never.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
        assertThat(never.accessKeyLastUsed().region()).isEqualTo("N/A");

        Instant before = Instant.now().minusSeconds(1);
        server.sts(credentials(key)).getCallerIdentity();
        GetAccessKeyLastUsedResponse used = awaitUse(iam, key.accessKeyId());
        assertThat(used.accessKeyLastUsed().lastUsedDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(used.accessKeyLastUsed().serviceName()).isEqualTo("sts");
        assertThat(used.accessKeyLastUsed().region()).isEqualTo("us-east-1");

        assertThatThrownBy(() -> server.iam(credentials(key)).listUsers()).as("a denied call is a use too")
                .hasMessageContaining("is not authorized to perform: iam:ListUsers");
        Thread.sleep(300);
        assertThat(iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed())
                .as("recorded at most once a minute").isEqualTo(used.accessKeyLastUsed());

        server.restart();
        assertThat(server.iam().getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed())
                .isEqualTo(used.accessKeyLastUsed());
        GetAccessKeyLastUsedResponse root = awaitUse(server.iam(), TestServer.ROOT_KEY_ID);
        assertThat(root.userName()).as("the root user's key has no user").isNull();
        assertThat(root.accessKeyLastUsed().serviceName()).isEqualTo("iam");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void getAccessKeyLastUsedIsAuthorizedOnTheKeysOwnerAndRevealsNoOtherKey(Backend backend) {
        TestServer server = servers.get(backend);
        AwsCredentials gina = userWithKey(server.iam(), "lk-gina");
        String ginaArn = "arn:aws:iam::" + ACCOUNT + ":user/lk-gina";
        String keyOfHal = userWithKey(server.iam(), "lk-hal").accessKeyId();
        assertDenied(() -> server.iam(gina).getAccessKeyLastUsed(r -> r.accessKeyId(gina.accessKeyId())), ginaArn,
                "iam:GetAccessKeyLastUsed", "access key " + gina.accessKeyId());
        grant(server.iam(), "lk-gina",
                allowWhere("\"iam:GetAccessKeyLastUsed\"", "\"arn:aws:iam::*:user/${aws:username}\"", null));
        assertThat(server.iam(gina).getAccessKeyLastUsed(r -> r.accessKeyId(gina.accessKeyId())).userName())
                .isEqualTo("lk-gina");
        assertDenied(() -> server.iam(gina).getAccessKeyLastUsed(r -> r.accessKeyId(keyOfHal)), ginaArn,
                "iam:GetAccessKeyLastUsed", "access key " + keyOfHal);
        String unknown = "AKIAUNKNOWNKEY000001";
        assertDenied(() -> server.iam(gina).getAccessKeyLastUsed(r -> r.accessKeyId(unknown)), ginaArn,
                "iam:GetAccessKeyLastUsed", "access key " + unknown);
        assertDenied(() -> server.iam().getAccessKeyLastUsed(r -> r.accessKeyId(unknown)),
                "arn:aws:iam::" + ACCOUNT + ":root", "iam:GetAccessKeyLastUsed", "access key " + unknown);
    }

    /** Waits for the asynchronous record of a key's use. */}
