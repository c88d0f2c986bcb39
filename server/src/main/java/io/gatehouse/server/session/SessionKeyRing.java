package io.gatehouse.server.session;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The session keys a server holds: the current one, which seals new tokens, and the one before it, whose tokens stay
 * valid until they expire. Rotation makes a new current key and keeps the old current key as the previous one; the key
 * before that is dropped, and tokens sealed under it are refused from then on. Immutable.
 *
 * @param current  seals new tokens
 * @param previous the key current was before the last rotation, or {@code null}
 */
public record SessionKeyRing(SessionKey current, SessionKey previous) {

    private static final String FORMAT = "gatehouse-session-keys 1";

    public SessionKeyRing {
        Objects.requireNonNull(current, "current");
        if (previous != null && previous.id() == current.id()) {
            throw new IllegalArgumentException("two session keys with one id");
        }
    }

    /** A first ring: one new key. */
    static SessionKeyRing first(SecureRandom random, Instant now) {
        return new SessionKeyRing(SessionKey.generate(random, now), null);
    }

    /** This ring after a rotation: a new current key, the current one as previous, the previous one gone. */
    SessionKeyRing rotated(SecureRandom random, Instant now) {
        SessionKey fresh;
        do {
            fresh = SessionKey.generate(random, now);
        } while (fresh.id() == current.id());
        return new SessionKeyRing(fresh, current);
    }

    /** The key with this id, or {@code null} when the ring does not hold it. */
    SessionKey find(int id) {
        if (current.id() == id) {
            return current;
        }
        return previous != null && previous.id() == id ? previous : null;
    }

    /** The keys, current first. */
    public List<SessionKey> keys() {
        return previous == null ? List.of(current) : List.of(current, previous);
    }

    /** The ring as text, to be sealed before it is stored: a format line, then one line per key, current first. */
    String encode() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        for (SessionKey key : keys()) {
            text.append(key.idHex()).append(' ').append(key.created().getEpochSecond()).append(' ')
                    .append(Base64.getEncoder().encodeToString(key.key())).append('\n');
        }
        return text.toString();
    }

    /** The ring {@link #encode()} wrote. */
    static SessionKeyRing decode(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 2 || lines.length > 3 || !lines[0].equals(FORMAT)) {
            throw new IllegalStateException("the stored session keys are not in a format this server reads");
        }
        List<SessionKey> keys = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(" ");
            if (fields.length != 3) {
                throw new IllegalStateException("the stored session keys are not in a format this server reads");
            }
            keys.add(new SessionKey(HexFormat.fromHexDigits(fields[0]),
                    Instant.ofEpochSecond(Long.parseLong(fields[1])), Base64.getDecoder().decode(fields[2])));
        }
        return new SessionKeyRing(keys.getFirst(), keys.size() > 1 ? keys.get(1) : null);
    }
}
