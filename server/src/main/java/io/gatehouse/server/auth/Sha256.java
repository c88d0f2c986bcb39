package io.gatehouse.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 for signature checks, each use a clone of a prototype made once. JCA's {@code getInstance}
 * searches the provider list on every call, and an HMAC's first {@code init} chooses a provider again: together
 * they cost more than the hashing of a typical request. The prototypes are never used themselves, only cloned, so
 * sharing them between threads is safe.
 */
final class Sha256 {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final MessageDigest DIGEST = newDigest();
    private static final Mac HMAC = newHmac();

    private Sha256() {
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest digest() {
        try {
            return (MessageDigest) DIGEST.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest();
        }
    }

    /** HMAC-SHA256 of {@code data} under {@code key}. */
    static byte[] hmac(byte[] key, byte[] data) {
        Mac mac;
        try {
            mac = (Mac) HMAC.clone();
        } catch (CloneNotSupportedException e) {
            mac = newHmac();
        }
        try {
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an HMAC-SHA256 key was refused", e);
        }
        return mac.doFinal(data);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** A Mac whose provider is chosen (by an init with a throwaway key), so that its clones need not choose again. */
    private static Mac newHmac() {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(new byte[32], HMAC_SHA256));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
