package io.gatehouse.server.iam;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * The private key of a server certificate: PEM, unencrypted, RSA or EC, as PKCS #8 ({@code PRIVATE KEY}), PKCS #1
 * ({@code RSA PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}, optionally after its {@code EC PARAMETERS}). It matches
 * its certificate when a signature it makes verifies with the certificate's public key.
 * STS reads a SAML provider's assertion-decryption keys with {@link #readRsa}.
 */
public final class PrivateKeys {

    /** The longest RSA key accepted (AWS's certificate services take RSA keys up to 4,096 bits). */
    static final int MAX_RSA_BITS = 4096;
    private static final String TOO_LONG = "The key is %d bits long; RSA keys of at most %d bits are supported.";

    static final String NOT_PEM = "Unable to parse private key. Please ensure the private key is in PEM format.";
    static final String MISMATCH = "The public key certificate and the private key do not match.";

    private PrivateKeys() {}

    /**
     * Checks that a PEM private key is the one of {@code certificateKey}.
     *
     * @throws AwsException {@code MalformedCertificate} when the key cannot be read, {@code KeyPairMismatch} when it
     *         is not the certificate's
     */
    static void checkMatches(String pem, PublicKey certificateKey) {
        List<Pem.Block> blocks = Pem.blocks(pem);
        if (blocks == null) {
            throw AwsError.MALFORMED_CERTIFICATE.exception(NOT_PEM);
        }
        List<Pem.Block> keys = blocks.stream().filter(b -> !b.label().equals("EC PARAMETERS")).toList();
        if (keys.size() != 1) {
            throw AwsError.MALFORMED_CERTIFICATE.exception(NOT_PEM);
        }
        Pem.Block key = keys.getFirst();
        String algorithm = certificateKey.getAlgorithm();
        byte[] pkcs8 = switch (key.label()) {
            case "PRIVATE KEY" -> key.der();
            case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> {
                if (!algorithm.equals(key.label().equals("RSA PRIVATE KEY") ? "RSA" : "EC")) {
                    throw AwsError.KEY_PAIR_MISMATCH.exception(MISMATCH);
                }
                yield wrap(key.der(), certificateKey);
            }
            default -> throw AwsError.MALFORMED_CERTIFICATE.exception(NOT_PEM);
        };
        if (certificateKey instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() > MAX_RSA_BITS) {
            // Checking the pair signs with the private key, whose cost grows with the cube of its size.
            throw AwsError.MALFORMED_CERTIFICATE.exception(TOO_LONG, rsa.getModulus().bitLength(), MAX_RSA_BITS);
        }
        PrivateKey privateKey = decode(pkcs8, algorithm);
        if (!signsFor(privateKey, certificateKey)) {
            throw AwsError.KEY_PAIR_MISMATCH.exception(MISMATCH);
        }
    }

    /**
     * A PEM RSA private key that stands alone (no certificate tells its algorithm): PKCS #8 ({@code PRIVATE KEY}) or
     * PKCS #1 ({@code RSA PRIVATE KEY}), unencrypted; {@code null} when the text is not exactly one such key.
     */
    public static RSAPrivateKey readRsa(String pem) {
        List<Pem.Block> blocks = Pem.blocks(pem);
        if (blocks == null || blocks.size() != 1) {
            return null;
        }
        Pem.Block key = blocks.getFirst();
        try {
            byte[] pkcs8 = switch (key.label()) {
                case "PRIVATE KEY" -> key.der();
                case "RSA PRIVATE KEY" -> Der.wrap(Der.SEQUENCE, Der.VERSION_ZERO, Der.RSA_ALGORITHM,
                        Der.wrap(Der.OCTET_STRING, key.der()));
                default -> null;
            };
            return pkcs8 == null ? null
                    : (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A PKCS #1 or SEC 1 key as PKCS #8, under the algorithm identifier of the certificate's key (which carries the
     * curve of an EC key).
     */
    private static byte[] wrap(byte[] key, PublicKey certificateKey) {
        try {
            byte[] algorithm = Der.firstElement(certificateKey.getEncoded());
            return Der.wrap(Der.SEQUENCE, Der.VERSION_ZERO, algorithm, Der.wrap(Der.OCTET_STRING, key));
        } catch (IllegalArgumentException e) {
            throw AwsError.MALFORMED_CERTIFICATE.exception(NOT_PEM);
        }
    }

    /** A PKCS #8 key; one of another algorithm than the certificate's cannot be its key. */
    private static PrivateKey decode(byte[] pkcs8, String algorithm) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            for (String other : List.of("RSA", "EC")) {
                if (!other.equals(algorithm) && readsAs(pkcs8, other)) {
                    throw AwsError.KEY_PAIR_MISMATCH.exception(MISMATCH);
                }
            }
            throw AwsError.MALFORMED_CERTIFICATE.exception(NOT_PEM);
        }
    }

    private static boolean readsAs(byte[] pkcs8, String algorithm) {
        try {
            KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signsFor(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = publicKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
