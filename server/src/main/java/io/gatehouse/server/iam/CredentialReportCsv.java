package io.gatehouse.server.iam;

import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.state.SigningCertificate;
import io.gatehouse.server.state.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's credential report as IAM writes it: a header of AWS's 22 columns, then the root user's row
 * ({@code <root_account>}), then one row per IAM user in name order. The values follow the IAM User Guide ("Getting
 * credential reports for your AWS account") and the reports AWS produces: {@code true}/{@code false} in lower case,
 * times in ISO 8601 with seconds and {@code +00:00}, {@code N/A} where a credential is missing or a key was never
 * used, {@code no_information} for a password never used, {@code not_supported} for the root user's password
 * columns. Rows are separated by a line feed with none after the last; a field holding a comma, a quote or a line
 * break is quoted as RFC 4180 says (user names may hold commas).
 */
final class CredentialReportCsv {

    static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active",
            "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
            "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
            "cert_2_last_rotated");

    static final String ROOT_USER = "<root_account>";
    static final String NOT_APPLICABLE = "N/A";
    static final String NO_INFORMATION = "no_information";
    static final String NOT_SUPPORTED = "not_supported";

    /** {@code 2026-01-02T03:04:05+00:00}: AWS's reports give the offset, not {@code Z}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    /** A user's credentials of each kind in the report: access keys 1 and 2, certificates 1 and 2. */
    private static final int SLOTS = 2;

    private CredentialReportCsv() {}

    /** The report of the account, its ARNs in the partition given. */
    static String of(AccountState account, String partition) {
        StringBuilder out = new StringBuilder(256 * (account.users().size() + 2));
        line(out, COLUMNS);
        String accountId = account.accountId();
        out.append('\n');
        line(out, row(ROOT_USER, Arns.render(Arns.root(accountId), partition), account.account().created(),
                List.of(NOT_SUPPORTED, rootPasswordLastUsed(account), NOT_SUPPORTED, NOT_SUPPORTED), account,
                AccountState.ROOT_KEYS));
        for (User user : account.users().values()) {
            out.append('\n');
            line(out, row(user.name(), Arns.render(Arns.user(accountId, user.path(), user.name()), partition),
                    user.created(), password(user, account), account, AccountState.ownerKey(user.name())));
        }
        return out.toString();
    }

    /** When the root user last signed in with its password, or {@code no_information}. */
    private static String rootPasswordLastUsed(AccountState account) {
        Account.RootLogin login = account.account().rootLogin();
        return login == null || login.lastUsed() == null ? NO_INFORMATION : time(login.lastUsed());
    }

    /**
     * A user's four password columns. {@code password_last_used} is {@code N/A} without a password even when the
     * user signed in with an earlier one (the guide: "when the user does not have a password"), and
     * {@code password_next_rotation} is {@code N/A} unless the account's policy sets a maximum age.
     */
    private static List<String> password(User user, AccountState account) {
        LoginProfile profile = account.loginProfile(user.name());
        if (profile == null) {
            return List.of("false", NOT_APPLICABLE, NOT_APPLICABLE, NOT_APPLICABLE);
        }
        Instant expires = profile.passwordExpires(account.account().passwordPolicy());
        return List.of("true", user.passwordLastUsed() == null ? NO_INFORMATION : time(user.passwordLastUsed()),
                time(profile.passwordLastChanged()), expires == null ? NOT_APPLICABLE : time(expires));
    }

    private static List<String> row(String name, String arn, Instant created, List<String> password,
                                     AccountState account, String owner) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(name);
        row.add(arn);
        row.add(time(created));
        row.addAll(password);
        row.add(Boolean.toString(!account.mfaDevices().of(owner).isEmpty()));
        // Oldest first, so key 1 is the older of two, as certificate 1 is.
        List<AccessKey> keys = account.accessKeysOf(owner);
        for (int slot = 0; slot < SLOTS; slot++) {
            accessKey(row, slot < keys.size() ? keys.get(slot) : null);
        }
        List<SigningCertificate> certificates = account.others().signingCertificatesOf(owner);
        for (int slot = 0; slot < SLOTS; slot++) {
            SigningCertificate certificate = slot < certificates.size() ? certificates.get(slot) : null;
            row.add(Boolean.toString(certificate != null && certificate.active()));
            row.add(certificate == null ? NOT_APPLICABLE : time(certificate.uploaded()));
        }
        return row;
    }

    /**
     * A key's five columns. An inactive key still shows when it was created and last used: the report describes every
     * key a user holds (its {@code _active} column tells the status).
     */
    private static void accessKey(List<String> row, AccessKey key) {
        AccessKey.LastUsed use = key == null ? null : key.lastUsed();
        row.add(Boolean.toString(key != null && key.active()));
        row.add(key == null ? NOT_APPLICABLE : time(key.created()));
        row.add(use == null ? NOT_APPLICABLE : time(use.date()));
        row.add(use == null || use.region() == null ? NOT_APPLICABLE : use.region());
        row.add(use == null || use.service() == null ? NOT_APPLICABLE : use.service());
    }

    private static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, fields.get(i));
        }
    }

    /** A field, quoted (its quotes doubled) only when it holds a comma, a quote or a line break. */
    private static void field(StringBuilder out, String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            out.append(value);
            return;
        }
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
