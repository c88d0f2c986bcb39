package io.gatehouse.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.User;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;

/**
 * What the policy tests share: documents, unique names, AWS error assertions, and groups and roles put straight
 * into the state (their own operations belong to other groups of operations).
 */
final class IamFixtures {

    static final String ACCOUNT = TestServer.ACCOUNT;
    static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private IamFixtures() {}

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** An identity policy allowing the actions on every resource. */
    static String allow(String... actions) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + String.join("\",\"", actions) + "\"],\"Resource\":\"*\"}]}";
    }

    /**
     * An identity policy allowing the actions on the resources when the condition holds.
     *
     * @param actions   JSON: one action or an array of them
     * @param resources JSON: one resource or an array of them
     * @param condition JSON condition block, or {@code null} for none
     */
    static String allowWhere(String actions, String resources, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions
                + ",\"Resource\":" + resources + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    /** Gives a user one more inline policy (under a name of its own), with PutUserPolicy as the root user. */
    static void grant(IamClient root, String userName, String document) {
        root.putUserPolicy(r -> r.userName(userName).policyName(unique("grant")).policyDocument(document));
    }

    static String policyArn(String path, String name) {
        return "arn:aws:iam::" + ACCOUNT + ":policy" + path + name;
    }

    /** A policy document as IAM returns it: URL-encoded (the Java SDK leaves it so). */
    static String decoded(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    /** Creates a user with an access key and returns the key's credentials. */
    static AwsCredentials userWithKey(IamClient iam, String name) {
        iam.createUser(r -> r.userName(name));
        AccessKey key = iam.createAccessKey(r -> r.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    /** Asserts the call (to any service) fails with this AWS error code, HTTP status and message. */
    static void assertAwsError(ThrowingCallable call, String code, int status, String message) {
        AwsServiceException error = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(error).as("expected %s: %s", code, message).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    /** The AccessDenied IAM gives a user no identity-based policy allows an action. */
    static void assertDenied(ThrowingCallable call, String userArn, String action, String resource) {
        assertAwsError(call, "AccessDenied", 403, "User: " + userArn + " is not authorized to perform: " + action
                + " on resource: " + resource + " because no identity-based policy allows the " + action + " action");
    }

    static Group group(TestServer server, String name, String path) {
        Group group = new Group(name, new Ids().groupId(), path, Instant.now(), List.of(), List.of());
        server.server().state().apply(m -> {
            m.putGroup(ACCOUNT, group);
            return null;
        });
        return group;
    }

    static Role role(TestServer server, String name, String path) {
        Role role = new Role(name, new Ids().roleId(), path, Instant.now(), TRUST,
                EntityCodec.compile(name, PolicyType.TRUST, TRUST, ParseOptions.defaultsFor(PolicyType.TRUST)), null, 3600,
                null, List.of(), List.of(), List.of(), null);
        server.server().state().apply(m -> {
            m.putRole(ACCOUNT, role);
            return null;
        });
        return role;
    }

    /** Adds a user to a group, as AddUserToGroup does. */
    static void addToGroup(TestServer server, String userName, String groupName) {
        server.server().state().apply(m -> {
            User user = m.account(ACCOUNT).user(userName);
            List<String> groups = new ArrayList<>(user.groupNames());
            groups.add(groupName);
            m.putUser(ACCOUNT, new User(user.name(), user.id(), user.path(), user.created(), user.permissionsBoundaryArn(),
                    user.tags(), user.inlinePolicies(), user.attachedPolicyArns(), groups, user.passwordLastUsed()));
            return null;
        });
    }

    /** Sets a user's permissions boundary (canonical ARN, or {@code null}), as PutUserPermissionsBoundary does. */
    static void boundUser(TestServer server, String userName, String boundaryArn) {
        server.server().state().apply(m -> {
            User user = m.account(ACCOUNT).user(userName);
            m.putUser(ACCOUNT, new User(user.name(), user.id(), user.path(), user.created(), boundaryArn, user.tags(),
                    user.inlinePolicies(), user.attachedPolicyArns(), user.groupNames(), user.passwordLastUsed()));
            return null;
        });
    }

    /**
     * GetAccessKeyLastUsed once the key's last use is recorded (KeyUsage records it without the request waiting), or
     * as it stands after ten seconds.
     */
    static GetAccessKeyLastUsedResponse awaitUse(IamClient iam, String keyId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            GetAccessKeyLastUsedResponse response = iam.getAccessKeyLastUsed(r -> r.accessKeyId(keyId));
            if (response.accessKeyLastUsed().lastUsedDate() != null || Instant.now().isAfter(deadline)) {
                return response;
            }
            Thread.sleep(20);
        }
    }
}
