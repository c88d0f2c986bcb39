package io.gatehouse.server.sts;

import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.iam.PrivateKeys;
import io.gatehouse.server.state.SamlPrivateKey;
import io.gatehouse.server.state.SamlProvider;
import io.gatehouse.server.state.SecureXml;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Verifies a base64 SAML 2.0 {@code Response} from an IAM SAML provider, as AssumeRoleWithSAML needs it, and says what
 * its one assertion asserts. Nothing of the response is trusted before its signature is:
 *
 * <ul>
 *   <li>the XML is read by {@link SecureXml} (no DTD, no entity, nothing fetched);</li>
 *   <li>the response holds exactly one {@code Assertion} or {@code EncryptedAssertion}, as a child of the
 *       {@code Response}, and no other assertion anywhere; every {@code ID} in the document is distinct and only the
 *       {@code Response}'s and the assertion's {@code ID} attributes are registered as IDs;</li>
 *   <li>a signature is accepted only as a direct child of the {@code Response} or of the assertion, with exactly one
 *       {@code Reference} whose URI is {@code #ID} of its own parent, only the enveloped and canonicalization
 *       transforms, and a value that verifies with one of the metadata's signing certificates (Apache Santuario with
 *       secure validation). Any present signature that fails refuses the response; without a valid one on the
 *       response or the assertion, it is refused (no unsigned assertion). So the assertion read is always the one a
 *       signature covers: a wrapped (moved) signed element cannot smuggle an unsigned one in;</li>
 *   <li>an {@code EncryptedAssertion} is decrypted with the provider's private keys after the response's signature
 *       was checked; a provider whose mode is {@code Required} refuses plain assertions;</li>
 *   <li>issuer, audience, recipient, validity and the response's age are then checked.</li>
 * </ul>
 */
final class SamlResponseVerifier {

    static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC_NS = "http://www.w3.org/2001/04/xmlenc#";
    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    private static final String NAMEID_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
    /** The SAML endpoint of AWS sign-in: the recipient AWS requires, and one audience it accepts. */
    static final String AWS_SIGNIN = "https://signin.aws.amazon.com/saml";
    /** The other audience AWS documents ("urn:amazon:webservices"). */
    static final String AWS_URN = "urn:amazon:webservices";
    /** How old a response may be when redeemed: AWS's 5-minute window from its {@code IssueInstant}. */
    static final Duration REDEMPTION_WINDOW = Duration.ofMinutes(5);
    /** The clock difference tolerated between the identity provider and the server. */
    static final Duration SKEW = Duration.ofSeconds(60);

    static final String SIGNATURE_INVALID = "Response signature invalid";
    private static final Set<String> TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
            Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS,
            Transforms.TRANSFORM_C14N_OMIT_COMMENTS, Transforms.TRANSFORM_C14N11_OMIT_COMMENTS);

    static {
        Init.init();
    }

    private SamlResponseVerifier() {}

    /**
     * @param base64   the {@code SAMLAssertion} parameter
     * @param provider the provider named by {@code PrincipalArn}
     * @param now      the request's time
     * @throws AwsException {@code InvalidIdentityToken}, {@code IDPRejectedClaim} or {@code ExpiredTokenException}
     */
    static SamlAssertion verify(String base64, SamlProvider provider, Instant now) {
        Document document = parse(base64);
        Element response = document.getDocumentElement();
        if (!is(response, PROTOCOL_NS, "Response")) {
            throw invalid("Invalid SAML response");
        }
        List<Element> plain = children(response, ASSERTION_NS, "Assertion");
        List<Element> encrypted = children(response, ASSERTION_NS, "EncryptedAssertion");
        if (plain.size() + encrypted.size() != 1
                || document.getElementsByTagNameNS(ASSERTION_NS, "Assertion").getLength() != plain.size()) {
            throw invalid("Invalid SAML response: it must contain exactly one assertion");
        }
        if (!uniqueIds(document)) {
            throw invalid(SIGNATURE_INVALID);
        }
        response.setIdAttributeNS(null, "ID", true);
        List<X509Certificate> certificates = provider.metadata().signingCertificates();
        boolean responseSigned = verifySignature(response, certificates);

        Element assertion;
        if (encrypted.isEmpty()) {
            if (provider.encryption() == SamlProvider.AssertionEncryption.REQUIRED) {
                throw invalid("Assertion encryption is required by the SAML provider");
            }
            assertion = plain.getFirst();
        } else {
            assertion = decrypt(document, encrypted.getFirst(), provider);
        }
        assertion.setIdAttributeNS(null, "ID", true);
        if (!uniqueIds(document)) {
            throw invalid(SIGNATURE_INVALID);
        }
        boolean assertionSigned = verifySignature(assertion, certificates);
        if (!responseSigned && !assertionSigned) {
            throw invalid(SIGNATURE_INVALID);
        }
        return check(response, assertion, provider, now);
    }

    private static Document parse(String base64) {
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid base64 SAML response");
        }
        try {
            return SecureXml.parse(new String(xml, StandardCharsets.UTF_8));
        } catch (SecureXml.UnreadableXmlException e) {
            throw invalid("Invalid SAML response");
        }
    }

    /**
     * Whether the element carries a signature of its own that verifies; {@code false} when it carries none.
     *
     * @throws AwsException when a signature is present but broken, refers elsewhere, or no certificate verifies it
     */
    private static boolean verifySignature(Element signed, List<X509Certificate> certificates) {
        List<Element> signatures = children(signed, DSIG_NS, "Signature");
        if (signatures.isEmpty()) {
            return false;
        }
        if (signatures.size() > 1 || signed.getAttribute("ID").isEmpty()) {
            throw invalid(SIGNATURE_INVALID);
        }
        try {
            XMLSignature signature = new XMLSignature(signatures.getFirst(), "", true);
            SignedInfo info = signature.getSignedInfo();
            if (info.getLength() != 1) {
                throw invalid(SIGNATURE_INVALID);
            }
            Reference reference = info.item(0);
            if (!("#" + signed.getAttribute("ID")).equals(reference.getURI())) {
                throw invalid(SIGNATURE_INVALID);
            }
            Transforms transforms = reference.getTransforms();
            for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
                if (!TRANSFORMS.contains(transforms.item(i).getURI())) {
                    throw invalid(SIGNATURE_INVALID);
                }
            }
            for (X509Certificate certificate : certificates) {
                if (signature.checkSignatureValue(certificate)) {
                    return true;
                }
            }
        } catch (org.apache.xml.security.exceptions.XMLSecurityException | RuntimeException e) {
            if (e instanceof AwsException aws) {
                throw aws;
            }
        }
        throw invalid(SIGNATURE_INVALID);
    }

    /** Replaces the encrypted assertion's content with the assertion decrypted with one of the provider's keys. */
    private static Element decrypt(Document document, Element encryptedAssertion, SamlProvider provider) {
        List<Element> data = children(encryptedAssertion, XENC_NS, "EncryptedData");
        NodeList keys = encryptedAssertion.getElementsByTagNameNS(XENC_NS, "EncryptedKey");
        if (data.size() != 1 || keys.getLength() != 1 || provider.privateKeys().isEmpty()) {
            throw invalid("Unable to decrypt the SAML assertion");
        }
        for (SamlPrivateKey stored : provider.privateKeys()) {
            RSAPrivateKey privateKey = PrivateKeys.readRsa(stored.pem());
            if (privateKey == null) {
                continue;
            }
            try {
                XMLCipher dataCipher = XMLCipher.getInstance();
                dataCipher.init(XMLCipher.DECRYPT_MODE, null);
                EncryptedData encryptedData = dataCipher.loadEncryptedData(document, data.getFirst());
                XMLCipher keyCipher = XMLCipher.getInstance();
                keyCipher.init(XMLCipher.UNWRAP_MODE, privateKey);
                EncryptedKey encryptedKey = keyCipher.loadEncryptedKey(document, (Element) keys.item(0));
                Key secret = keyCipher.decryptKey(encryptedKey, encryptedData.getEncryptionMethod().getAlgorithm());
                dataCipher.init(XMLCipher.DECRYPT_MODE, secret);
                dataCipher.doFinal(document, data.getFirst());
                List<Element> assertions = children(encryptedAssertion, ASSERTION_NS, "Assertion");
                if (assertions.size() != 1
                        || document.getElementsByTagNameNS(ASSERTION_NS, "Assertion").getLength() != 1) {
                    throw invalid("Invalid SAML response: it must contain exactly one assertion");
                }
                return assertions.getFirst();
            } catch (AwsException e) {
                throw e;
            } catch (Exception wrongKey) {
                // Try the provider's other key (rotation keeps two); the document is unchanged on failure.
            }
        }
        throw invalid("Unable to decrypt the SAML assertion");
    }

    /** The checks of a signed assertion's content. */
    private static SamlAssertion check(Element response, Element assertion, SamlProvider provider, Instant now) {
        String entityId = provider.metadata().entityId();
        Element status = child(response, PROTOCOL_NS, "Status");
        Element code = status == null ? null : child(status, PROTOCOL_NS, "StatusCode");
        if (code == null || !SUCCESS.equals(code.getAttribute("Value"))) {
            throw AwsError.IDP_REJECTED_CLAIM.exception("The SAML response does not report a successful authentication");
        }
        Element responseIssuer = child(response, ASSERTION_NS, "Issuer");
        Element issuer = child(assertion, ASSERTION_NS, "Issuer");
        if (issuer == null || !entityId.equals(issuer.getTextContent().strip())
                || responseIssuer != null && !entityId.equals(responseIssuer.getTextContent().strip())) {
            throw invalid("Issuer not present in specified provider");
        }
        Instant issued = time(response.getAttribute("IssueInstant"));
        if (issued == null) {
            throw invalid("Invalid SAML response");
        }
        if (issued.isAfter(now.plus(SKEW))) {
            throw invalid("Response is not yet valid");
        }
        if (now.isAfter(issued.plus(REDEMPTION_WINDOW))) {
            throw AwsError.EXPIRED_TOKEN_EXCEPTION.exception("Response is expired");
        }

        Element conditions = child(assertion, ASSERTION_NS, "Conditions");
        if (conditions != null) {
            Instant notBefore = time(conditions.getAttribute("NotBefore"));
            Instant notOnOrAfter = time(conditions.getAttribute("NotOnOrAfter"));
            if (notBefore != null && now.plus(SKEW).isBefore(notBefore)) {
                throw invalid("Assertion is not yet valid");
            }
            if (notOnOrAfter != null && !now.minus(SKEW).isBefore(notOnOrAfter)) {
                throw AwsError.EXPIRED_TOKEN_EXCEPTION.exception("Assertion is expired");
            }
        }
        if (!hasAwsAudience(conditions)) {
            throw invalid("Response does not contain the required audience.");
        }

        Element subject = child(assertion, ASSERTION_NS, "Subject");
        Element nameId = subject == null ? null : child(subject, ASSERTION_NS, "NameID");
        if (nameId == null || nameId.getTextContent().isBlank()) {
            throw invalid("Subject is required in AuthnResponse");
        }
        String recipient = bearerRecipient(subject, now);
        return new SamlAssertion(issuer.getTextContent().strip(), nameId.getTextContent().strip(),
                subjectType(nameId.getAttribute("Format")), recipient, attributes(assertion), sessionEnd(assertion));
    }

    /** The earliest {@code SessionNotOnOrAfter} of the assertion's authentication statements, or {@code null}. */
    private static Instant sessionEnd(Element assertion) {
        Instant end = null;
        for (Element statement : children(assertion, ASSERTION_NS, "AuthnStatement")) {
            Instant at = time(statement.getAttribute("SessionNotOnOrAfter"));
            if (at != null && (end == null || at.isBefore(end))) {
                end = at;
            }
        }
        return end;
    }

    private static boolean hasAwsAudience(Element conditions) {
        if (conditions == null) {
            return false;
        }
        for (Element restriction : children(conditions, ASSERTION_NS, "AudienceRestriction")) {
            for (Element audience : children(restriction, ASSERTION_NS, "Audience")) {
                String value = audience.getTextContent().strip();
                if (value.equals(AWS_URN) || value.equals(AWS_SIGNIN)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The recipient of a bearer confirmation addressed to AWS sign-in and not expired. */
    private static String bearerRecipient(Element subject, Instant now) {
        for (Element confirmation : children(subject, ASSERTION_NS, "SubjectConfirmation")) {
            Element data = child(confirmation, ASSERTION_NS, "SubjectConfirmationData");
            if (!BEARER.equals(confirmation.getAttribute("Method")) || data == null) {
                continue;
            }
            if (!AWS_SIGNIN.equals(data.getAttribute("Recipient"))) {
                continue;
            }
            Instant notOnOrAfter = time(data.getAttribute("NotOnOrAfter"));
            if (notOnOrAfter != null && !now.minus(SKEW).isBefore(notOnOrAfter)) {
                throw AwsError.EXPIRED_TOKEN_EXCEPTION.exception("Assertion is expired");
            }
            return AWS_SIGNIN;
        }
        throw invalid("Response does not contain a valid SubjectConfirmationData Recipient: " + AWS_SIGNIN);
    }

    /** STS's {@code SubjectType}: the short name of the two common formats, else the format itself. */
    private static String subjectType(String format) {
        if (format.isEmpty()) {
            return NAMEID_FORMAT.replace(":2.0:", ":1.1:") + "unspecified";
        }
        if (format.equals(NAMEID_FORMAT + "persistent") || format.equals(NAMEID_FORMAT + "transient")) {
            return format.substring(NAMEID_FORMAT.length());
        }
        return format;
    }

    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Element statement : children(assertion, ASSERTION_NS, "AttributeStatement")) {
            for (Element attribute : children(statement, ASSERTION_NS, "Attribute")) {
                List<String> values = attributes.computeIfAbsent(attribute.getAttribute("Name"), k -> new ArrayList<>());
                for (Element value : children(attribute, ASSERTION_NS, "AttributeValue")) {
                    values.add(value.getTextContent().strip());
                }
            }
        }
        attributes.replaceAll((name, values) -> List.copyOf(values));
        return attributes;
    }

    /** Whether no two elements of the document carry the same {@code ID} (the lever of many wrapping attacks). */
    private static boolean uniqueIds(Document document) {
        Set<String> seen = new HashSet<>();
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            for (String name : new String[] {"ID", "Id", "id"}) {
                String id = element.getAttribute(name);
                if (!id.isEmpty() && !seen.add(id)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Instant time(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid("Invalid SAML response");
        }
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, namespace, localName)) {
                found.add(element);
            }
        }
        return found;
    }

    static AwsException invalid(String message) {
        return AwsError.INVALID_IDENTITY_TOKEN.exception(message);
    }
}
