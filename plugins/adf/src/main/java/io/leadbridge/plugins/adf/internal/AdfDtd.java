package io.leadbridge.plugins.adf.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a document against the ADF 1.0 DTD shipped in this plugin ({@code adf-1.0.dtd}), the
 * last check before a document leaves: the connector sends nothing a strict receiver would refuse.
 * The only entity the parser may resolve is that DTD, from the plugin's own jar; nothing is loaded
 * from the network or the file system. Thread-safe (a parser per call).
 */
public final class AdfDtd {

    /** The SYSTEM id the doctype names; resolved to the DTD in this jar. */
    static final String SYSTEM_ID = "adf-1.0.dtd";

    private static final String DTD_RESOURCE = "/io/leadbridge/plugins/adf/adf-1.0.dtd";
    private static final String DOCTYPE = "<!DOCTYPE adf SYSTEM \"" + SYSTEM_ID + "\">\n";
    private static final String ROOT = "<adf>";

    private AdfDtd() {
    }

    /**
     * Why the document is not valid ADF 1.0, or empty when it is.
     *
     * @param document a document as {@link AdfDocument} writes it: no doctype, root {@code <adf>}
     */
    public static Optional<String> violation(byte[] document) {
        String text = new String(document, StandardCharsets.UTF_8);
        int root = text.indexOf(ROOT);
        if (root < 0 || text.contains("<!DOCTYPE")) {
            return Optional.of("the document has no <adf> root, or a doctype of its own");
        }
        String withDoctype = text.substring(0, root) + DOCTYPE + text.substring(root);
        try {
            DocumentBuilder parser = parser();
            parser.parse(new InputSource(new ByteArrayInputStream(withDoctype.getBytes(StandardCharsets.UTF_8))));
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of("line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setValidating(true);
            factory.setNamespaceAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            DocumentBuilder parser = factory.newDocumentBuilder();
            parser.setEntityResolver((publicId, systemId) -> {
                if (systemId == null || !systemId.endsWith("/" + SYSTEM_ID) && !systemId.equals(SYSTEM_ID)) {
                    throw new SAXException("only the ADF 1.0 DTD may be loaded, not " + systemId);
                }
                InputStream dtd = AdfDtd.class.getResourceAsStream(DTD_RESOURCE);
                if (dtd == null) {
                    throw new SAXException("the plugin jar has no " + DTD_RESOURCE);
                }
                return new InputSource(dtd);
            });
            parser.setErrorHandler(new FailOnAnyError());
            return parser;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    /** Validity errors are not fatal to a parser by default: here they are. Stateless. */
    private static final class FailOnAnyError implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) {
            // Warnings (such as an attribute declared twice) do not make a document invalid.
        }

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    }
}
