package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.allow;
import static io.gatehouse.server.it.IamFixtures.assertAwsError;
import static io.gatehouse.server.it.IamFixtures.assertDenied;
import static io.gatehouse.server.it.IamFixtures.awaitUse;
import static io.gatehouse.server.it.IamFixtures.grant;
import static io.gatehouse.server.it.IamFixtures.userWithKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.state.CredentialReport;
import io.gatehouse.server.store.AuditQuery;
import io.gatehouse.server.store.AuditRow;
import io.gatehouse.server.store.Backend;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * GenerateCredentialReport and GetCredentialReport through the SDK: the report read as CSV and checked column by column
 * for the root user and for users with nothing, a password under a rotating policy, MFA, two keys (one used) and two
 * signing certificates; the four hours a report serves, its expiry, a generation in progress, the errors before any
 * report, persistence across a restart, and AccessDenied. Each test works in an account of its own, so each report
 * holds exactly its users.
 */
class CredentialReportTest {

    private static final KeyPair KEYS = CredentialFixtures.rsa(2048);
    private static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active",
            "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
            "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
            "cert_2_last_rotated");
    /** How AWS writes the report's times. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final SharedServers servers = new SharedServers();

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theReportDescribesEachUsersCredentialsColumnByColumn(Backend backend) throws Exception {
        TestServer server = servers.get(backend);
        TestAccount account = TestAccount.create(server);
        IamClient iam = account.iam(server);
        iam.updateAccountPasswordPolicy(r -> r.maxPasswordAge(30));

        iam.createUser(r -> r.userName("nothing"));
        iam.createUser(r -> r.userName("password"));
        iam.createLoginProfile(r -> r.userName("password").password("Report-pass1"));
        Instant passwordSet = iam.getLoginProfile(r -> r.userName("password")).loginProfile().createDate();

        iam.createUser(r -> r.userName("mfa"));
        TotpCodes.enableNew(iam, "mfa", "mfa-phone");
        TotpCodes.enableNew(iam, account.id(), "root-phone");

        AwsCredentials first = userWithKey(iam, "keys");
        AccessKey second = iam.createAccessKey(r -> r.userName("keys")).accessKey();
        iam.updateAccessKey(r -> r.userName("keys").accessKeyId(second.accessKeyId()).status(StatusType.INACTIVE));
        Map<String, Instant> keysCreated = new LinkedHashMap<>();
        iam.listAccessKeys(r -> r.userName("keys")).accessKeyMetadata()
                .forEach(key -> keysCreated.put(key.accessKeyId(), key.createDate()));
        server.sts(first).getCallerIdentity();
        Instant firstUsed = awaitUse(iam, first.accessKeyId()).accessKeyLastUsed().lastUsedDate();
        assertThat(firstUsed).as("the use of key 1 is recorded").isNotNull();

        iam.createUser(r -> r.userName("certs"));
        SigningCertificate cert1 = upload(iam, "certs", "one");
        SigningCertificate cert2 = upload(iam, "certs", "two");
        iam.updateSigningCertificate(r -> r.userName("certs").certificateId(cert1.certificateId())
                .status(StatusType.INACTIVE));

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        GenerateCredentialReportResponse generated = iam.generateCredentialReport();
        assertThat(generated.state()).isEqualTo(ReportStateType.STARTED);
        assertThat(generated.description()).isEqualTo("No report exists. Starting a new report generation task");
        GetCredentialReportResponse got = iam.getCredentialReport();
        assertThat(got.reportFormat()).isEqualTo(ReportFormatType.TEXT_CSV);
        assertThat(got.generatedTime()).isBetween(before, Instant.now());

        List<List<String>> lines = Csv.parse(got.content().asUtf8String());
        assertThat(lines.getFirst()).containsExactlyElementsOf(COLUMNS);
        Map<String, Map<String, String>> rows = rowsByUser(lines);
        assertThat(rows.keySet()).containsExactly("<root_account>", "certs", "keys", "mfa", "nothing", "password");

        Map<String, String> root = rows.get("<root_account>");
        assertThat(root).containsEntry("arn", account.arn("root"))
                .containsEntry("user_creation_time", time(account.created(server)))
                .containsEntry("password_enabled", "not_supported").containsEntry("password_last_used", "no_information")
                .containsEntry("password_last_changed", "not_supported")
                .containsEntry("password_next_rotation", "not_supported").containsEntry("mfa_active", "true")
                .containsEntry("access_key_1_active", "true")
                // The region of the credential scope the SDK signed with, as GetAccessKeyLastUsed reports it.
                .containsEntry("access_key_1_last_used_region", awaitUse(iam, account.root().accessKeyId())
                        .accessKeyLastUsed().region())
                .containsEntry("access_key_1_last_used_service", "iam");
        Instant created = account.created(server).truncatedTo(ChronoUnit.SECONDS);
        assertThat(instant(root.get("access_key_1_last_rotated"))).isBetween(created, before);
        assertThat(instant(root.get("access_key_1_last_used_date"))).isBetween(created, Instant.now());
        assertNone(root, "access_key_2", "cert_1", "cert_2");

        Map<String, String> nothing = rows.get("nothing");
        assertThat(nothing).containsEntry("arn", account.arn("user/nothing"))
                .containsEntry("password_enabled", "false").containsEntry("password_last_used", "N/A")
                .containsEntry("password_last_changed", "N/A").containsEntry("password_next_rotation", "N/A")
                .containsEntry("mfa_active", "false");
        assertThat(instant(nothing.get("user_creation_time"))).isBetween(created, before);
        assertNone(nothing, "access_key_1", "access_key_2", "cert_1", "cert_2");

        assertThat(rows.get("password")).containsEntry("password_enabled", "true")
                .containsEntry("password_last_used", "no_information")
                .containsEntry("password_last_changed", time(passwordSet))
                .containsEntry("password_next_rotation", time(passwordSet.plus(Duration.ofDays(30))))
                .containsEntry("mfa_active", "false");

        assertThat(rows.get("mfa")).containsEntry("mfa_active", "true").containsEntry("password_enabled", "false");
        assertNone(rows.get("mfa"), "access_key_1", "access_key_2", "cert_1", "cert_2");

        Map<String, String> keys = rows.get("keys");
        assertThat(keys).containsEntry("access_key_1_active", "true")
                .containsEntry("access_key_1_last_rotated", time(keysCreated.get(first.accessKeyId())))
                .containsEntry("access_key_1_last_used_date", time(firstUsed))
                .containsEntry("access_key_1_last_used_region", "us-east-1")
                .containsEntry("access_key_1_last_used_service", "sts")
                .containsEntry("access_key_2_active", "false")
                .containsEntry("access_key_2_last_rotated", time(keysCreated.get(second.accessKeyId())))
                .containsEntry("access_key_2_last_used_date", "N/A")
                .containsEntry("access_key_2_last_used_region", "N/A")
                .containsEntry("access_key_2_last_used_service", "N/A");

        assertThat(rows.get("certs")).containsEntry("cert_1_active", "false")
                .containsEntry("cert_1_last_rotated", time(cert1.uploadDate()))
                .containsEntry("cert_2_active", "true")
                .containsEntry("cert_2_last_rotated", time(cert2.uploadDate()));
        assertNone(rows.get("certs"), "access_key_1", "access_key_2");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aReportServesFourHoursThenExpiresAndANewOneIsGenerated(Backend backend) {
        TestServer server = servers.get(backend);
        TestAccount account = TestAccount.create(server);
        IamClient iam = account.iam(server);
        iam.createUser(r -> r.userName("early"));

        assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
        GetCredentialReportResponse report = iam.getCredentialReport();
        iam.createUser(r -> r.userName("late"));

        GenerateCredentialReportResponse again = iam.generateCredentialReport();
        assertThat(again.state()).as("a report younger than four hours is kept").isEqualTo(ReportStateType.COMPLETE);
        assertThat(again.description()).isNull();
        GetCredentialReportResponse same = iam.getCredentialReport();
        assertThat(same.generatedTime()).isEqualTo(report.generatedTime());
        assertThat(same.content()).isEqualTo(report.content());
        assertThat(rowsByUser(Csv.parse(same.content().asUtf8String()))).containsKey("early").doesNotContainKey("late");

        server.restart();
        IamClient restarted = account.iam(server);
        assertThat(restarted.getCredentialReport().generatedTime()).as("kept across a restart")
                .isEqualTo(report.generatedTime());

        // Four hours pass: the stored report is made as old as that, rather than the test waiting.
        Instant fourHoursAgo = report.generatedTime().minus(CredentialReport.LIFETIME);
        store(server, account, new CredentialReport(fourHoursAgo, fourHoursAgo, report.content().asUtf8String()));
        assertAwsError(restarted::getCredentialReport, "ReportExpired", 410, "The most recent credential report has expired. "
                + "To generate a new credential report, use GenerateCredentialReport.");
        GenerateCredentialReportResponse renewed = restarted.generateCredentialReport();
        assertThat(renewed.state()).isEqualTo(ReportStateType.STARTED);
        assertThat(renewed.description()).as("a report existed").isNull();
        GetCredentialReportResponse fresh = restarted.getCredentialReport();
        assertThat(fresh.generatedTime()).isAfter(fourHoursAgo);
        assertThat(rowsByUser(Csv.parse(fresh.content().asUtf8String()))).containsKeys("early", "late");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void beforeAnyReportGetSaysNoneIsPresentAndWhileOneIsGeneratedBothSaySo(Backend backend) {
        TestServer server = servers.get(backend);
        TestAccount account = TestAccount.create(server);
        IamClient iam = account.iam(server);
        assertAwsError(iam::getCredentialReport, "ReportNotPresent", 410,
                "The credential report does not exist. To generate a credential report, use GenerateCredentialReport.");

        // A generation under way, as another server on the same database would have recorded it.
        store(server, account, CredentialReport.startedAt(Instant.now()));
        GenerateCredentialReportResponse generating = iam.generateCredentialReport();
        assertThat(generating.state()).isEqualTo(ReportStateType.INPROGRESS);
        assertThat(generating.description()).isNull();
        assertAwsError(iam::getCredentialReport, "ReportInProgress", 404,
                "The credential report is still being generated.");

        // One abandoned past its timeout (its server stopped) is replaced.
        store(server, account,
                CredentialReport.startedAt(Instant.now().minus(CredentialReport.GENERATION_TIMEOUT).minusSeconds(1)));
        assertAwsError(iam::getCredentialReport, "ReportNotPresent", 410,
                "The credential report does not exist. To generate a credential report, use GenerateCredentialReport.");
        assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
        assertThat(iam.getCredentialReport().content().asUtf8String()).startsWith(String.join(",", COLUMNS) + "\n");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aUserNeedsPermissionToGenerateAndToGetTheReportAndEachCallIsAudited(Backend backend)
            throws InterruptedException {
        TestServer server = servers.get(backend);
        TestAccount account = TestAccount.create(server);
        IamClient root = account.iam(server);
        AwsCredentials auditor = userWithKey(root, "auditor");
        String arn = account.arn("user/auditor");
        IamClient iam = server.iam(auditor);

        assertDenied(iam::generateCredentialReport, arn, "iam:GenerateCredentialReport", "*");
        assertDenied(iam::getCredentialReport, arn, "iam:GetCredentialReport", "*");
        assertAwsError(root::getCredentialReport, "ReportNotPresent", 410,
                "The credential report does not exist. To generate a credential report, use GenerateCredentialReport.");

        grant(root, "auditor", allow("iam:GenerateCredentialReport"));
        assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
        assertDenied(iam::getCredentialReport, arn, "iam:GetCredentialReport", "*");
        grant(root, "auditor", allow("iam:GetCredentialReport"));
        assertThat(rowsByUser(Csv.parse(iam.getCredentialReport().content().asUtf8String()))).containsKey("auditor");

        // Each call is audited, allowed, refused or denied; both actions read, so no event holds the report. Events
        // of reads are written behind the response: wait for the last.
        Map<String, Integer> outcomes = Map.of();
        for (Instant deadline = Instant.now().plusSeconds(10); Instant.now().isBefore(deadline); Thread.sleep(20)) {
            outcomes = reportEvents(server, account);
            if (outcomes.equals(Map.of("AccessDenied", 3, "ReportNotPresent", 1, "none", 2))) {
                break;
            }
        }
        assertThat(outcomes).isEqualTo(Map.of("AccessDenied", 3, "ReportNotPresent", 1, "none", 2));
    }

    /** The account's audit events of the two report actions, counted by error code ({@code none} for success). */
    private static Map<String, Integer> reportEvents(TestServer server, TestAccount account) {
        Map<String, Integer> outcomes = new HashMap<>();
        for (AuditRow row : server.server().store().audit(AuditQuery.between(account.created(server),
                Instant.now().plusSeconds(60)).forAccount(account.id()))) {
            String body = row.event().body();
            if (body.contains("CredentialReport\"")) {
                assertThat(body).contains("\"responseElements\":null").doesNotContain("user_creation_time");
                Matcher error = Pattern.compile("\"errorCode\":\"(\\w+)\"").matcher(body);
                outcomes.merge(error.find() ? error.group(1) : "none", 1, Integer::sum);
            }
        }
        return outcomes;
    }

    /** Stores the account's report (or generation under way) as a server would, straight into the store. */
    private static void store(TestServer server, TestAccount account, CredentialReport report) {
        server.server().state().apply(m -> {
            m.putCredentialReport(account.id(), report);
            return null;
        });
    }

    private static SigningCertificate upload(IamClient iam, String userName, String commonName) {
        return iam.uploadSigningCertificate(r -> r.userName(userName)
                .certificateBody(CredentialFixtures.pem(CredentialFixtures.selfSigned(KEYS, commonName))))
                .certificate();
    }

    /** The columns of a credential that is not there: {@code false} and {@code N/A} in every other column. */
    private static void assertNone(Map<String, String> row, String... credentials) {
        for (String credential : credentials) {
            row.forEach((column, value) -> {
                if (column.startsWith(credential + "_")) {
                    assertThat(value).as(column).isEqualTo(column.endsWith("_active") ? "false" : "N/A");
                }
            });
        }
    }

    /** Each row after the header as column name to value, by user, in the report's order. */
    private static Map<String, Map<String, String>> rowsByUser(List<List<String>> lines) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> header = lines.getFirst();
        for (List<String> line : lines.subList(1, lines.size())) {
            assertThat(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            rows.put(row.get("user"), row);
        }
        return rows;
    }

    private static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant instant(String reportTime) {
        assertThat(reportTime).endsWith("+00:00");
        return OffsetDateTime.parse(reportTime).toInstant();
    }

    /** A reader of RFC 4180 CSV: fields separated by commas, quoted fields with doubled quotes, CRLF or LF lines. */
    static final class Csv {

        private Csv() {}

        static List<List<String>> parse(String text) {
            List<List<String>> lines = new ArrayList<>();
            List<String> line = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    line.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line.add(field.toString());
                    field.setLength(0);
                    lines.add(line);
                    line = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (!field.isEmpty() || !line.isEmpty()) {
                line.add(field.toString());
                lines.add(line);
            }
            return lines;
        }
    }
}
