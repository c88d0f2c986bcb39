package io.gatehouse.bench.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

/** The calls the load benchmark measures, each as a closed loop of signed requests. */
enum Scenario {

    /** {@code GetUser} of one of the seeded users. */
    GET_USER("GetUser"),
    /** {@code ListUsers} with the default page size (100): every seeded user in one response. */
    LIST_USERS("ListUsers"),
    /** STS {@code GetCallerIdentity}, signed for {@code sts}. */
    GET_CALLER_IDENTITY("GetCallerIdentity"),
    /** {@code CreateUser} of a fresh name, then {@code DeleteUser} of it: two durable changes per iteration. */
    CREATE_DELETE_USER("CreateUser+DeleteUser"),
    /** STS {@code AssumeRole} of the seeded role by the seeded user: a trust-policy decision and a new session each. */
    ASSUME_ROLE("AssumeRole"),
    /** STS {@code GetCallerIdentity} signed with a role session's temporary credentials: the token opened each call. */
    ROLE_SESSION_CALL("RoleSession:GetCallerIdentity");

    static final String IAM_VERSION = "Version=2010-05-08";
    static final String STS_VERSION = "Version=2011-06-15";
    /** The names of the seeded users start with this. */
    static final String SEEDED_PREFIX = "bench-user-";

    private final String title;

    Scenario(String title) {
        this.title = title;
    }

    /** The scenario's name as the driver's options and reports spell it. */
    String title() {
        return title;
    }

    /**
     * The scenario's requests for one run.
     *
     * @param target the server, with its signers (its {@link Target#prepare} has run)
     * @param users  how many users were seeded ({@link #seededUser(int)} 0 to {@code users - 1})
     * @param runId  distinguishes the names a write scenario creates from those of every other run
     */
    Workload workload(Target target, Clock clock, int users, String runId) {
        Signer signer = target.signer();
        return switch (this) {
            case GET_USER -> {
                String name = seededUser(users / 2);
                yield new ReadWorkload(new PerSecondRequest(signer, "iam",
                        "Action=GetUser&" + IAM_VERSION + "&UserName=" + name, clock),
                        body -> body.contains("<UserName>" + name + "</UserName>") ? null
                                : "GetUser did not answer user " + name);
            }
            case LIST_USERS -> new ReadWorkload(new PerSecondRequest(signer, "iam",
                    "Action=ListUsers&" + IAM_VERSION, clock),
                    body -> {
                        int listed = occurrences(body, "<UserName>" + SEEDED_PREFIX);
                        int expected = Math.min(users, 100);
                        return listed == expected ? null
                                : "ListUsers listed " + listed + " seeded users, not " + expected;
                    });
            case GET_CALLER_IDENTITY -> new ReadWorkload(new PerSecondRequest(signer, "sts",
                    "Action=GetCallerIdentity&" + STS_VERSION, clock),
                    body -> body.contains("<Arn>") ? null : "GetCallerIdentity answered no Arn");
            case CREATE_DELETE_USER -> new CreateDeletePairs(signer, clock, "lb-" + runId + "-");
            case ASSUME_ROLE -> new ReadWorkload(new PerSecondRequest(target.assumer(), "sts",
                    "Action=AssumeRole&" + STS_VERSION + "&RoleArn="
                            + URLEncoder.encode(target.roleArn(), StandardCharsets.UTF_8) + "&RoleSessionName=bench",
                    clock),
                    body -> body.contains("<SessionToken>") ? null : "AssumeRole answered no SessionToken");
            case ROLE_SESSION_CALL -> new ReadWorkload(new PerSecondRequest(target.roleSession(), "sts",
                    "Action=GetCallerIdentity&" + STS_VERSION, clock),
                    body -> body.contains("assumed-role/" + Target.ROLE + "/bench") ? null
                            : "GetCallerIdentity did not answer the role session");
        };
    }

    /** The name of the {@code index}th seeded user. */
    static String seededUser(int index) {
        return SEEDED_PREFIX + String.format(Locale.ROOT, "%03d", index);
    }

    /** The scenario named by its title or its constant, ignoring case. */
    static Scenario parse(String text) {
        for (Scenario scenario : values()) {
            if (scenario.title.equalsIgnoreCase(text) || scenario.name().equalsIgnoreCase(text)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario " + text + "; one of GetUser, ListUsers, "
                + "GetCallerIdentity, CreateUser+DeleteUser, AssumeRole, RoleSession:GetCallerIdentity");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
