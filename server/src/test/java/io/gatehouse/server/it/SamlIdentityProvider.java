package io.gatehouse.server.it;

import io.gatehouse.server.state.SamlMetadataSamples;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * A SAML 2.0 identity provider for tests: a self-signed RSA certificate published in its metadata, and SAML responses
 * for AWS sign-in signed with Apache Santuario, as AD FS, Okta or Keycloak send them (RSA-SHA256, exclusive
 * canonicalization, enveloped signature after the {@code Issuer}). {@link Response} says what to assert and sign;
 * its defaults make a response AssumeRoleWithSAML accepts.
 */
final class SamlIdentityProvider {

    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String AWS_SIGNIN = "https://signin.aws.amazon.com/saml";
    static final String ROLE = "https://aws.amazon.com/SAML/Attributes/Role";
    static final String ROLE_SESSION_NAME = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";

    static {
        Init.init();
    }

    private final String entityId;
    private final KeyPair keys;
    private final X509Certificate certificate;

    SamlIdentityProvider(String entityId) {
        this.entityId = entityId;
        this.keys = CredentialFixtures.rsa(2048);
        this.certificate = CredentialFixtures.selfSigned(keys, "idp.test");
    }

    String entityId() {
        return entityId;
    }

    /** The metadata to create the IAM SAML provider with. */
    String metadata() {
        return SamlMetadataSamples.document(entityId, certificate);
    }

    /** What a response asserts and how it is signed; each {@code with…} returns a changed copy. */
    record Response(String issuer, String subject, String subjectFormat, Instant issued, Duration validFor,
                    String audience, String recipient, Map<String, List<String>> attributes, boolean signResponse,
                    boolean signAssertion, Duration sessionLength) {

        /** A response for the role and provider pair, session name {@code alice}, the assertion signed. */
        static Response forRole(String roleArn, String providerArn) {
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            attributes.put(ROLE, List.of(roleArn + "," + providerArn));
            attributes.put(ROLE_SESSION_NAME, List.of("alice"));
            return new Response(null, "alice@example.com", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                    Instant.now(), Duration.ofMinutes(5), "urn:amazon:webservices", AWS_SIGNIN, attributes, false,
                    true, Duration.ofHours(8));
        }

        Response with(String attribute, String... values) {
            Map<String, List<String>> changed = new LinkedHashMap<>(attributes);
            if (values.length == 0) {
                changed.remove(attribute);
            } else {
                changed.put(attribute, List.of(values));
            }
            return new Response(issuer, subject, subjectFormat, issued, validFor, audience, recipient, changed,
                    signResponse, signAssertion, sessionLength);
        }

        Response issuedAt(Instant when, Duration valid) {
            return new Response(issuer, subject, subjectFormat, when, valid, audience, recipient, attributes,
                    signResponse, signAssertion, sessionLength);
        }

        Response audience(String newAudience) {
            return new Response(issuer, subject, subjectFormat, issued, validFor, newAudience, recipient, attributes,
                    signResponse, signAssertion, sessionLength);
        }

        Response recipient(String newRecipient) {
            return new Response(issuer, subject, subjectFormat, issued, validFor, audience, newRecipient, attributes,
                    signResponse, signAssertion, sessionLength);
        }

        Response issuer(String newIssuer) {
            return new Response(newIssuer, subject, subjectFormat, issued, validFor, audience, recipient, attributes,
                    signResponse, signAssertion, sessionLength);
        }

        Response signed(boolean response, boolean assertion) {
            return new Response(issuer, subject, subjectFormat, issued, validFor, audience, recipient, attributes,
                    response, assertion, sessionLength);
        }

        /** The {@code SessionNotOnOrAfter} of the authentication statement, this long after the response. */
        Response session(Duration length) {
            return new Response(issuer, subject, subjectFormat, issued, validFor, audience, recipient, attributes,
                    signResponse, signAssertion, length);
        }
    }

    /** The response, base64 as AssumeRoleWithSAML takes it. */
    String issue(Response response) {
        return base64(serialize(document(response, keys.getPrivate())));
    }

    /** The response signed with a key that is not the one in the metadata. */
    String issueSignedByStranger(Response response) {
        return base64(serialize(document(response, CredentialFixtures.rsa(2048).getPrivate())));
    }

    /**
     * A signature-wrapping attack: the genuine signed assertion is moved into the response's {@code Extensions} and
     * an unsigned assertion for {@code evil} takes its place.
     */
    String issueWrapped(Response genuine, Response evil) {
        Document document = document(genuine, keys.getPrivate());
        Element response = document.getDocumentElement();
        Element signed = (Element) document.getElementsByTagNameNS(ASSERTION, "Assertion").item(0);
        Element extensions = document.createElementNS(PROTOCOL, "samlp:Extensions");
        response.insertBefore(extensions, signed);
        extensions.appendChild(signed);
        Document forged = document(evil.signed(false, false), keys.getPrivate());
        Element forgedAssertion = (Element) forged.getElementsByTagNameNS(ASSERTION, "Assertion").item(0);
        response.appendChild(document.importNode(forgedAssertion, true));
        return base64(serialize(document));
    }

    /**
     * The response with its (signed) assertion encrypted for the service provider's {@code publicKey}, as IdPs do
     * for AWS's assertion encryption: AES-256-GCM content, its key wrapped with RSA-OAEP in the
     * {@code EncryptedData}'s {@code KeyInfo}, inside a {@code saml:EncryptedAssertion}.
     */
    String issueEncrypted(Response response, PublicKey publicKey) {
        Document document = document(response, keys.getPrivate());
        Element assertion = (Element) document.getElementsByTagNameNS(ASSERTION, "Assertion").item(0);
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey contentKey = generator.generateKey();
            XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP);
            keyCipher.init(XMLCipher.WRAP_MODE, publicKey);
            EncryptedKey wrapped = keyCipher.encryptKey(document, contentKey);
            XMLCipher dataCipher = XMLCipher.getInstance(XMLCipher.AES_256_GCM);
            dataCipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
            KeyInfo keyInfo = new KeyInfo(document);
            keyInfo.add(wrapped);
            dataCipher.getEncryptedData().setKeyInfo(keyInfo);
            Element container = document.createElementNS(ASSERTION, "saml:EncryptedAssertion");
            assertion.getParentNode().insertBefore(container, assertion);
            container.appendChild(assertion);
            dataCipher.doFinal(document, assertion, false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return base64(serialize(document));
    }

    static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private Document document(Response r, PrivateKey signingKey) {
        String responseId = "_" + UUID.randomUUID();
        String assertionId = "_" + UUID.randomUUID();
        String issuer = r.issuer() == null ? entityId : r.issuer();
        Instant notOnOrAfter = r.issued().plus(r.validFor());
        StringBuilder attributes = new StringBuilder();
        for (Map.Entry<String, List<String>> attribute : r.attributes().entrySet()) {
            attributes.append("<saml:Attribute Name=\"").append(attribute.getKey()).append("\">");
            for (String value : attribute.getValue()) {
                attributes.append("<saml:AttributeValue>").append(value).append("</saml:AttributeValue>");
            }
            attributes.append("</saml:Attribute>");
        }
        String xml = """
                <samlp:Response xmlns:samlp="%1$s" xmlns:saml="%2$s" ID="%3$s" Version="2.0" IssueInstant="%5$s" \
                Destination="%11$s"><saml:Issuer>%6$s</saml:Issuer><samlp:Status><samlp:StatusCode \
                Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="%4$s" \
                Version="2.0" IssueInstant="%5$s"><saml:Issuer>%6$s</saml:Issuer><saml:Subject><saml:NameID \
                Format="%7$s">%8$s</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">\
                <saml:SubjectConfirmationData NotOnOrAfter="%9$s" Recipient="%11$s"/></saml:SubjectConfirmation>\
                </saml:Subject><saml:Conditions NotBefore="%5$s" NotOnOrAfter="%9$s"><saml:AudienceRestriction>\
                <saml:Audience>%10$s</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement \
                AuthnInstant="%5$s" SessionNotOnOrAfter="%13$s"><saml:AuthnContext><saml:AuthnContextClassRef>\
                urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>\
                </saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>%12$s</saml:AttributeStatement>\
                </saml:Assertion></samlp:Response>""".formatted(PROTOCOL, ASSERTION, responseId, assertionId,
                r.issued(), issuer, r.subjectFormat(), r.subject(), notOnOrAfter, r.audience(), r.recipient(),
                attributes, r.issued().plus(r.sessionLength()));
        Document document = parse(xml);
        Element response = document.getDocumentElement();
        Element assertion = (Element) document.getElementsByTagNameNS(ASSERTION, "Assertion").item(0);
        response.setIdAttributeNS(null, "ID", true);
        assertion.setIdAttributeNS(null, "ID", true);
        if (r.signAssertion()) {
            sign(document, assertion, signingKey);
        }
        if (r.signResponse()) {
            sign(document, response, signingKey);
        }
        return document;
    }

    /** An enveloped signature of {@code element}, placed right after its {@code Issuer} as SAML requires. */
    private void sign(Document document, Element element, PrivateKey signingKey) {
        try {
            XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            Element issuer = (Element) element.getElementsByTagNameNS(ASSERTION, "Issuer").item(0);
            element.insertBefore(signature.getElement(), issuer.getNextSibling());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + element.getAttribute("ID"), transforms,
                    MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            signature.addKeyInfo(certificate);
            signature.sign(signingKey);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String serialize(Document document) {
        try {
            StringWriter text = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document),
                    new StreamResult(text));
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
