package io.remotebank.channels.wechat.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.wechat.CallbackException;
import io.remotebank.channels.wechat.WeChatError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apiguardian.api.API;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a WeChat XML body ({@code <xml><Field>value</Field>...</xml>}) into its fields, with DTDs
 * refused outright: no document type declaration means no internal or external entity, so neither
 * XXE (file or network reads) nor entity expansion (billion laughs) can happen. External DTDs,
 * schemas and XInclude are off as well, in case a later change lets a DOCTYPE through.
 */
@API(status = INTERNAL, since = "0.1")
public final class SafeXml {

    /** Deeper nesting than WeChat's (two levels) is refused. */
    private static final int MAX_DEPTH = 4;

    private static final int MAX_FIELDS = 256;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private SafeXml() {}

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports these features", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        return factory;
    }

    /**
     * Parses a body.
     *
     * @param body the bytes (the XML declaration, if any, names the encoding; UTF-8 otherwise)
     * @return the fields by name, nested ones by path ({@code Parent/Child})
     * @throws CallbackException with {@link WeChatError#BODY_INVALID} when the body is not
     *     well-formed, has a DOCTYPE, a root other than {@code xml}, a field twice, or nests too deep
     */
    public static Map<String, String> fields(byte[] body) {
        Element root;
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            // No entity resolver can be reached: a DOCTYPE is refused before any would be asked.
            root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new CallbackException(WeChatError.BODY_INVALID, "the body is not acceptable XML: " + reason(e));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the hardened XML factory builds parsers", e);
        }
        if (!root.getTagName().equals("xml")) {
            throw new CallbackException(WeChatError.BODY_INVALID, "the root element is not <xml>");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        collect(root, "", 1, fields);
        return fields;
    }

    private static void collect(Element element, String prefix, int depth, Map<String, String> fields) {
        if (depth > MAX_DEPTH) {
            throw new CallbackException(WeChatError.BODY_INVALID, "the XML nests deeper than " + MAX_DEPTH);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            Element field = (Element) child;
            String name = prefix + field.getTagName();
            if (hasElementChildren(field)) {
                collect(field, name + "/", depth + 1, fields);
            } else if (fields.putIfAbsent(name, field.getTextContent()) != null) {
                if (prefix.isEmpty()) {
                    // Two FromUserName fields: which one a check read and which one the application
                    // acts on could differ.
                    throw new CallbackException(WeChatError.BODY_INVALID, "field " + name + " appears twice");
                }
            }
            if (fields.size() > MAX_FIELDS) {
                throw new CallbackException(
                        WeChatError.BODY_INVALID, "the XML has more than " + MAX_FIELDS + " fields");
            }
        }
    }

    private static boolean hasElementChildren(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The parser's messages quote no content, but keep them short.
        return message.length() > 160 ? message.substring(0, 160) + "..." : message;
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
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
