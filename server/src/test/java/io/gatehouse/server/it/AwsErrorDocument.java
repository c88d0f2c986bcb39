package io.gatehouse.server.it;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An AWS Query error document ({@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>}) read
 * strictly: anything else, or a message that shows the server's insides, is refused with the reason.
 *
 * @param type      {@code Sender} or {@code Receiver}
 * @param code      the error code
 * @param message   the message
 * @param requestId the request id
 */
record AwsErrorDocument(String type, String code, String message, String requestId) {

    /** What must never reach a client: Java exception and class names, stack frames, the web server's name. */
    private static final List<Pattern> INTERNAL_DETAIL = List.of(
            Pattern.compile("Exception"), Pattern.compile("\\bjava\\."), Pattern.compile("\\bat io\\.gatehouse"),
            Pattern.compile("io\\.gatehouse\\."), Pattern.compile("(?i)helidon"), Pattern.compile("\\bjdk\\."),
            Pattern.compile("\\.java:\\d+"));

    /**
     * Parses the body of an error response.
     *
     * @throws AssertionError when it is not an AWS Query error document
     */
    static AwsErrorDocument parse(byte[] body) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not an XML document: " + new String(body), e);
        }
        check(root.getLocalName().equals("ErrorResponse"), "root is " + root.getLocalName(), body);
        Element error = child(root, "Error", body);
        AwsErrorDocument document = new AwsErrorDocument(child(error, "Type", body).getTextContent(),
                child(error, "Code", body).getTextContent(), child(error, "Message", body).getTextContent(),
                child(root, "RequestId", body).getTextContent());
        check(!document.code().isBlank(), "empty Code", body);
        check(!document.requestId().isBlank(), "empty RequestId", body);
        // the code may be an AWS exception name (RegionDisabledException); everything else must not show one
        String text = new String(body).replace("<Code>" + document.code() + "</Code>", "");
        check(!showsInternalDetail(text), "internal detail shown", body);
        return document;
    }

    /** Whether a text shows internal detail (for answers that are not error documents). */
    static boolean showsInternalDetail(String text) {
        return INTERNAL_DETAIL.stream().anyMatch(p -> p.matcher(text).find());
    }

    private static Element child(Element parent, String name, byte[] body) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getLocalName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">: " + new String(body));
    }

    private static void check(boolean condition, String problem, byte[] body) {
        if (!condition) {
            throw new AssertionError(problem + ": " + new String(body));
        }
    }
}
