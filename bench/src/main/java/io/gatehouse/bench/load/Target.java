package io.gatehouse.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * A server under load: where it listens, how requests to it are signed, how its CPU is read, and whether it
 * verifies signatures (found out before the measurement by a call signed with a wrong secret).
 */
final class Target {

    /** The user the AssumeRole scenario signs as. */
    static final String ASSUMER = "bench-assumer";
    /** The role it assumes. */
    static final String ROLE = "bench-role";

    private final String label;
    private final InetSocketAddress address;
    private final Signer signer;
    private final ProcessCpu cpu;
    private boolean verifiesSignatures;
    private Signer assumer;
    private Signer roleSession;
    private String roleArn;

    Target(String label, URI endpoint, Signer signer, ProcessCpu cpu) {
        this.label = label;
        this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort() < 0 ? 80 : endpoint.getPort());
        this.signer = signer;
        this.cpu = cpu;
    }

    String label() {
        return label;
    }

    InetSocketAddress address() {
        return address;
    }

    Signer signer() {
        return signer;
    }

    /** Signs as the seeded user {@value #ASSUMER}, whose policy allows it to assume the seeded role. */
    Signer assumer() {
        return assumer;
    }

    /** Signs with a session of the seeded role, assumed once by {@link #prepare}. */
    Signer roleSession() {
        return roleSession;
    }

    /** The seeded role {@value #ROLE}, which trusts its account. */
    String roleArn() {
        return roleArn;
    }

    ProcessCpu cpu() {
        return cpu;
    }

    /** Whether the server refused a request signed with a wrong secret (known after {@link #prepare}). */
    boolean verifiesSignatures() {
        return verifiesSignatures;
    }

    /**
     * Checks that the server answers a correctly signed call, learns whether it refuses a wrongly signed one, creates
     * the seeded users that are missing, and prepares the AssumeRole scenarios (a user, a role, one role session).
     *
     * @throws IllegalStateException when the server does not answer as a working IAM endpoint would
     */
    void prepare(int users, Clock clock) throws IOException {
        try (HttpConnection connection = new HttpConnection(address)) {
            String identity = "Action=GetCallerIdentity&" + Scenario.STS_VERSION;
            HttpConnection.Response good = connection.exchange(signer.sign("sts", identity, clock.instant()));
            if (good.status() != 200) {
                throw new IllegalStateException(label + ": GetCallerIdentity answered HTTP " + good.status() + ": "
                        + Responses.excerpt(good));
            }
            String account = between(good.body(), "<Account>", "</Account>"); // read before the next exchange
            HttpConnection.Response forged = connection.exchange(
                    signer.withSecret("not-the-secret-access-key-of-this-account").sign("sts", identity, clock.instant()));
            verifiesSignatures = forged.status() == 403 && forged.body().contains("SignatureDoesNotMatch");
            prepareRole(connection, account, clock);
            for (int i = 0; i < users; i++) {
                HttpConnection.Response created = connection.exchange(signer.sign("iam",
                        "Action=CreateUser&" + Scenario.IAM_VERSION + "&UserName=" + Scenario.seededUser(i),
                        clock.instant()));
                if (created.status() != 200 && created.status() != 409) {
                    throw new IllegalStateException(label + ": seeding users, CreateUser answered HTTP "
                            + created.status() + ": " + Responses.excerpt(created));
                }
            }
        }
    }

    /**
     * Seeds a user allowed to assume a role that trusts the account, gives the user a new access key, and assumes the
     * role once, for the AssumeRole scenarios.
     */
    private void prepareRole(HttpConnection connection, String account, Clock clock) throws IOException {
        String allow = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"sts:AssumeRole\",\"Resource\":\"*\"}]}";
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::" + account + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        call(connection, signer, "iam", "Action=CreateUser&UserName=" + ASSUMER, clock, true);
        call(connection, signer, "iam", "Action=PutUserPolicy&UserName=" + ASSUMER + "&PolicyName=assume"
                + "&PolicyDocument=" + URLEncoder.encode(allow, StandardCharsets.UTF_8), clock, false);
        call(connection, signer, "iam", "Action=CreateRole&RoleName=" + ROLE + "&AssumeRolePolicyDocument="
                + URLEncoder.encode(trust, StandardCharsets.UTF_8), clock, true);
        String key = call(connection, signer, "iam", "Action=CreateAccessKey&UserName=" + ASSUMER, clock, false);
        assumer = signer.withKey(between(key, "<AccessKeyId>", "</AccessKeyId>"),
                between(key, "<SecretAccessKey>", "</SecretAccessKey>"));
        roleArn = "arn:aws:iam::" + account + ":role/" + ROLE;
        String session = call(connection, assumer, "sts", "Action=AssumeRole&" + Scenario.STS_VERSION + "&RoleArn="
                + URLEncoder.encode(roleArn, StandardCharsets.UTF_8) + "&RoleSessionName=bench", clock, false);
        roleSession = signer.withSession(between(session, "<AccessKeyId>", "</AccessKeyId>"),
                between(session, "<SecretAccessKey>", "</SecretAccessKey>"),
                between(session, "<SessionToken>", "</SessionToken>"));
    }

    /** Makes one call (IAM calls get IAM's version) and answers its body; 409 is fine where it is {@code existing}. */
    private String call(HttpConnection connection, Signer as, String service, String form, Clock clock,
                        boolean existing) throws IOException {
        String body = service.equals("iam") ? form + "&" + Scenario.IAM_VERSION : form;
        HttpConnection.Response response = connection.exchange(as.sign(service, body, clock.instant()));
        if (response.status() != 200 && !(existing && response.status() == 409)) {
            throw new IllegalStateException(label + ": preparing the AssumeRole scenarios, " + form.split("&")[0]
                    + " answered HTTP " + response.status() + ": " + Responses.excerpt(response));
        }
        return response.body();
    }

    /** The text between two markers, or an exception naming what was missing. */
    private String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = from < 0 ? -1 : text.indexOf(end, from + start.length());
        if (to < 0) {
            throw new IllegalStateException(label + ": no " + start + " in " + text);
        }
        return text.substring(from + start.length(), to);
    }
}
