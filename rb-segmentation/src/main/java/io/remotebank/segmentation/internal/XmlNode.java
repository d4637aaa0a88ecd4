package io.remotebank.segmentation.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.pmml.PmmlException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/** One element of a parsed PMML document: its local name, line, attributes, children and text. */
@API(status = INTERNAL, since = "0.1")
public final class XmlNode {

    private final String name;
    private final int line;
    private final Map<String, String> attributes;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    XmlNode(String name, int line, Map<String, String> attributes) {
        this.name = name;
        this.line = line;
        this.attributes = new LinkedHashMap<>(attributes);
    }

    void add(XmlNode child) {
        children.add(child);
    }

    void appendText(String s) {
        text.append(s);
    }

    /** The local name. */
    public String name() {
        return name;
    }

    /** The line the element starts on. */
    public int line() {
        return line;
    }

    /** The element's own text, trimmed. */
    public String text() {
        return text.toString().trim();
    }

    /** The children, in document order, without {@code Extension} elements. */
    public List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The children with the given name. */
    public List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The only child with the given name, if any; two are refused. */
    public Optional<XmlNode> child(String childName) {
        List<XmlNode> found = children(childName);
        if (found.size() > 1) {
            throw found.get(1).invalid("only one <" + childName + "> is allowed in <" + name + ">");
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The only child with the given name; its absence is refused. */
    public XmlNode requiredChild(String childName) {
        return child(childName).orElseThrow(() -> invalid("a <" + childName + "> child is required"));
    }

    /** Refuses any child whose name is not in the given set, naming it and its line. */
    public void allowOnly(Set<String> names) {
        for (XmlNode c : children) {
            if (!names.contains(c.name)) {
                throw c.unsupported("element <" + c.name + "> is not supported inside <" + name + ">");
            }
        }
    }

    /** An attribute, if present. */
    public Optional<String> attr(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    /** An attribute, or the default. */
    public String attr(String attribute, String defaultValue) {
        return attributes.getOrDefault(attribute, defaultValue);
    }

    /** A required attribute. */
    public String required(String attribute) {
        String value = attributes.get(attribute);
        if (value == null) {
            throw invalid("attribute '" + attribute + "' is required");
        }
        return value;
    }

    /** A numeric attribute, or the default. */
    public double number(String attribute, double defaultValue) {
        String value = attributes.get(attribute);
        return value == null ? defaultValue : parseNumber(attribute, value);
    }

    /** A required numeric attribute. */
    public double requiredNumber(String attribute) {
        return parseNumber(attribute, required(attribute));
    }

    /** A numeric attribute if present. */
    public Optional<Double> optionalNumber(String attribute) {
        String value = attributes.get(attribute);
        return value == null ? Optional.empty() : Optional.of(parseNumber(attribute, value));
    }

    private double parseNumber(String attribute, String value) {
        try {
            return Numbers.parse(value.trim());
        } catch (NumberFormatException e) {
            throw invalid("attribute '" + attribute + "' is not a number: '" + value + "'");
        }
    }

    /** A boolean attribute, or the default. */
    public boolean bool(String attribute, boolean defaultValue) {
        String value = attributes.get(attribute);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.trim()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw invalid("attribute '" + attribute + "' is not a boolean: '" + value + "'");
        };
    }

    /** An enumerated attribute: one of the allowed values or the default; others are refused as unsupported. */
    public String oneOf(String attribute, String defaultValue, Set<String> allowed) {
        String value = attr(attribute, defaultValue);
        if (!allowed.contains(value)) {
            throw unsupported(
                    attribute + "=\"" + value + "\" is not supported (supported: " + String.join(", ", allowed) + ")");
        }
        return value;
    }

    /** An exception for an inconsistent document, naming this element and line. */
    public PmmlException invalid(String message) {
        return new PmmlException(SegmentationError.PMML_INVALID, name, line, message, null);
    }

    /** An exception for an unsupported feature, naming this element and line. */
    public PmmlException unsupported(String message) {
        return new PmmlException(SegmentationError.PMML_UNSUPPORTED, name, line, message, null);
    }

    @Override
    public String toString() {
        return "<" + name + "> at line " + line;
    }
}
