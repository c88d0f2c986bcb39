package io.gatehouse.server.state;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Identifiers in AWS's formats, from {@link SecureRandom}: unique ids ({@code AIDA} users, {@code AGPA} groups,
 * {@code AROA} roles, {@code ANPA} policies, {@code AIPA} instance profiles: prefix and 17 characters), access key
 * ids ({@code AKIA} and 16 characters), secret access keys (40 characters of base64), account ids (12 digits) and
 * virtual MFA seeds, and the ids and secrets of SSH public keys, signing and server certificates and
 * service-specific credentials.
 */
public final class Ids {

    /** Upper-case letters and digits 2 to 7, the base32 alphabet AWS ids use. */
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final SecureRandom random;

    public Ids(SecureRandom random) {
        this.random = random;
    }

    public Ids() {
        this(new SecureRandom());
    }

    public String userId() {
        return id("AIDA", 17);
    }

    public String groupId() {
        return id("AGPA", 17);
    }

    public String roleId() {
        return id("AROA", 17);
    }

    public String policyId() {
        return id("ANPA", 17);
    }

    public String instanceProfileId() {
        return id("AIPA", 17);
    }

    /** An AWS account id: 12 random digits. */
    public String accountId() {
        char[] out = new char[12];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(out);
    }

    /** An SSH public key id: {@code APKA} and 16 characters. */
    public String sshPublicKeyId() {
        return id("APKA", 16);
    }

    /**
     * A signing certificate id: 32 characters of the id alphabet (IAM's model asks for at least 24 word characters;
     * its certificate ids have no prefix).
     */
    public String signingCertificateId() {
        return id("", 32);
    }

    /** A server certificate id: {@code ASCA} and 17 characters. */
    public String serverCertificateId() {
        return id("ASCA", 17);
    }

    /** A service-specific credential id: {@code ACCA} and 17 characters. */
    public String serviceCredentialId() {
        return id("ACCA", 17);
    }

    /** A SAML provider's unique id ({@code SAMLProviderUUID}): 26 characters of the id alphabet. */
    public String samlProviderUuid() {
        return id("", 26);
    }

    /** The id of a SAML provider's private key: 26 characters of the id alphabet ({@code [A-Z0-9]}, 22 to 64). */
    public String samlPrivateKeyId() {
        return id("", 26);
    }

    /** A service-specific password or API key secret: 32 random bytes in base64 (44 characters). */
    public String serviceSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String accessKeyId() {
        return id("AKIA", 16);
    }

    /** A request id in the UUID form AWS returns (random, version 4). */
    public String requestId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        return uuid(bytes);
    }

    /**
     * An audit event id: a UUID, as CloudTrail's {@code eventID} is, whose first 48 bits are the event's time in
     * milliseconds (version 7, RFC 9562) and the other 74 random. Ids made later sort later, so the store's unique
     * index on event ids grows at its end: with random ids every recorded event dirtied a page of its own somewhere in
     * the index, and a busy server wrote most of its audit index to the log again at every commit.
     */
    public String eventId(Instant time) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        long millis = time.toEpochMilli();
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x70);
        return uuid(bytes);
    }

    /** The bytes in the UUID text form, the variant bits set. */
    private static String uuid(byte[] bytes) {
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        StringBuilder out = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out.append('-');
            }
            out.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return out.toString();
    }

    /** A secret access key: 40 characters. */
    public String secretAccessKey() {
        char[] out = new char[40];
        for (int i = 0; i < out.length; i++) {
            out[i] = SECRET_ALPHABET[random.nextInt(SECRET_ALPHABET.length)];
        }
        return new String(out);
    }

    /** A virtual MFA device's TOTP seed: 20 random bytes (160 bits, the size RFC 4226 recommends for HMAC-SHA1). */
    public byte[] mfaSeed() {
        byte[] seed = new byte[20];
        random.nextBytes(seed);
        return seed;
    }

    private String id(String prefix, int length) {
        char[] out = new char[prefix.length() + length];
        prefix.getChars(0, prefix.length(), out, 0);
        for (int i = prefix.length(); i < out.length; i++) {
            out[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(out);
    }
}
