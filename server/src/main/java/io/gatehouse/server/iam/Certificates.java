package io.gatehouse.server.iam;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * X.509 certificates as IAM takes them: PEM-encoded, read with the JDK's {@link CertificateFactory}, and valid at the
 * time of upload. A certificate chain starts with the certificate that signed the certificate, each next one signing
 * the one before.
 */
final class Certificates {

    static final String NOT_PEM = "Unable to parse certificate. Please ensure the certificate is in PEM format.";
    private static final String BAD_CHAIN = "Unable to validate certificate chain. The certificate chain must start "
            + "with the immediate signing certificate, followed by any intermediaries in order. The index within the "
            + "chain of the invalid certificate is: %d";

    private Certificates() {}

    /**
     * The one certificate of a PEM text.
     *
     * @throws AwsException {@code MalformedCertificate} when the text is not exactly one PEM certificate, or the
     *         certificate is not valid at {@code now}
     */
    static X509Certificate parse(String pem, Instant now) {
        List<Pem.Block> blocks = Pem.blocks(pem);
        if (blocks == null || blocks.size() != 1 || !blocks.getFirst().label().equals("CERTIFICATE")) {
            throw AwsError.MALFORMED_CERTIFICATE.exception(NOT_PEM);
        }
        X509Certificate certificate = decode(blocks.getFirst().der());
        if (certificate == null) {
            throw AwsError.MALFORMED_CERTIFICATE.exception(NOT_PEM);
        }
        checkValidity(certificate, now);
        return certificate;
    }

    /**
     * Checks that a chain (PEM certificates, one after another) starts with the issuer of {@code certificate} and goes
     * on issuer after issuer.
     *
     * @throws AwsException {@code MalformedCertificate} naming the index of the first certificate that does not fit
     */
    static void checkChain(X509Certificate certificate, String chain) {
        List<Pem.Block> blocks = Pem.blocks(chain);
        if (blocks == null || blocks.isEmpty()) {
            throw AwsError.MALFORMED_CERTIFICATE.exception(BAD_CHAIN, 0);
        }
        List<X509Certificate> issuers = new ArrayList<>();
        for (Pem.Block block : blocks) {
            X509Certificate issuer = block.label().equals("CERTIFICATE") ? decode(block.der()) : null;
            if (issuer == null) {
                throw AwsError.MALFORMED_CERTIFICATE.exception(BAD_CHAIN, issuers.size());
            }
            X509Certificate subject = issuers.isEmpty() ? certificate : issuers.getLast();
            if (!issues(issuer, subject)) {
                throw AwsError.MALFORMED_CERTIFICATE.exception(BAD_CHAIN, issuers.size());
            }
            issuers.add(issuer);
        }
    }

    /** The SHA-256 of a certificate's DER encoding, in hex: one certificate uploaded twice has one digest. */
    static String digest(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkValidity(X509Certificate certificate, Instant now) {
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw AwsError.MALFORMED_CERTIFICATE.exception("The certificate is not valid before %s.",
                    certificate.getNotBefore().toInstant());
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw AwsError.MALFORMED_CERTIFICATE.exception("The certificate expired on %s.",
                    certificate.getNotAfter().toInstant());
        }
    }

    private static boolean issues(X509Certificate issuer, X509Certificate subject) {
        if (!issuer.getSubjectX500Principal().equals(subject.getIssuerX500Principal())) {
            return false;
        }
        try {
            subject.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) { // a provider's own failure included
            return false;
        }
    }

    /** A DER certificate, or {@code null} when it cannot be read. */
    private static X509Certificate decode(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }
}
