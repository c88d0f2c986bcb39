package io.gatehouse.server;

import io.gatehouse.server.state.AccessKey;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.GatehouseState;
import io.gatehouse.server.state.Ids;
import io.gatehouse.server.state.StateWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Creates accounts with their root user's access key: the default account at the first start of a data directory,
 * and more with {@code gatehouse accounts create}. The default account's root credentials are written, once, to
 * {@code DATA_DIR/root-credentials} (mode 0600) in the aws CLI's shared-credentials format;
 * {@code GATEHOUSE_ROOT_ACCESS_KEY_ID} and {@code GATEHOUSE_ROOT_SECRET_ACCESS_KEY} choose its key instead of
 * generating one.
 */
public final class Bootstrap {

    /** The file the first start writes the root credentials to. */
    public static final String CREDENTIALS_FILE = "root-credentials";
    public static final String KEY_ID_VARIABLE = "GATEHOUSE_ROOT_ACCESS_KEY_ID";
    public static final String SECRET_VARIABLE = "GATEHOUSE_ROOT_SECRET_ACCESS_KEY";

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    /** The root credentials of a new account. */
    public record RootCredentials(String accountId, String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "RootCredentials[" + accountId + ", " + accessKeyId + "]";
        }
    }

    private Bootstrap() {}

    /** Whether a text is an AWS account id: 12 digits. */
    public static boolean isAccountId(String text) {
        return ACCOUNT_ID.matcher(text).matches();
    }

    /** A random account id no account of the state has. */
    public static String unusedAccountId(GatehouseState state, Ids ids) {
        String id = ids.accountId();
        while (state.account(id) != null) {
            id = ids.accountId();
        }
        return id;
    }

    /**
     * Creates an account and its root access key.
     *
     * @param accessKeyId     the key id to use, or {@code null} to generate one
     * @param secretAccessKey the secret to use with it, or {@code null}
     * @throws IllegalArgumentException when the account id is not 12 digits, or the account exists
     */
    public static RootCredentials createAccount(StateWriter state, Ids ids, Clock clock, String accountId,
                                                String accessKeyId, String secretAccessKey) {
        return createAccount(state, ids, clock, accountId, accessKeyId, secretAccessKey, null);
    }

    /**
     * Creates an account and its root access key, and gives its root user a console sign-in.
     *
     * @param rootLogin the root user's email address and password hash ({@link RootPasswords#login}), or {@code null}
     * @throws IllegalArgumentException also when another account's root user has the email address
     */
    public static RootCredentials createAccount(StateWriter state, Ids ids, Clock clock, String accountId,
                                                String accessKeyId, String secretAccessKey, Account.RootLogin rootLogin) {
        if (!isAccountId(accountId)) {
            throw new IllegalArgumentException("account id '" + accountId + "' is not 12 digits");
        }
        String keyId = accessKeyId != null ? accessKeyId : ids.accessKeyId();
        String secret = secretAccessKey != null ? secretAccessKey : ids.secretAccessKey();
        state.apply(mutation -> {
            if (mutation.account(accountId) != null) {
                throw new IllegalArgumentException("account " + accountId + " exists already");
            }
            if (mutation.state().accessKey(keyId) != null || mutation.state().retiredKeys().contains(keyId)) {
                throw new IllegalArgumentException("access key " + keyId + " is taken");
            }
            if (rootLogin != null) {
                RootPasswords.checkUnused(mutation.state().accountOfRootEmail(rootLogin.email()), accountId,
                        rootLogin.email());
            }
            mutation.putAccount(AccountState.of(new Account(accountId, clock.instant(), List.of(), null, rootLogin)));
            mutation.putAccessKey(accountId, new AccessKey(keyId, null, secret, true, clock.instant(), null));
            return null;
        });
        return new RootCredentials(accountId, keyId, secret);
    }

    /** The default account's root key from the environment, if both variables are set. */
    static String[] keyFromEnvironment(Map<String, String> environment) {
        String id = environment.get(KEY_ID_VARIABLE);
        String secret = environment.get(SECRET_VARIABLE);
        if (id == null && secret == null) {
            return null;
        }
        if (id == null || secret == null || id.isBlank() || secret.isBlank()) {
            throw new IllegalStateException("set both " + KEY_ID_VARIABLE + " and " + SECRET_VARIABLE + ", or neither");
        }
        return new String[] {id, secret};
    }

    /** Writes the root credentials in the aws CLI's shared-credentials format, readable by the owner only. */
    static void writeCredentialsFile(Path dataDirectory, RootCredentials credentials) {
        Path file = dataDirectory.resolve(CREDENTIALS_FILE);
        String text = "[default]\naws_access_key_id = " + credentials.accessKeyId()
                + "\naws_secret_access_key = " + credentials.secretAccessKey() + "\n";
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException noPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
