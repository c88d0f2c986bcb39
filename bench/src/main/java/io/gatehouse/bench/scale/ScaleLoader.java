package io.gatehouse.bench.scale;

import io.gatehouse.policy.ParseOptions;
import io.gatehouse.policy.PolicySizeQuota;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.EntityCodec;
import io.gatehouse.server.state.Group;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.state.InlinePolicy;
import io.gatehouse.server.state.ManagedPolicy;
import io.gatehouse.server.state.Mutation;
import io.gatehouse.server.state.PolicyVersion;
import io.gatehouse.server.state.Role;
import io.gatehouse.server.state.Tag;
import io.gatehouse.server.state.User;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills a data directory with an account of IAM's size at scale: users in groups, roles, customer managed policies,
 * attachments, inline policies, tags and access keys, with realistic, distinct policy documents. It starts the server
 * in-process on the directory and writes through the server's own state writer ({@code Mutation}), so every row is
 * what the server writes for the same entity (the entity codec, the change log, sealed secrets, compiled documents);
 * what it skips is the API and its audit events, so a load of 130,000 entities takes a minute rather than an hour.
 *
 * <p>The root user's key is the one {@code bench/startup/startup.py} signs with; a user {@code scale-probe}, with
 * policies of its own and of its groups, gets an access key written to {@code DATA_DIR/probe-credentials} for
 * {@link LatencyProbe}.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.gatehouse.bench.scale.ScaleLoader DATA_DIR USERS ROLES POLICIES</pre>
 */
public final class ScaleLoader {

    static final String ACCOUNT = ServerOptions.DEFAULT_ACCOUNT;
    static final String ROOT_KEY_ID = "AKIAGATEHOUSESTART01";
    static final String ROOT_SECRET = "startup/bench/secret/000000000000000000000";
    static final String PROBE_USER = "scale-probe";
    static final String PROBE_FILE = "probe-credentials";

    private static final int GROUPS = 250;
    private static final int PER_COMMAND = 500;
    private static final String[] SERVICES = {"s3", "dynamodb", "sqs", "sns", "lambda", "ec2", "logs", "kms",
            "secretsmanager", "cloudwatch"};
    private static final String[][] ACTIONS = {
            {"GetObject", "PutObject", "ListBucket", "DeleteObject", "GetBucketLocation"},
            {"GetItem", "PutItem", "Query", "Scan", "UpdateItem"},
            {"SendMessage", "ReceiveMessage", "DeleteMessage", "GetQueueAttributes"},
            {"Publish", "Subscribe", "ListTopics"},
            {"InvokeFunction", "GetFunction", "ListFunctions"},
            {"DescribeInstances", "StartInstances", "StopInstances", "DescribeVolumes"},
            {"CreateLogStream", "PutLogEvents", "GetLogEvents"},
            {"Decrypt", "Encrypt", "GenerateDataKey"},
            {"GetSecretValue", "DescribeSecret"},
            {"PutMetricData", "GetMetricData", "ListMetrics"}};
    private static final String[] AWS_MANAGED = {"arn:aws:iam::aws:policy/ReadOnlyAccess",
            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess",
            "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"};

    private final Random random = new Random(42);
    private final Ids ids = new Ids();
    private final Instant now = Instant.parse("2026-11-01T00:00:00Z");
    private final GatehouseServer server;

    private ScaleLoader(GatehouseServer server) {
        this.server = server;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ScaleLoader DATA_DIR USERS ROLES POLICIES");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int users = Integer.parseInt(args[1]);
        int roles = Integer.parseInt(args[2]);
        int policies = Integer.parseInt(args[3]);
        if (Files.exists(dataDir.resolve("gatehouse.db"))) {
            System.err.println(dataDir + " holds a database already; give an empty directory");
            System.exit(2);
        }
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("GATEHOUSE_ROOT_ACCESS_KEY_ID", ROOT_KEY_ID);
        environment.put("GATEHOUSE_ROOT_SECRET_ACCESS_KEY", ROOT_SECRET);
        long start = System.nanoTime();
        try (GatehouseServer server = GatehouseServer.start(new ServerOptions("127.0.0.1", 0, dataDir, null, ACCOUNT,
                false, null), environment, new PrintStream(OutputStream.nullOutputStream()))) {
            new ScaleLoader(server).load(dataDir, users, roles, policies);
        }
        System.out.printf("loaded %d users, %d roles, %d customer managed policies, %d groups into %s in %.1f s%n",
                users, roles, policies, GROUPS, dataDir, (System.nanoTime() - start) / 1e9);
    }

    private void load(Path dataDir, int users, int roles, int policies) throws IOException {
        batches("policies", policies, this::putPolicy);
        batches("groups", GROUPS, (mutation, i) -> putGroup(mutation, i, policies));
        batches("roles", roles, (mutation, i) -> putRole(mutation, i, policies));
        batches("users", users, (mutation, i) -> putUser(mutation, i, policies));
        String[] probe = putProbe(policies);
        Files.writeString(dataDir.resolve(PROBE_FILE), "[default]\naws_access_key_id = " + probe[0]
                + "\naws_secret_access_key = " + probe[1] + "\n");
    }

    /** Puts one entity, the {@code index}th of its kind. */
    @FunctionalInterface
    private interface Step {
        void put(Mutation mutation, int index);
    }

    /** Runs {@code step} for 0..count-1, {@link #PER_COMMAND} entities to a command (one transaction each). */
    private void batches(String what, int count, Step step) {
        long start = System.nanoTime();
        for (int first = 0; first < count; first += PER_COMMAND) {
            int from = first;
            int to = Math.min(count, first + PER_COMMAND);
            server.state().apply(mutation -> {
                for (int i = from; i < to; i++) {
                    step.put(mutation, i);
                }
                return null;
            });
        }
        System.out.printf("  %-9s %7d in %5.1f s%n", what, count, (System.nanoTime() - start) / 1e9);
    }

    // --- entities ---

    private void putPolicy(Mutation mutation, int i) {
        String name = policyName(i);
        String path = i % 4 == 0 ? "/teams/" : "/";
        List<PolicyVersion> versions = new ArrayList<>();
        int count = i % 10 == 0 ? 2 : 1;
        for (int v = 1; v <= count; v++) {
            String document = document(name + "-v" + v, 3 + random.nextInt(4));
            versions.add(new PolicyVersion("v" + v, document,
                    EntityCodec.compile(name, PolicyType.IDENTITY, document, ParseOptions.managedPolicy()), now));
        }
        mutation.putPolicy(ACCOUNT, new ManagedPolicy(name, ids.policyId(), path, "policy " + i, now, now,
                "v" + count, versions, count + 1, List.of(new Tag("team", "team-" + i % 50))));
    }

    private void putGroup(Mutation mutation, int i, int policies) {
        String name = groupName(i);
        List<InlinePolicy> inline = List.of(inline(name + "-inline", name, PolicySizeQuota.groupInline(name)));
        mutation.putGroup(ACCOUNT, new Group(name, ids.groupId(), "/", now, inline,
                List.of(customerPolicyArn(i * 7 % policies), customerPolicyArn((i * 7 + 3) % policies))));
    }

    private void putRole(Mutation mutation, int i, int policies) {
        String name = "role-" + i;
        String trust = i % 3 == 0
                ? "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"
                : "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"" + (i % 3 == 1 ? "lambda" : "ec2") + ".amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        List<InlinePolicy> inline = i % 2 == 0
                ? List.of(inline(name + "-inline", name, PolicySizeQuota.roleInline(name))) : List.of();
        mutation.putRole(ACCOUNT, new Role(name, ids.roleId(), i % 5 == 0 ? "/service/" : "/", now, trust,
                EntityCodec.compile(name, PolicyType.TRUST, trust, ParseOptions.defaultsFor(PolicyType.TRUST)),
                "role " + i, 3600, null, List.of(new Tag("app", "app-" + i % 100)), inline,
                List.of(customerPolicyArn(random.nextInt(policies)), customerPolicyArn(random.nextInt(policies))), null));
    }

    private void putUser(Mutation mutation, int i, int policies) {
        String name = "user-" + i;
        List<InlinePolicy> inline = i % 4 == 0
                ? List.of(inline(name + "-inline", name, PolicySizeQuota.userInline(name))) : List.of();
        List<String> attached = i % 10 == 0
                ? List.of(AWS_MANAGED[i / 10 % AWS_MANAGED.length], customerPolicyArn(random.nextInt(policies)))
                : List.of(customerPolicyArn(random.nextInt(policies)));
        User user = new User(name, ids.userId(), "/", now, null,
                List.of(new Tag("team", "team-" + i % 50), new Tag("cost-center", "cc-" + i % 20)), inline, attached,
                List.of(groupName(i % GROUPS), groupName((i * 31 + 7) % GROUPS)), null);
        mutation.putUser(ACCOUNT, user);
        if (i % 5 == 0) {
            mutation.putAccessKey(ACCOUNT, new AccessKey(ids.accessKeyId(), name, ids.secretAccessKey(), true, now,
                    null));
        }
    }

    /** The probe user, allowed what {@link LatencyProbe} calls by its own and its groups' policies; its key. */
    private String[] putProbe(int policies) {
        String keyId = ids.accessKeyId();
        String secret = ids.secretAccessKey();
        String allow = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:GetUser\","
                + "\"iam:ListAttachedUserPolicies\"],\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":user/scale-probe\"}]}";
        server.state().apply(mutation -> {
            InlinePolicy own = new InlinePolicy("probe-allow", allow, EntityCodec.compile("probe-allow",
                    PolicyType.IDENTITY, allow, ParseOptions.inline(PolicySizeQuota.userInline(PROBE_USER))));
            mutation.putUser(ACCOUNT, new User(PROBE_USER, ids.userId(), "/", now, null, List.of(),
                    List.of(own, inline("probe-inline", PROBE_USER, PolicySizeQuota.userInline(PROBE_USER))),
                    List.of(AWS_MANAGED[1], customerPolicyArn(1 % policies), customerPolicyArn(2 % policies)),
                    List.of(groupName(0), groupName(1)), null));
            mutation.putAccessKey(ACCOUNT, new AccessKey(keyId, PROBE_USER, secret, true, now, null));
            return null;
        });
        return new String[] {keyId, secret};
    }

    // --- documents ---

    private InlinePolicy inline(String policyName, String owner, PolicySizeQuota quota) {
        String document = document(owner, 2 + random.nextInt(3));
        return new InlinePolicy(policyName, document,
                EntityCodec.compile(policyName, PolicyType.IDENTITY, document, ParseOptions.inline(quota)));
    }

    /** A document of {@code statements} statements over several services, its resources named after {@code owner}. */
    private String document(String owner, int statements) {
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int s = 0; s < statements; s++) {
            int service = random.nextInt(SERVICES.length);
            String[] actions = ACTIONS[service];
            json.append(s == 0 ? "" : ",").append("{\"Sid\":\"S").append(s).append("\",\"Effect\":\"")
                    .append(random.nextInt(10) == 0 ? "Deny" : "Allow").append("\",\"Action\":[");
            int from = random.nextInt(actions.length);
            int count = 1 + random.nextInt(3);
            for (int a = 0; a < count; a++) {
                json.append(a == 0 ? "" : ",").append('"').append(SERVICES[service]).append(':')
                        .append(actions[(from + a) % actions.length]).append('"');
            }
            json.append("],\"Resource\":[\"").append(resource(SERVICES[service], owner, s)).append("\"]");
            if (random.nextInt(4) == 0) {
                json.append(",\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}");
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static String resource(String service, String owner, int s) {
        return switch (service) {
            case "s3" -> "arn:aws:s3:::bucket-" + owner + "-" + s + "/*";
            case "dynamodb" -> "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/" + owner + "-" + s;
            case "sqs" -> "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + owner + "-queue-" + s;
            case "lambda" -> "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + owner + "-" + s;
            default -> "arn:aws:" + service + ":*:" + ACCOUNT + ":*" + owner + "*";
        };
    }

    private static String policyName(int i) {
        return "policy-" + i;
    }

    private static String groupName(int i) {
        return "group-" + i;
    }

    private static String customerPolicyArn(int i) {
        return Arns.policy(ACCOUNT, i % 4 == 0 ? "/teams/" : "/", policyName(i));
    }
}
