package io.gatehouse.server.iam;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SSH public keys as IAM takes them for CodeCommit: RSA keys of at least 2048 bits, in the OpenSSH encoding
 * ({@code ssh-rsa BASE64 [comment]}) or PEM ({@code PUBLIC KEY}, or {@code RSA PUBLIC KEY}). Its fingerprint is the
 * MD5 of the key in SSH's wire format, in colon-separated hex, as {@code ssh-keygen -l -E md5} prints it.
 */
final class SshPublicKeys {

    /** IAM's minimum size of an SSH public key. */
    static final int MIN_BITS = 2048;
    private static final String RSA = "ssh-rsa";
    private static final Pattern OPENSSH = Pattern.compile("ssh-rsa\\s+(\\S+)(\\s+.*)?", Pattern.DOTALL);

    /** A key that passed: the key itself and its fingerprint. */
    record Parsed(RSAPublicKey key, String fingerprint) {

        /** The key in the OpenSSH encoding, without a comment. */
        String ssh() {
            return RSA + " " + Base64.getEncoder().encodeToString(wire(key));
        }

        /** The key as a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo). */
        String pem() {
            return Pem.encode("PUBLIC KEY", key.getEncoded());
        }
    }

    private SshPublicKeys() {}

    /**
     * Reads a key as UploadSSHPublicKey receives it.
     *
     * @throws io.gatehouse.server.error.AwsException {@code UnrecognizedPublicKeyEncoding} for anything that is neither
     *         an ssh-rsa key nor PEM, {@code InvalidPublicKey} for a key in one of those encodings that does not
     *         decode to an RSA key of at least {@value #MIN_BITS} bits
     */
    static Parsed parse(String body) {
        String text = body.strip();
        RSAPublicKey key;
        if (text.startsWith("-----BEGIN")) {
            key = fromPem(text);
        } else if (OPENSSH.matcher(text).matches()) {
            key = fromOpenSsh(text);
        } else {
            throw unrecognized();
        }
        if (key.getModulus().bitLength() < MIN_BITS) {
            throw AwsError.INVALID_PUBLIC_KEY.exception(
                    "The public key is malformed or otherwise invalid: it must be at least %d bits long.", MIN_BITS);
        }
        // An RSA public exponent is odd and at least 3 (OpenSSH makes 65537); with 1 or an even one it is no RSA key.
        BigInteger exponent = key.getPublicExponent();
        if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
            throw invalid();
        }
        return new Parsed(key, fingerprint(wire(key)));
    }

    private static RSAPublicKey fromOpenSsh(String text) {
        var matcher = OPENSSH.matcher(text);
        matcher.matches();
        try {
            ByteBuffer wire = ByteBuffer.wrap(Base64.getDecoder().decode(matcher.group(1)));
            if (!RSA.equals(new String(field(wire), StandardCharsets.US_ASCII))) {
                throw invalid();
            }
            BigInteger exponent = new BigInteger(field(wire));
            BigInteger modulus = new BigInteger(field(wire));
            if (wire.hasRemaining() || exponent.signum() <= 0 || modulus.signum() <= 0) {
                throw invalid();
            }
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (IllegalArgumentException | BufferUnderflowException | GeneralSecurityException e) {
            throw invalid();
        }
    }

    private static RSAPublicKey fromPem(String text) {
        List<Pem.Block> blocks = Pem.blocks(text);
        if (blocks == null || blocks.size() != 1) {
            throw invalid();
        }
        Pem.Block block = blocks.getFirst();
        byte[] info = switch (block.label()) {
            case "PUBLIC KEY" -> block.der();
            // PKCS #1 RSAPublicKey: the SubjectPublicKeyInfo around it names RSA.
            case "RSA PUBLIC KEY" -> Der.wrap(Der.SEQUENCE, Der.RSA_ALGORITHM,
                    Der.wrap(Der.BIT_STRING, new byte[] {0}, block.der()));
            default -> throw unrecognized();
        };
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(info));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw invalid();
        }
    }

    /** One length-prefixed field of SSH's wire format. */
    private static byte[] field(ByteBuffer wire) {
        int length = wire.getInt();
        if (length < 0 || length > wire.remaining()) {
            throw new IllegalArgumentException("bad length");
        }
        byte[] value = new byte[length];
        wire.get(value);
        return value;
    }

    /** The key in SSH's wire format: {@code string "ssh-rsa", mpint e, mpint n}. */
    private static byte[] wire(RSAPublicKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] value : List.of(RSA.getBytes(StandardCharsets.US_ASCII), key.getPublicExponent().toByteArray(),
                key.getModulus().toByteArray())) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    private static String fingerprint(byte[] wire) {
        try {
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(wire));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AwsException unrecognized() {
        return AwsError.UNRECOGNIZED_PUBLIC_KEY_ENCODING.exception(
                "The public key encoding format is unsupported or unrecognized: use ssh-rsa or PEM.");
    }

    private static AwsException invalid() {
        return AwsError.INVALID_PUBLIC_KEY.exception("The public key is malformed or otherwise invalid.");
    }
}
