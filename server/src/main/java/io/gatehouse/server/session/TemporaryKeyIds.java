package io.gatehouse.server.session;

import java.security.SecureRandom;

/**
 * Temporary access key ids in AWS's form: {@code ASIA} and 16 characters of AWS's base32 alphabet (upper-case letters
 * and 2-7). The first 8 characters encode the account id (40 bits; every 12-digit account id fits), so that
 * GetAccessKeyInfo can name the account of a temporary key without its token, as AWS's key ids encode theirs; the last
 * 8 are 40 random bits. Ids are not recorded, so two sessions of one account may share one (about n²/2⁴¹ after n
 * sessions); that only makes them look alike in the audit trail, since each token carries its own secret.
 */
public final class TemporaryKeyIds {

    /** The prefix of temporary access key ids. */
    public static final String PREFIX = "ASIA";

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int ACCOUNT_CHARACTERS = 8;
    private static final int RANDOM_CHARACTERS = 8;
    private static final int LENGTH = PREFIX.length() + ACCOUNT_CHARACTERS + RANDOM_CHARACTERS;

    private final SecureRandom random;

    public TemporaryKeyIds(SecureRandom random) {
        this.random = random;
    }

    /** A new temporary access key id of the account. */
    public String next(String accountId) {
        char[] out = new char[LENGTH];
        PREFIX.getChars(0, PREFIX.length(), out, 0);
        encode(Long.parseLong(accountId), out, PREFIX.length(), ACCOUNT_CHARACTERS);
        encode(random.nextLong() >>> (Long.SIZE - RANDOM_CHARACTERS * 5), out, PREFIX.length() + ACCOUNT_CHARACTERS,
                RANDOM_CHARACTERS);
        return new String(out);
    }

    /** The 12-digit account id a temporary access key id encodes, or {@code null} when it is not such an id. */
    public static String accountOf(String accessKeyId) {
        if (accessKeyId.length() != LENGTH || !accessKeyId.startsWith(PREFIX)) {
            return null;
        }
        long account = 0;
        for (int i = 0; i < ACCOUNT_CHARACTERS + RANDOM_CHARACTERS; i++) {
            int value = valueOf(accessKeyId.charAt(PREFIX.length() + i));
            if (value < 0) {
                return null;
            }
            if (i < ACCOUNT_CHARACTERS) {
                account = account << 5 | value;
            }
        }
        return account > 999_999_999_999L ? null : String.format("%012d", account);
    }

    /** Writes the low {@code characters * 5} bits of {@code value}, most significant first. */
    private static void encode(long value, char[] out, int offset, int characters) {
        for (int i = characters - 1; i >= 0; i--) {
            out[offset + i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        return c >= '2' && c <= '7' ? c - '2' + 26 : -1;
    }
}
