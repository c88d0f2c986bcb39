package io.gatehouse.server.session;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The packed form of a session's policies and tags, as a token carries them: their binary encoding compressed with
 * raw DEFLATE. STS documents that it "compresses the passed session policies and session tags into a packed binary
 * format that has a separate limit" and reports the packed size as a percentage of that limit
 * ({@code PackedPolicySize}); its format is not public, so Gatehouse uses its own, with a limit of
 * {@value #LIMIT_BYTES} packed bytes, which also keeps every token well inside the size a verifier accepts.
 *
 * <p>Only the caller's own policies and tags are compressed (never the secret), so the compression tells an observer of
 * the token's length nothing the caller did not choose.
 *
 * <pre>
 *   u8 flags (bit 0: inline policy present)   [s16 inline policy]
 *   u8 count of managed policy ARNs, each s16
 *   u8 count of tags, each: s16 key, s16 value, u8 transitive (0 or 1)
 * </pre>
 */
public final class SessionPacking {

    /** The largest packed size a session may have: 100 %. */
    public static final int LIMIT_BYTES = 2_048;
    /** The most bytes a packed form may unpack to (refused beyond, though only this server seals tokens). */
    private static final int MAX_UNPACKED = 1 << 16;

    private SessionPacking() {}

    /** The packed form of the session's policies and tags. */
    public static byte[] pack(SessionPolicies policies, List<SessionTag> tags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(policies.inline() != null ? 1 : 0);
        if (policies.inline() != null) {
            TokenFields.longString(out, policies.inline());
        }
        out.write(count(policies.managedArns().size()));
        policies.managedArns().forEach(arn -> TokenFields.longString(out, arn));
        out.write(count(tags.size()));
        for (SessionTag tag : tags) {
            TokenFields.longString(out, tag.key());
            TokenFields.longString(out, tag.value());
            out.write(tag.transitive() ? 1 : 0);
        }
        byte[] plain = out.toByteArray();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream packed = new ByteArrayOutputStream(plain.length / 2 + 16);
            byte[] buffer = new byte[512];
            while (!deflater.finished()) {
                packed.write(buffer, 0, deflater.deflate(buffer));
            }
            return packed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The packed size as a percentage of the limit, rounded up ({@code PackedPolicySize}); over 100 is too large. */
    public static int percent(byte[] packed) {
        return (packed.length * 100 + LIMIT_BYTES - 1) / LIMIT_BYTES;
    }

    /** The policies and tags a packed form holds. */
    static Unpacked unpack(byte[] packed) {
        Inflater inflater = new Inflater(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 4);
        try {
            inflater.setInput(packed);
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SessionTokenException("truncated packed policies");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_UNPACKED) {
                    throw new SessionTokenException("packed policies too large");
                }
            }
            if (inflater.getRemaining() != 0) {
                throw new SessionTokenException("bytes after the packed policies");
            }
        } catch (DataFormatException e) {
            throw new SessionTokenException("malformed packed policies");
        } finally {
            inflater.end();
        }
        ByteBuffer in = ByteBuffer.wrap(out.toByteArray());
        try {
            int flags = in.get() & 0xff;
            if ((flags & ~1) != 0) {
                throw new SessionTokenException("unknown packed flags");
            }
            String inline = flags == 1 ? TokenFields.longString(in) : null;
            List<String> arns = new ArrayList<>();
            for (int i = in.get() & 0xff; i > 0; i--) {
                arns.add(TokenFields.longString(in));
            }
            List<SessionTag> tags = new ArrayList<>();
            for (int i = in.get() & 0xff; i > 0; i--) {
                String key = TokenFields.longString(in);
                String value = TokenFields.longString(in);
                int transitive = in.get();
                if (transitive != 0 && transitive != 1) {
                    throw new SessionTokenException("malformed session tag");
                }
                tags.add(new SessionTag(key, value, transitive == 1));
            }
            if (in.hasRemaining()) {
                throw new SessionTokenException("bytes after the packed policies");
            }
            return new Unpacked(new SessionPolicies(inline, arns), tags);
        } catch (BufferUnderflowException e) {
            throw new SessionTokenException("malformed packed policies");
        }
    }

    private static int count(int size) {
        if (size > 0xff) {
            throw new IllegalArgumentException("too many entries to pack: " + size);
        }
        return size;
    }

    /** What a packed form holds. */
    record Unpacked(SessionPolicies policies, List<SessionTag> tags) {}
}
