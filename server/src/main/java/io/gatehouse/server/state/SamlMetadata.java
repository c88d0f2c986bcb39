package io.gatehouse.server.state;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a SAML 2.0 metadata document says about an identity provider: its entity id, the certificates its
 * {@code IDPSSODescriptor} signs with, its single sign-on endpoints and how long the metadata is valid.
 *
 * <p>The document is read with the JDK's DOM parser locked down: a document type declaration of any kind is refused
 * (so no DTD, no internal or external entity, no entity expansion), external DTDs and schemas are never fetched,
 * XInclude is off and secure processing is on. Anything else than one {@code md:EntityDescriptor} with an
 * {@code md:IDPSSODescriptor} and at least one X.509 signing certificate is refused.
 *
 * @param entityId            the {@code entityID} of the {@code EntityDescriptor}: the issuer of the IdP's responses
 * @param signingCertificates the certificates of the IdP's {@code KeyDescriptor}s for signing (or for any use), in
 *                            document order
 * @param singleSignOnServices the IdP's {@code SingleSignOnService} endpoints, in document order
 * @param validUntil          the earliest {@code validUntil} of the entity and its IdP descriptor, or {@code null}
 */
public record SamlMetadata(String entityId, List<X509Certificate> signingCertificates,
                           List<Endpoint> singleSignOnServices, Instant validUntil) {

    /** The SAML 2.0 metadata namespace. */
    public static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    /** The XML signature namespace, which holds {@code KeyInfo}. */
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String SAML2_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

    /**
     * A SAML endpoint.
     *
     * @param binding  the binding's URI ({@code urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST}, …)
     * @param location where the endpoint is
     */
    public record Endpoint(String binding, String location) {}

    /** A metadata document that cannot be read; its message says why, without repeating the document. */
    public static final class InvalidMetadataException extends IllegalArgumentException {

        InvalidMetadataException(String reason) {
            super(reason);
        }
    }

    public SamlMetadata {
        signingCertificates = List.copyOf(signingCertificates);
        singleSignOnServices = List.copyOf(singleSignOnServices);
    }

    /**
     * Reads a metadata document.
     *
     * @throws InvalidMetadataException when it is not well-formed XML, declares a document type, or is not the
     *                                  metadata of a SAML 2.0 identity provider with a signing certificate
     */
    public static SamlMetadata parse(String document) {
        Element root = read(document).getDocumentElement();
        if (!isMetadata(root, "EntityDescriptor")) {
            throw new InvalidMetadataException("the root element is not an md:EntityDescriptor");
        }
        String entityId = root.getAttribute("entityID");
        if (entityId.isBlank()) {
            throw new InvalidMetadataException("the EntityDescriptor has no entityID");
        }
        Element idp = null;
        for (Element child : children(root, METADATA_NS, "IDPSSODescriptor")) {
            if (List.of(child.getAttribute("protocolSupportEnumeration").split("\\s+")).contains(SAML2_PROTOCOL)) {
                idp = child;
                break;
            }
        }
        if (idp == null) {
            throw new InvalidMetadataException("no IDPSSODescriptor supports SAML 2.0");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element key : children(idp, METADATA_NS, "KeyDescriptor")) {
            String use = key.getAttribute("use");
            if (use.isEmpty() || use.equals("signing")) {
                for (Element keyInfo : children(key, DSIG_NS, "KeyInfo")) {
                    for (Element data : children(keyInfo, DSIG_NS, "X509Data")) {
                        for (Element certificate : children(data, DSIG_NS, "X509Certificate")) {
                            certificates.add(certificate(certificate.getTextContent()));
                        }
                    }
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new InvalidMetadataException("the IDPSSODescriptor has no X.509 signing certificate");
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Element service : children(idp, METADATA_NS, "SingleSignOnService")) {
            endpoints.add(new Endpoint(service.getAttribute("Binding"), service.getAttribute("Location")));
        }
        Instant validUntil = earliest(time(root.getAttribute("validUntil")), time(idp.getAttribute("validUntil")));
        return new SamlMetadata(entityId, certificates, endpoints, validUntil);
    }

    private static Document read(String document) {
        try {
            return SecureXml.parse(document);
        } catch (SecureXml.UnreadableXmlException e) {
            throw new InvalidMetadataException(e.getMessage());
        }
    }

    private static boolean isMetadata(Element element, String localName) {
        return METADATA_NS.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidMetadataException("a signing certificate is not a base64 X.509 certificate");
        }
    }

    /** An {@code xs:dateTime}, or {@code null} for an absent attribute; one without a zone is taken as UTC. */
    private static Instant time(String dateTime) {
        if (dateTime.isEmpty()) {
            return null;
        }
        try {
            var calendar = DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(dateTime.strip());
            if (calendar.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
                calendar.setTimezone(0);
            }
            return calendar.toGregorianCalendar().toInstant();
        } catch (IllegalArgumentException e) {
            throw new InvalidMetadataException("validUntil is not an xs:dateTime");
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }
}
