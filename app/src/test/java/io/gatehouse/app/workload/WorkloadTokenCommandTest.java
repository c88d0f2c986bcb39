package io.gatehouse.app.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.app.DataCommand;
import io.gatehouse.app.Gatehouse;
import io.gatehouse.server.GatehouseServer;
import io.gatehouse.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code gatehouse workload token} and {@code revoke} as an operator runs them beside a running server: the printed
 * variables are all a workload's SDK needs to act as the role, and a revoked token is refused at once.
 */
class WorkloadTokenCommandTest {

    private static final String ROOT_KEY = "AKIAGATEHOUSEROOT001";
    private static final String ROOT_SECRET = "gatehouse/root/secret/for/tests/only/0001";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "GATEHOUSE_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]),
            "GATEHOUSE_ROOT_ACCESS_KEY_ID", ROOT_KEY, "GATEHOUSE_ROOT_SECRET_ACCESS_KEY", ROOT_SECRET);
    private static final Pattern EXPORT = Pattern.compile("(?m)^export (AWS_CONTAINER_[A-Z_]+)=(\\S+)$");
    private static final Pattern TOKEN_ID = Pattern.compile("workload revoke --account \\d{12} ([0-9a-f]{64})");

    @TempDir
    Path directory;
    GatehouseServer server;

    private record Run(int status, String out, String err) {}

    @BeforeEach
    void serve() {
        server = GatehouseServer.start(new ServerOptions("127.0.0.1", 0, directory, null, ServerOptions.DEFAULT_ACCOUNT,
                false, null), ENVIRONMENT, new PrintStream(new ByteArrayOutputStream()));
        try (IamClient iam = IamClient.builder().endpointOverride(endpoint()).region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ROOT_KEY, ROOT_SECRET)))
                .build()) {
            iam.createRole(r -> r.roleName("builder").path("/ci/").assumeRolePolicyDocument("{\"Version\":"
                    + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                    + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private Run run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine command = Gatehouse.commandLine(ENVIRONMENT);
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--data-dir", directory.toString()));
        int status = command.execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    /** GetCallerIdentity by an SDK whose only credentials are the printed variables. */
    private String callerArn(String printed) {
        Matcher exports = EXPORT.matcher(printed);
        Map<String, String> variables = new java.util.HashMap<>();
        while (exports.find()) {
            variables.put(exports.group(1), exports.group(2));
        }
        assertThat(variables).containsOnlyKeys("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN");
        // The SDK reads these system properties before the environment variables of the same meaning.
        System.setProperty("aws.containerCredentialsFullUri", variables.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        System.setProperty("aws.containerAuthorizationToken", variables.get("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
        try (ContainerCredentialsProvider provider = ContainerCredentialsProvider.builder().build();
             StsClient sts = StsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                     .httpClient(UrlConnectionHttpClient.create()).credentialsProvider(provider).build()) {
            return sts.getCallerIdentity().arn();
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
        }
    }

    @Test
    void theIssuedTokenIsAllAWorkloadNeedsUntilItIsRevoked() {
        Run issued = run("workload", "token", "--role", "builder", "--session-name", "ci-runner-7", "--ttl", "2h",
                "--endpoint", endpoint() + "/");

        assertThat(issued.status()).as(issued.err()).isZero();
        assertThat(issued.out()).contains("export AWS_CONTAINER_CREDENTIALS_FULL_URI=" + endpoint()
                + "/v1/workload-credentials\n");
        assertThat(callerArn(issued.out()))
                .isEqualTo("arn:aws:sts::" + ServerOptions.DEFAULT_ACCOUNT + ":assumed-role/builder/ci-runner-7");

        Matcher id = TOKEN_ID.matcher(issued.out());
        assertThat(id.find()).isTrue();
        Run revoked = run("workload", "revoke", id.group(1));
        assertThat(revoked.status()).as(revoked.err()).isZero();
        assertThatThrownBy(() -> callerArn(issued.out())).isInstanceOf(SdkClientException.class);
        Run again = run("workload", "revoke", id.group(1));
        assertThat(again.status()).isEqualTo(DataCommand.REFUSED);
        assertThat(again.err()).contains("there is no workload token " + id.group(1));
    }

    @Test
    void aRoleArnWithItsPathWorksAndAWrongPathIsRefused() {
        String account = ServerOptions.DEFAULT_ACCOUNT;
        Run byArn = run("workload", "token", "--role", "arn:aws:iam::" + account + ":role/ci/builder",
                "--endpoint", endpoint().toString());
        assertThat(byArn.status()).as(byArn.err()).isZero();
        assertThat(callerArn(byArn.out())).startsWith("arn:aws:sts::" + account + ":assumed-role/builder/workload-");

        Run wrongPath = run("workload", "token", "--role", "arn:aws:iam::" + account + ":role/builder");
        assertThat(wrongPath.status()).isEqualTo(DataCommand.REFUSED);
        assertThat(wrongPath.err()).contains("has no role arn:aws:iam::" + account + ":role/builder");
    }

    @Test
    void anInstanceProfileIsBoundByName() {
        try (IamClient iam = IamClient.builder().endpointOverride(endpoint()).region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ROOT_KEY, ROOT_SECRET)))
                .build()) {
            iam.createInstanceProfile(r -> r.instanceProfileName("runners"));
            iam.addRoleToInstanceProfile(r -> r.instanceProfileName("runners").roleName("builder"));
        }
        Run issued = run("workload", "token", "--instance-profile", "runners", "--session-name", "i-42",
                "--endpoint", endpoint().toString());
        assertThat(issued.status()).as(issued.err()).isZero();
        assertThat(callerArn(issued.out())).endsWith(":assumed-role/builder/i-42");
    }

    @Test
    void refusalsAndUsageErrors() {
        Run noRole = run("workload", "token", "--role", "nobody");
        assertThat(noRole.status()).isEqualTo(DataCommand.REFUSED);
        assertThat(noRole.err()).contains("account " + ServerOptions.DEFAULT_ACCOUNT + " has no role nobody");
        assertThat(noRole.out()).isEmpty();

        Run otherAccount = run("workload", "token", "--role", "builder", "--account", "111122223333");
        assertThat(otherAccount.status()).isEqualTo(DataCommand.REFUSED);
        assertThat(otherAccount.err()).contains("there is no account 111122223333");

        Run badName = run("workload", "token", "--role", "builder", "--session-name", "no spaces");
        assertThat(badName.status()).isEqualTo(DataCommand.REFUSED);
        assertThat(badName.err()).contains("is not a role session name");

        assertThat(run("workload", "token", "--role", "builder", "--ttl", "10s").status())
                .isEqualTo(picocli.CommandLine.ExitCode.USAGE);
        assertThat(run("workload", "token", "--role", "builder", "--ttl", "soon").status())
                .isEqualTo(picocli.CommandLine.ExitCode.USAGE);
        assertThat(run("workload", "token", "--role", "builder", "--instance-profile", "runners").status())
                .isEqualTo(picocli.CommandLine.ExitCode.USAGE);
        assertThat(run("workload", "token").status()).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
    }
}
