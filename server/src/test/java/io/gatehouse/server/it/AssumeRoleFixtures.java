package io.gatehouse.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/** What the AssumeRole tests share: trust policies, roles, sessions as SDK credentials, the audit trail. */
final class AssumeRoleFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AssumeRoleFixtures() {}

    /**
     * A trust policy of one statement.
     *
     * @param principal JSON of the {@code Principal} value
     * @param actions   JSON: one action or an array of them
     * @param condition JSON condition block, or {@code null}
     */
    static String trust(String principal, String actions, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":" + actions + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
    }

    /** {@code {"AWS":"ARN"}}. */
    static String aws(String arn) {
        return "{\"AWS\":\"" + arn + "\"}";
    }

    /** Creates a role with the trust policy and returns its ARN. */
    static String role(IamClient iam, String name, String trustPolicy) {
        return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trustPolicy)).role().arn();
    }

    static AwsSessionCredentials session(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    /** Assumes a role with whoever holds the credentials. */
    static AssumeRoleResponse assume(TestServer server, AwsCredentials caller, String roleArn, String sessionName) {
        return assume(server, caller, AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(sessionName).build());
    }

    static AssumeRoleResponse assume(TestServer server, AwsCredentials caller, AssumeRoleRequest request) {
        try (StsClient sts = server.sts(caller)) {
            return sts.assumeRole(request);
        }
    }

    /** The session credentials of a role session. */
    static AwsSessionCredentials assumed(TestServer server, AwsCredentials caller, String roleArn, String sessionName) {
        return session(assume(server, caller, roleArn, sessionName).credentials());
    }

    static String userArn(String name) {
        return "arn:aws:iam::" + TestServer.ACCOUNT + ":user/" + name;
    }

    /** A user with a key, and a role that trusts the user for the actions and has an inline policy of its own. */
    record Trusting(String user, AwsCredentials key, String roleName, String roleArn) {}

    static Trusting userAndRole(TestServer server, String trustedActions, String rolePolicy) {
        String user = IamFixtures.unique("trusted");
        AwsCredentials key = IamFixtures.userWithKey(server.iam(), user);
        String roleName = IamFixtures.unique("trusting");
        String roleArn = role(server.iam(), roleName, trust(aws(userArn(user)), trustedActions, null));
        server.iam().putRolePolicy(r -> r.roleName(roleName).policyName("own").policyDocument(rolePolicy));
        return new Trusting(user, key, roleName, roleArn);
    }

    /** Every audit event of the last hour, once the events of reads (queued without waiting) are written. */
    static List<JsonNode> auditEvents(TestServer server) throws Exception {
        Thread.sleep(300);
        List<JsonNode> events = new ArrayList<>();
        for (AuditRow row : server.server().store().audit(AuditQuery.between(Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(1))).limit(10_000))) {
            events.add(JSON.readTree(row.event().body()));
        }
        return events;
    }

    /** STS's AccessDenied for AssumeRole and its companions, which names no reason. */
    static String stsDenial(String callerArn, String action, String roleArn) {
        return "User: " + callerArn + " is not authorized to perform: " + action + " on resource: " + roleArn;
    }
}
