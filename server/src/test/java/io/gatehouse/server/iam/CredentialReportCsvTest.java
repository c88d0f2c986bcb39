package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.state.MfaDevice;
import io.gatehouse.server.state.PasswordPolicy;
import io.gatehouse.server.state.SigningCertificate;
import io.gatehouse.server.state.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's text, exactly: AWS's header, the root user's row first, users in name order, each credential in its
 * columns with IAM's values ({@code true}/{@code false}, {@code N/A}, {@code no_information}, {@code not_supported},
 * times with {@code +00:00}), and RFC 4180 quoting where a name holds a comma.
 */
class CredentialReportCsvTest {

    private static final String ACCOUNT = "111122223333";
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00.123Z");
    private static final Instant T = Instant.parse("2026-02-03T04:05:06.789Z");
    private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
            + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
            + "cert_2_active,cert_2_last_rotated";
    /** The access key and certificate columns of someone who has neither. */
    private static final String NO_KEYS_OR_CERTIFICATES = "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    /** The columns after {@code user_creation_time} of a user without any credential. */
    private static final String NOTHING = "false,N/A,N/A,N/A,false," + NO_KEYS_OR_CERTIFICATES;

    private static User user(String name, String path, Instant passwordLastUsed) {
        return new User(name, "AIDA" + name.hashCode(), path, CREATED, null, List.of(), List.of(), List.of(),
                List.of(), passwordLastUsed);
    }

    private static AccountState account(PasswordPolicy policy) {
        return AccountState.of(new Account(ACCOUNT, CREATED, List.of(), policy));
    }

    @Test
    void anAccountWithoutUsersHasTheHeaderAndTheRootUsersRow() {
        assertThat(CredentialReportCsv.of(account(null), "aws")).isEqualTo(HEADER + "\n"
                + "<root_account>,arn:aws:iam::111122223333:root,2026-01-01T00:00:00+00:00,not_supported,"
                + "no_information,not_supported,not_supported,false," + NO_KEYS_OR_CERTIFICATES);
        assertThat(CredentialReportCsv.COLUMNS).hasSize(22);
        assertThat(String.join(",", CredentialReportCsv.COLUMNS)).isEqualTo(HEADER);
    }

    @Test
    void passwordsShowWhenSetUsedAndDueUnderTheAccountsMaximumAge() {
        PasswordPolicy ninetyDays = new PasswordPolicy(8, false, false, false, false, false, 90, null, false);
        AccountState account = account(ninetyDays)
                .withUser(user("used", "/", T.plusSeconds(60)))
                .withLoginProfile(LoginProfile.create("used", "hash", false, T))
                .withUser(user("unused", "/", null))
                .withLoginProfile(LoginProfile.create("unused", "hash", true, T))
                .withUser(user("former", "/", T))
                .withUser(user("none", "/team/", null));

        assertThat(rows(account, "aws")).containsExactly(
                "former,arn:aws:iam::111122223333:user/former,2026-01-01T00:00:00+00:00," + NOTHING,
                "none,arn:aws:iam::111122223333:user/team/none,2026-01-01T00:00:00+00:00," + NOTHING,
                "unused,arn:aws:iam::111122223333:user/unused,2026-01-01T00:00:00+00:00,true,no_information,"
                        + "2026-02-03T04:05:06+00:00,2026-05-04T04:05:06+00:00,false," + NO_KEYS_OR_CERTIFICATES,
                "used,arn:aws:iam::111122223333:user/used,2026-01-01T00:00:00+00:00,true,2026-02-03T04:06:06+00:00,"
                        + "2026-02-03T04:05:06+00:00,2026-05-04T04:05:06+00:00,false," + NO_KEYS_OR_CERTIFICATES);

        AccountState noMaximum = account.withAccount(account.account().withPasswordPolicy(null));
        assertThat(rows(noMaximum, "aws").get(3)).contains(",2026-02-03T04:05:06+00:00,N/A,false,");
    }

    @Test
    void keysAndCertificatesFillTheirSlotsOldestFirstWithTheirStatusAndLastUse() {
        AccessKey older = new AccessKey("AKIAOLDER0000000001", "keys", "s", true, T,
                new AccessKey.LastUsed(T.plusSeconds(3600), "sts", "eu-west-1"));
        AccessKey newer = new AccessKey("AKIANEWER0000000002", "keys", "s", false, T.plusSeconds(1), null);
        SigningCertificate first = new SigningCertificate("CERTONE", "keys", "pem", "d1", false, T.plusSeconds(2));
        SigningCertificate second = new SigningCertificate("CERTTWO", "keys", "pem", "d2", true, T.plusSeconds(3));
        AccountState account = account(null).withUser(user("keys", "/", null))
                .withAccessKey(newer).withAccessKey(older)
                .withMfaDevice(new MfaDevice("phone", "/", "SEED", T, List.of(), new MfaDevice.Assignment("keys", T),
                        MfaDevice.NO_STEP));
        account = account.withOthers(account.others().withSigningCertificate(second).withSigningCertificate(first));

        assertThat(rows(account, "aws")).containsExactly("keys,arn:aws:iam::111122223333:user/keys,"
                + "2026-01-01T00:00:00+00:00,false,N/A,N/A,N/A,true,"
                + "true,2026-02-03T04:05:06+00:00,2026-02-03T05:05:06+00:00,eu-west-1,sts,"
                + "false,2026-02-03T04:05:07+00:00,N/A,N/A,N/A,"
                + "false,2026-02-03T04:05:08+00:00,true,2026-02-03T04:05:09+00:00");
    }

    @Test
    void theRootUsersRowShowsItsOwnKeysDeviceAndCertificates() {
        AccountState account = account(null)
                .withAccessKey(new AccessKey("AKIAROOT00000000001", null, "s", true, T,
                        new AccessKey.LastUsed(T, "iam", "us-east-1")))
                .withMfaDevice(new MfaDevice("root", "/", "SEED", T, List.of(), new MfaDevice.Assignment(null, T),
                        MfaDevice.NO_STEP))
                .withUser(user("plain", "/", null));
        account = account.withOthers(account.others().withSigningCertificate(
                new SigningCertificate("ROOTCERT", null, "pem", "d", true, T)));

        String root = CredentialReportCsv.of(account, "aws").lines().toList().get(1);
        assertThat(root).isEqualTo("<root_account>,arn:aws:iam::111122223333:root,2026-01-01T00:00:00+00:00,"
                + "not_supported,no_information,not_supported,not_supported,true,"
                + "true,2026-02-03T04:05:06+00:00,2026-02-03T04:05:06+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,"
                + "true,2026-02-03T04:05:06+00:00,false,N/A");
        assertThat(rows(account, "aws")).containsExactly(
                "plain,arn:aws:iam::111122223333:user/plain,2026-01-01T00:00:00+00:00," + NOTHING);
    }

    @Test
    void arnsAreInThePartitionAskedForAndFieldsWithCommasOrQuotesAreQuoted() {
        AccountState account = account(null).withUser(user("a,b", "/x\"y/", null));
        String report = CredentialReportCsv.of(account, "aws-cn");

        assertThat(report).doesNotEndWith("\n");
        assertThat(report.lines().toList().get(1)).startsWith("<root_account>,arn:aws-cn:iam::111122223333:root,");
        assertThat(rows(account, "aws-cn")).containsExactly("\"a,b\",\"arn:aws-cn:iam::111122223333:user/x\"\"y/a,b\","
                + "2026-01-01T00:00:00+00:00," + NOTHING);
    }

    /** The users' rows: the lines after the header and the root user's row. */
    private static List<String> rows(AccountState account, String partition) {
        List<String> lines = CredentialReportCsv.of(account, partition).lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines.get(1)).startsWith("<root_account>,");
        return lines.subList(2, lines.size());
    }
}
