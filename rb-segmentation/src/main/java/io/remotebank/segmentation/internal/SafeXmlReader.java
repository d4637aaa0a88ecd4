package io.remotebank.segmentation.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.pmml.PmmlException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apiguardian.api.API;

/**
 * Reads a PMML document into a tree of {@link XmlNode}s with the JDK's StAX parser, hardened: a
 * document type declaration (and so every entity, internal or external) is refused, as are
 * processing of external resources, documents over the byte, element, depth or text limits, and any
 * root but a PMML 4.x {@code PMML} element. {@code Extension} elements (vendor data that carries no
 * scoring semantics by definition) are skipped.
 */
@API(status = INTERNAL, since = "0.1")
public final class SafeXmlReader {

    private static final String PMML_NAMESPACE_PREFIX = "http://www.dmg.org/PMML-4_";

    private final long maxBytes;
    private final int maxElements;
    private final int maxDepth;
    private final int maxTextLength;

    /**
     * Creates a reader with limits.
     *
     * @param maxBytes the largest document in bytes
     * @param maxElements the most elements
     * @param maxDepth the deepest nesting
     * @param maxTextLength the longest text of one element or attribute
     */
    public SafeXmlReader(long maxBytes, int maxElements, int maxDepth, int maxTextLength) {
        this.maxBytes = maxBytes;
        this.maxElements = maxElements;
        this.maxDepth = maxDepth;
        this.maxTextLength = maxTextLength;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are refused: " + systemId);
        });
        return f;
    }

    /**
     * Reads a document.
     *
     * @param in the document's bytes (not closed)
     * @return its root, a {@code PMML} element
     */
    public XmlNode read(InputStream in) {
        LimitedStream limited = new LimitedStream(in, maxBytes);
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(limited);
            return readDocument(r);
        } catch (XMLStreamException e) {
            if (limited.exceeded) {
                throw tooLarge("the document is larger than " + maxBytes + " bytes", 0);
            }
            Location at = e.getLocation();
            throw new PmmlException(
                    SegmentationError.PMML_MALFORMED,
                    "",
                    at == null ? 0 : at.getLineNumber(),
                    "not well-formed XML: " + firstLine(e.getMessage()),
                    e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // Nothing to release beyond the parser itself.
                }
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        String m = message.strip();
        int nl = m.lastIndexOf('\n');
        return nl >= 0 ? m.substring(nl + 1).strip() : m;
    }

    private XmlNode readDocument(XMLStreamReader r) throws XMLStreamException {
        Deque<XmlNode> stack = new ArrayDeque<>();
        XmlNode root = null;
        int elements = 0;
        int skipDepth = 0;
        while (r.hasNext()) {
            int event = r.next();
            int line = r.getLocation().getLineNumber();
            switch (event) {
                case XMLStreamConstants.DTD:
                    throw new PmmlException(
                            SegmentationError.PMML_MALFORMED,
                            "",
                            line,
                            "a document type declaration (DTD) is refused: PMML needs none, and DTDs enable entity"
                                    + " expansion and external entities",
                            null);
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new PmmlException(
                            SegmentationError.PMML_MALFORMED,
                            "",
                            line,
                            "entity reference &" + r.getLocalName() + "; is refused",
                            null);
                case XMLStreamConstants.START_ELEMENT: {
                    if (++elements > maxElements) {
                        throw tooLarge("the document has more than " + maxElements + " elements", line);
                    }
                    if (skipDepth > 0) {
                        skipDepth++;
                        break;
                    }
                    String name = r.getLocalName();
                    if (root == null) {
                        checkRoot(r, name, line);
                    } else if (!sameNamespace(r, root)
                            && !"row".equals(stack.peek().name())) {
                        throw new PmmlException(
                                SegmentationError.PMML_UNSUPPORTED,
                                name,
                                line,
                                "element from namespace '" + r.getNamespaceURI() + "' is not PMML",
                                null);
                    }
                    if ("Extension".equals(name)) {
                        skipDepth = 1;
                        break;
                    }
                    if (stack.size() >= maxDepth) {
                        throw tooLarge("elements are nested deeper than " + maxDepth, line);
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String value = r.getAttributeValue(i);
                        if (value.length() > maxTextLength) {
                            throw tooLarge("an attribute is longer than " + maxTextLength + " characters", line);
                        }
                        String ns = r.getAttributeNamespace(i);
                        if (ns == null || ns.isEmpty()) {
                            attributes.put(r.getAttributeLocalName(i), value);
                        }
                    }
                    XmlNode node = new XmlNode(name, line, attributes);
                    if (root == null) {
                        root = node;
                        rootNamespace = r.getNamespaceURI();
                    } else {
                        stack.peek().add(node);
                    }
                    stack.push(node);
                    break;
                }
                case XMLStreamConstants.END_ELEMENT:
                    if (skipDepth > 0) {
                        skipDepth--;
                    } else {
                        stack.pop();
                    }
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                    if (skipDepth == 0 && !stack.isEmpty()) {
                        XmlNode top = stack.peek();
                        if (top.text().length() + r.getTextLength() > maxTextLength) {
                            throw tooLarge(
                                    "the text of <" + top.name() + "> is longer than " + maxTextLength + " characters",
                                    line);
                        }
                        top.appendText(r.getText());
                    }
                    break;
                default:
                    break;
            }
        }
        if (root == null) {
            throw new PmmlException(SegmentationError.PMML_MALFORMED, "", 0, "the document is empty", null);
        }
        return root;
    }

    private String rootNamespace;

    private boolean sameNamespace(XMLStreamReader r, XmlNode root) {
        String ns = r.getNamespaceURI();
        return (ns == null ? "" : ns).equals(rootNamespace == null ? "" : rootNamespace);
    }

    private static void checkRoot(XMLStreamReader r, String name, int line) {
        if (!"PMML".equals(name)) {
            throw new PmmlException(
                    SegmentationError.PMML_MALFORMED, name, line, "the root element must be <PMML>", null);
        }
        String ns = r.getNamespaceURI();
        if (ns != null && !ns.isEmpty() && !ns.startsWith(PMML_NAMESPACE_PREFIX)) {
            throw new PmmlException(
                    SegmentationError.PMML_UNSUPPORTED,
                    name,
                    line,
                    "namespace '" + ns + "' is not PMML 4.x (expected " + PMML_NAMESPACE_PREFIX + "0 to 4)",
                    null);
        }
        String version = r.getAttributeValue(null, "version");
        if (version == null || !version.startsWith("4.")) {
            throw new PmmlException(
                    SegmentationError.PMML_UNSUPPORTED,
                    name,
                    line,
                    "PMML version '" + version + "' is not supported (4.0 to 4.4 are)",
                    null);
        }
    }

    private static PmmlException tooLarge(String message, int line) {
        return new PmmlException(SegmentationError.PMML_TOO_LARGE, "", line, message, null);
    }

    /** Stops the parser once more than the limit has been read. */
    private static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long count;
        boolean exceeded;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        private void count(long n) throws IOException {
            if (n > 0) {
                count += n;
                if (count > limit) {
                    exceeded = true;
                    throw new IOException("document larger than " + limit + " bytes");
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }

        @Override
        public void close() {
            // The caller owns the stream.
        }
    }
}
