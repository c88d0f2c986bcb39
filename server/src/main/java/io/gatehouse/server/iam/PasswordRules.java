package io.gatehouse.server.iam;

import io.gatehouse.server.crypto.PasswordHasher;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.state.LoginProfile;
import io.gatehouse.server.state.PasswordPolicy;
import java.util.List;

/**
 * Whether a new password meets the account's password policy, or AWS's default password policy when the account
 * has none. Reuse of earlier passwords is checked against their hashes by the operations, not here.
 *
 * <p>The custom policy's character classes are the IAM API reference's: uppercase and lowercase letters of the ISO
 * basic Latin alphabet, digits 0 to 9, and the symbols {@code ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '}. The default
 * policy (IAM User Guide, "Custom password policy options") asks for at least 8 characters and at least three of
 * uppercase letters, lowercase letters, digits and the symbols {@code ! @ # $ % ^ & * ( ) < > [ ] { } | _ + - =}.
 * Its last rule, that a password not be the account's name or email address, has nothing to check here: Gatehouse
 * accounts have neither.
 */
public final class PasswordRules {

    /** The symbols RequireSymbols asks for. */
    static final String POLICY_SYMBOLS = "!@#$%^&*()_+-=[]{}|'";
    /** The symbols AWS's default password policy counts. */
    static final String DEFAULT_SYMBOLS = "!@#$%^&*()<>[]{}|_+-=";
    /** The longest password IAM takes (the model's limit on passwords). */
    public static final int MAX_LENGTH = 128;
    /** The default policy's minimum length. */
    static final int DEFAULT_MINIMUM_LENGTH = 8;
    /** Of how many character classes the default policy asks for (of four). */
    static final int DEFAULT_CLASSES = 3;

    private PasswordRules() {}

    /** Whether a password meets the policy ({@code null}: AWS's default one). */
    public static boolean meets(String password, PasswordPolicy policy) {
        return policy == null ? meetsDefault(password) : meetsCustom(password, policy);
    }

    /** Refuses a password that does not meet the policy with IAM's PasswordPolicyViolation. */
    public static void check(String password, PasswordPolicy policy) {
        if (!meets(password, policy)) {
            throw AwsError.PASSWORD_POLICY_VIOLATION.exception();
        }
    }

    /**
     * The hash of a user's new password, which must meet the account's policy and be none of the user's last
     * passwords the policy prevents reusing (each checked against its hash: about 100 ms apiece, so call it outside
     * the state writer).
     *
     * @throws io.gatehouse.server.error.AwsException {@code PasswordPolicyViolation} otherwise
     */
    public static String newPasswordHash(PasswordHasher passwords, PasswordPolicy policy, LoginProfile profile,
                                         String password) {
        check(password, policy);
        List<String> recent = profile.reuseCandidates(policy == null ? 0 : policy.remembered());
        for (String earlier : recent) {
            if (passwords.verify(password, earlier).matches()) {
                throw AwsError.PASSWORD_POLICY_VIOLATION.exception();
            }
        }
        return passwords.hash(password);
    }

    private static boolean meetsCustom(String password, PasswordPolicy policy) {
        return password.length() >= policy.minimumPasswordLength()
                && (!policy.requireSymbols() || hasAny(password, POLICY_SYMBOLS))
                && (!policy.requireNumbers() || has(password, '0', '9'))
                && (!policy.requireUppercaseCharacters() || has(password, 'A', 'Z'))
                && (!policy.requireLowercaseCharacters() || has(password, 'a', 'z'));
    }

    private static boolean meetsDefault(String password) {
        int classes = (has(password, 'A', 'Z') ? 1 : 0) + (has(password, 'a', 'z') ? 1 : 0)
                + (has(password, '0', '9') ? 1 : 0) + (hasAny(password, DEFAULT_SYMBOLS) ? 1 : 0);
        return password.length() >= DEFAULT_MINIMUM_LENGTH && classes >= DEFAULT_CLASSES;
    }

    private static boolean has(String password, char first, char last) {
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= first && c <= last) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAny(String password, String symbols) {
        for (int i = 0; i < password.length(); i++) {
            if (symbols.indexOf(password.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
