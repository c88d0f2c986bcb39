package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.assertAwsError;

import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.User;
import io.gatehouse.server.store.Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iam.IamClient;

/** IAM's account quotas of users (5,000) and groups (300), filled through the state to keep the test quick. */
class UserGroupQuotasTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anAccountHoldsAtMostFiveThousandUsersAndThreeHundredGroups(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, directory)) {
            Instant now = Instant.now();
            server.server().state().apply(mutation -> {
                for (int i = 0; i < 4999; i++) {
                    mutation.putUser(TestServer.ACCOUNT, new User("quota-" + i, "AIDAQUOTA" + i, "/", now, null,
                            List.of(), List.of(), List.of(), List.of(), null));
                }
                for (int i = 0; i < 299; i++) {
                    mutation.putGroup(TestServer.ACCOUNT, new Group("quota-" + i, "AGPAQUOTA" + i, "/", now, List.of(),
                            List.of()));
                }
                return null;
            });
            IamClient iam = server.iam();
            iam.createUser(r -> r.userName("the-last"));
            assertAwsError(() -> iam.createUser(r -> r.userName("one-too-many")), "LimitExceeded", 409,
                    "Cannot exceed quota for UsersPerAccount: 5000");
            iam.createGroup(r -> r.groupName("the-last"));
            assertAwsError(() -> iam.createGroup(r -> r.groupName("one-too-many")), "LimitExceeded", 409,
                    "Cannot exceed quota for GroupsPerAccount: 300");
            assertAwsError(() -> iam.createUser(r -> r.userName("the-last")), "EntityAlreadyExists", 409,
                    "User with name the-last already exists.");

            iam.deleteUser(r -> r.userName("quota-0"));
            iam.deleteGroup(r -> r.groupName("quota-0"));
            iam.createUser(r -> r.userName("one-too-many"));
            iam.createGroup(r -> r.groupName("one-too-many"));
        }
    }
}
