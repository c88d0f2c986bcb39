package io.gatehouse.server.state;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * SAML 2.0 metadata documents for tests: an identity provider's {@code EntityDescriptor} with one signing
 * certificate, an encryption certificate and two single sign-on endpoints, as IdPs (Shibboleth, AD FS, Keycloak)
 * publish them.
 */
public final class SamlMetadataSamples {

    /** A self-signed RSA-2048 certificate ({@code CN=idp.example.com}, valid until 2126), base64 DER. */
    public static final String CERTIFICATE =
            "MIIDFzCCAf+gAwIBAgIUXY6mXAC6K632PJNsQU/vxsLj8AgwDQYJKoZIhvcNAQELBQAwGjEYMBYG" +
            "A1UEAwwPaWRwLmV4YW1wbGUuY29tMCAXDTI2MTEyNjAxNDQzM1oYDzIxMjYxMTAyMDE0NDMzWjAa" +
            "MRgwFgYDVQQDDA9pZHAuZXhhbXBsZS5jb20wggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIB" +
            "AQCw9V15Wi/sM2cqw7wnyzyMZt/u1AA9n8fkTllNU2+o7fW6lDkriAuWjzJPiVQf1CyKORDGVCqY" +
            "cLcwA+H5cujordvQVbxDeYRvTzOgOwwODVDOHJDsNPXC+HAJ10Yy9e39kaSCthZxlJW+4RoLKXQy" +
            "qvBdVZDFuXUGLB1bbmm44TtcWw2sIl1O3QxOOn7MzbVSSC5TAy0xksgkRQ4a2H7y4a24+UP167I3" +
            "pA9ECEXUXTlA/1iL049vq7Ccgllp8wYohBdJ1XlPNut4Acf5ZskcnnhiUHVALWFyKTjVglRseNcS" +
            "Izrz4J5Qd5oU8N88ROLA+6/F+azCSaanFR4gxEXBAgMBAAGjUzBRMB0GA1UdDgQWBBQWLG3ym6bV" +
            "9sb6JyPV+gXpvrxkujAfBgNVHSMEGDAWgBQWLG3ym6bV9sb6JyPV+gXpvrxkujAPBgNVHRMBAf8E" +
            "BTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQAXewxlcDxLpSjrDlQ/1fxH4w0ueOGc+t+eTu7vAx79" +
            "pztGKd9aLDJLuK53q72p9PVmhYzEp20AE/Tv4rhkysqDuIzo6qZ3fpITqnQIcClHRaRFgdZWHE48" +
            "JKXH+MfHBj+sQ//1O5cifomLHGzVzbPULqke78hbjn7rpnIH0nTS/RBRViw4CriGu2iDnOatiSoX" +
            "bRfTvDzJop+Bt6VwQgyH0OxpF2TsvcB8jk2XKcXPSe0+7skk95h9eAmMtQYn7rPZk3fvWOm0doic" +
            "sGVeVSNyT02n7rmP+x0IRFZSCcHZPuEub+mSDI0q5knj+TqBX5swwDzJ8ENjAKccAOfeeRh7";

    private SamlMetadataSamples() {}

    /** The metadata of an IdP with {@link #CERTIFICATE} for signing and no {@code validUntil}. */
    public static String document(String entityId) {
        return document(entityId, CERTIFICATE, "");
    }

    /** The metadata of an IdP that signs with {@code certificate}. */
    public static String document(String entityId, X509Certificate certificate) {
        try {
            return document(entityId, Base64.getEncoder().encodeToString(certificate.getEncoded()), "");
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The metadata of an IdP.
     *
     * @param signingCertificate base64 DER of its signing certificate
     * @param attributes         more attributes of the {@code EntityDescriptor} ({@code validUntil="…"}), or empty
     */
    public static String document(String entityId, String signingCertificate, String attributes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s" %s>
                  <md:IDPSSODescriptor WantAuthnRequestsSigned="false"
                      protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                        <ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data>
                      </ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:KeyDescriptor use="encryption">
                      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                        <ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data>
                      </ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                        Location="https://idp.example.com/sso/redirect"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                        Location="https://idp.example.com/sso/post"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(entityId, attributes, signingCertificate, CERTIFICATE);
    }
}
