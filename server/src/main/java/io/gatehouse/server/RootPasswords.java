package io.gatehouse.server;

import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.iam.PasswordRules;
import io.gatehouse.server.state.Account;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.StateWriter;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The root user's console sign-in: an email address and a password, which administrators set (with
 * {@code gatehouse accounts create --root-email} or {@code gatehouse accounts set-root-password}, or for the default
 * account at the first start from {@value #EMAIL_VARIABLE} and {@value #PASSWORD_VARIABLE}). Without them the root
 * user signs in with access keys only.
 *
 * <p>The rules are AWS's for a root password (IAM User Guide, "Change the password for the root user"): 8 to 128
 * characters, at least three of uppercase letters, lowercase letters, digits and symbols, and not the email address.
 * The address is 6 to 64 characters with one {@code @} (AWS Organizations' limits on an account's email), and no two
 * accounts share one, since the address alone names the account at sign-in.
 */
public final class RootPasswords {

    public static final String EMAIL_VARIABLE = "GATEHOUSE_ROOT_EMAIL";
    public static final String PASSWORD_VARIABLE = "GATEHOUSE_ROOT_PASSWORD";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private RootPasswords() {}

    /**
     * A root sign-in for an email address and password, the password hashed (slow: not on the state writer).
     *
     * @throws IllegalArgumentException when the address or the password breaks the rules (the message never shows
     *                                  the password)
     */
    public static Account.RootLogin login(PasswordHasher hasher, String email, String password) {
        String address = email == null ? "" : email.trim();
        if (address.length() < 6 || address.length() > 64 || !EMAIL.matcher(address).matches()) {
            throw new IllegalArgumentException("the root email address must be 6 to 64 characters with one @");
        }
        if (password == null || password.length() > PasswordRules.MAX_LENGTH || !PasswordRules.meets(password, null)
                || password.equalsIgnoreCase(address)) {
            throw new IllegalArgumentException("the root password must be 8 to 128 characters with at least three of "
                    + "uppercase letters, lowercase letters, digits and symbols, and not the email address");
        }
        return new Account.RootLogin(address, hasher.hash(password));
    }

    /**
     * The default account's root sign-in from the environment, or {@code null} when neither variable is set.
     *
     * @throws IllegalStateException when only one is set
     */
    static Account.RootLogin fromEnvironment(Map<String, String> environment, PasswordHasher hasher) {
        String email = environment.get(EMAIL_VARIABLE);
        String password = environment.get(PASSWORD_VARIABLE);
        if (email == null && password == null) {
            return null;
        }
        if (email == null || password == null) {
            throw new IllegalStateException("set both " + EMAIL_VARIABLE + " and " + PASSWORD_VARIABLE + ", or neither");
        }
        return login(hasher, email, password);
    }

    /**
     * Gives an account's root user a sign-in, replacing the one it had.
     *
     * @throws IllegalArgumentException when there is no such account, or another account's root user has the address
     */
    public static void set(StateWriter state, String accountId, Account.RootLogin login) {
        state.apply(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account == null) {
                throw new IllegalArgumentException("there is no account " + accountId);
            }
            checkUnused(mutation.state().accountOfRootEmail(login.email()), accountId, login.email());
            mutation.putAccount(account.withAccount(account.account().withRootLogin(login)));
            return null;
        });
    }

    /** Refuses an address another account's root user signs in with. */
    static void checkUnused(AccountState holder, String accountId, String email) {
        if (holder != null && !holder.accountId().equals(accountId)) {
            throw new IllegalArgumentException("the root user of another account signs in with " + email);
        }
    }
}
