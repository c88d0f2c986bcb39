package io.gatehouse.server.state;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser locked down for XML that strangers send (SAML metadata, SAML responses), as DESIGN.md's
 * security rules require: any document type declaration is refused (no DTD, no internal or external entity, so no
 * XXE and no entity expansion), external DTDs and schemas are never fetched, XInclude is off, secure processing is
 * on, and parse errors are thrown rather than printed.
 */
public final class SecureXml {

    /** A document that is not well-formed XML without a document type declaration. */
    public static final class UnreadableXmlException extends IllegalArgumentException {
        UnreadableXmlException() {
            super("not well-formed XML without a document type declaration");
        }
    }

    private SecureXml() {}

    /**
     * Parses a namespace-aware DOM.
     *
     * @throws UnreadableXmlException when the text is not well-formed or declares a document type
     */
    public static Document parse(String document) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(STRICT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not resolved");
            });
            return builder.parse(new InputSource(new StringReader(document)));
        } catch (SAXException | IOException e) {
            throw new UnreadableXmlException();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be locked down", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Fails on every error rather than printing it to standard error, as the JDK's default handler does. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
