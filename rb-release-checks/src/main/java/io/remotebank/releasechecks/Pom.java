package io.remotebank.releasechecks;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apiguardian.api.API;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The parts of one {@code pom.xml} that the release checks need, read as plain XML (no Maven model
 * building: what is checked is what is written).
 *
 * @param directory the module directory
 * @param artifactId the artifact id
 * @param version the version, own or the parent's
 * @param packaging jar, pom, ...
 * @param parentArtifactId the parent's artifact id, if any
 * @param properties the {@code <properties>}
 * @param modules the {@code <modules>} of an aggregator
 * @param dependencies the {@code <dependencies>}
 * @param managedDependencies the {@code <dependencyManagement>} entries
 * @param hasPluginManagement whether the POM declares {@code <pluginManagement>} or {@code <plugins>}
 */
@API(status = INTERNAL, since = "0.1")
public record Pom(
        Path directory,
        String artifactId,
        String version,
        String packaging,
        Optional<String> parentArtifactId,
        Map<String, String> properties,
        List<String> modules,
        List<Dependency> dependencies,
        List<Dependency> managedDependencies,
        boolean hasPluginManagement) {

    /**
     * A dependency as written.
     *
     * @param groupId group id
     * @param artifactId artifact id
     * @param version version, or empty when managed
     * @param scope scope, {@code compile} when absent
     * @param type type, {@code jar} when absent
     */
    @API(status = INTERNAL, since = "0.1")
    public record Dependency(String groupId, String artifactId, String version, String scope, String type) {
        /** Validates the fields. */
        public Dependency {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(artifactId, "artifactId");
        }

        /** Whether this is one of our artifacts. */
        public boolean isRemoteBank() {
            return groupId.equals("io.remotebank");
        }
    }

    /** Copies the collections. */
    public Pom {
        properties = Map.copyOf(properties);
        modules = List.copyOf(modules);
        dependencies = List.copyOf(dependencies);
        managedDependencies = List.copyOf(managedDependencies);
    }

    /**
     * Reads {@code directory/pom.xml}.
     *
     * @param directory the module directory
     * @return the POM
     * @throws IllegalStateException when the file is missing or not a POM
     */
    public static Pom read(Path directory) {
        Path file = directory.resolve("pom.xml");
        Element project;
        try (InputStream in = Files.newInputStream(file)) {
            Document document = secureBuilder().parse(in);
            project = document.getDocumentElement();
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!project.getLocalName().equals("project")) {
            throw new IllegalStateException(file + " is not a Maven POM");
        }
        Optional<Element> parent = child(project, "parent");
        String version = text(project, "version")
                .or(() -> parent.flatMap(p -> text(p, "version")))
                .orElseThrow(() -> new IllegalStateException(file + " has no version"));
        Map<String, String> properties = new LinkedHashMap<>();
        child(project, "properties").ifPresent(p -> {
            for (Element e : children(p)) {
                properties.put(e.getLocalName(), e.getTextContent().trim());
            }
        });
        List<String> modules = new ArrayList<>();
        child(project, "modules")
                .ifPresent(m ->
                        children(m).forEach(e -> modules.add(e.getTextContent().trim())));
        Optional<Element> build = child(project, "build");
        return new Pom(
                directory,
                text(project, "artifactId").orElseThrow(() -> new IllegalStateException(file + " has no artifactId")),
                version,
                text(project, "packaging").orElse("jar"),
                parent.flatMap(p -> text(p, "artifactId")),
                properties,
                modules,
                dependencies(child(project, "dependencies")),
                dependencies(child(project, "dependencyManagement").flatMap(dm -> child(dm, "dependencies"))),
                build.isPresent()
                        && (child(build.get(), "plugins").isPresent()
                                || child(build.get(), "pluginManagement")
                                        .flatMap(pm -> child(pm, "plugins"))
                                        .map(ps -> !children(ps).isEmpty())
                                        .orElse(false)));
    }

    /** A property of this POM, if it declares it. */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    private static List<Dependency> dependencies(Optional<Element> list) {
        List<Dependency> result = new ArrayList<>();
        list.ifPresent(l -> {
            for (Element d : children(l)) {
                result.add(new Dependency(
                        text(d, "groupId").orElse(""),
                        text(d, "artifactId").orElse(""),
                        text(d, "version").orElse(""),
                        text(d, "scope").orElse("compile"),
                        text(d, "type").orElse("jar")));
            }
        });
        return result;
    }

    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // No DTDs, no external entities, no XInclude: a POM never needs them.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser rejects secure settings", e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getLocalName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }
}
