package io.gatehouse.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing keys ({@code kSigning}) derived from a secret for a date, region and service, kept so that a request
 * costs one HMAC over the string to sign instead of the five of a full derivation. A key enters the cache only
 * after a signature made with it verified, so failed attempts cannot fill it; past {@value #MAX_ENTRIES} entries
 * the cache starts over (keys are per day, so old ones are worthless anyway).
 */
final class SigningKeys {

    static final int MAX_ENTRIES = 4096;

    /** The cache key; holds the secret, so it is never printed. */
    private record Scope(String secret, String date, String region, String service) {
        @Override
        public String toString() {
            return "Scope[" + date + "/" + region + "/" + service + "]";
        }
    }

    private final Map<Scope, byte[]> keys = new ConcurrentHashMap<>();

    /** The cached signing key, or a freshly derived one (not cached until {@link #remember}). */
    byte[] signingKey(String secret, String date, String region, String service) {
        byte[] cached = keys.get(new Scope(secret, date, region, service));
        if (cached != null) {
            return cached;
        }
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    /** Keeps a signing key that just verified a signature. */
    void remember(String secret, String date, String region, String service, byte[] signingKey) {
        if (keys.size() >= MAX_ENTRIES) {
            keys.clear();
        }
        keys.putIfAbsent(new Scope(secret, date, region, service), signingKey);
    }

    int size() {
        return keys.size();
    }

    static byte[] hmac(byte[] key, String data) {
        return Sha256.hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }
}
