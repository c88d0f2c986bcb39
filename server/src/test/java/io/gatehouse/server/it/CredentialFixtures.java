package io.gatehouse.server.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys and certificates made for the credential tests: RSA and EC key pairs from the JDK, X.509 certificates signed
 * with BouncyCastle, and their PEM and OpenSSH encodings.
 */
final class CredentialFixtures {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private CredentialFixtures() {}

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate valid from a day ago for a year. */
    static X509Certificate selfSigned(KeyPair keys, String commonName) {
        Instant now = Instant.now();
        return certificate(keys, commonName, keys, commonName, now.minus(1, ChronoUnit.DAYS),
                now.plus(365, ChronoUnit.DAYS));
    }

    /** A certificate of {@code subject}'s public key, signed by {@code issuer}'s private key. */
    static X509Certificate certificate(KeyPair subject, String subjectName, KeyPair issuer, String issuerName,
                                       Instant notBefore, Instant notAfter) {
        try {
            String algorithm = issuer.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerName),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    new X500Name("CN=" + subjectName), subject.getPublic());
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(X509Certificate... certificates) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append(pem("CERTIFICATE", certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    /** A private key as PKCS #8 ({@code PRIVATE KEY}). */
    static String pkcs8(KeyPair keys) {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    /** A private key in its algorithm's own form: PKCS #1 ({@code RSA PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}). */
    static String traditional(KeyPair keys) {
        try {
            byte[] inner = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded()).parsePrivateKey()
                    .toASN1Primitive().getEncoded();
            return pem(keys.getPrivate().getAlgorithm().equals("EC") ? "EC PRIVATE KEY" : "RSA PRIVATE KEY", inner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** An RSA public key in the OpenSSH encoding, with a comment. */
    static String openSsh(KeyPair keys, String comment) {
        return "ssh-rsa " + Base64.getEncoder().encodeToString(sshWire((RSAPublicKey) keys.getPublic())) + " " + comment;
    }

    /** What {@code ssh-keygen -l -E md5} prints as a key's fingerprint (without its {@code MD5:} prefix). */
    static String md5Fingerprint(KeyPair keys) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(sshWire((RSAPublicKey) keys.getPublic()));
            return HexFormat.ofDelimiter(":").formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4253's encoding of an RSA key: {@code string "ssh-rsa", mpint e, mpint n}. */
    private static byte[] sshWire(RSAPublicKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : List.of("ssh-rsa".getBytes(StandardCharsets.US_ASCII),
                key.getPublicExponent().toByteArray(), key.getModulus().toByteArray())) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
            out.writeBytes(field);
        }
        return out.toByteArray();
    }
}
