package io.gatehouse.server.iam;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The little of ASN.1 DER that reading keys needs: taking the first element out of a SEQUENCE and wrapping bytes
 * in a SEQUENCE, an OCTET STRING or a BIT STRING. Malformed input throws {@link IllegalArgumentException}.
 */
final class Der {

    static final byte SEQUENCE = 0x30;
    static final byte OCTET_STRING = 0x04;
    static final byte BIT_STRING = 0x03;
    /** {@code INTEGER 0}, the version of a PKCS #8 private key. */
    static final byte[] VERSION_ZERO = {0x02, 0x01, 0x00};
    /** The AlgorithmIdentifier of RSA keys: {@code SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }}. */
    static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private Der() {}

    /** The first element (tag, length and contents) inside a SEQUENCE. */
    static byte[] firstElement(byte[] sequence) {
        if (sequence.length < 2 || sequence[0] != SEQUENCE) {
            throw new IllegalArgumentException("not a SEQUENCE");
        }
        int contents = headerLength(sequence, 0);
        int elementEnd = contents + headerLength(sequence, contents) + contentLength(sequence, contents);
        if (elementEnd > sequence.length) {
            throw new IllegalArgumentException("truncated");
        }
        return Arrays.copyOfRange(sequence, contents, elementEnd);
    }

    /** A TLV of the given tag around {@code contents}. */
    static byte[] wrap(byte tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : contents) {
            body.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = body.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** The length of the tag and length octets of the element at {@code offset}. */
    private static int headerLength(byte[] der, int offset) {
        check(der, offset + 1);
        int first = der[offset + 1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static int contentLength(byte[] der, int offset) {
        check(der, offset + 1);
        int first = der[offset + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int bytes = first & 0x7f;
        if (bytes == 0 || bytes > 3) {
            throw new IllegalArgumentException("unsupported length");
        }
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            check(der, offset + 2 + i);
            length = (length << 8) | (der[offset + 2 + i] & 0xff);
        }
        return length;
    }

    private static void check(byte[] der, int index) {
        if (index >= der.length) {
            throw new IllegalArgumentException("truncated");
        }
    }
}
