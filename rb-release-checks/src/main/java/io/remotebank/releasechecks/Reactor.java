package io.remotebank.releasechecks;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The root POM and the POM of every module it lists.
 *
 * @param root the parent POM
 * @param modules the modules, in the order the root lists them
 */
@API(status = INTERNAL, since = "0.1")
public record Reactor(Pom root, List<Pom> modules) {

    /** Copies the list. */
    public Reactor {
        Objects.requireNonNull(root, "root");
        modules = List.copyOf(modules);
    }

    /**
     * Reads the reactor rooted at a directory.
     *
     * @param rootDirectory the directory of the root {@code pom.xml}
     * @return the reactor
     */
    public static Reactor read(Path rootDirectory) {
        Pom root = Pom.read(rootDirectory);
        List<Pom> modules = new ArrayList<>();
        for (String module : root.modules()) {
            modules.add(Pom.read(rootDirectory.resolve(module)));
        }
        return new Reactor(root, modules);
    }

    /** The module with this artifact id, if the reactor has it. */
    public Optional<Pom> module(String artifactId) {
        return modules.stream().filter(m -> m.artifactId().equals(artifactId)).findFirst();
    }

    /**
     * Whether a module is published: it is the BOM, or it inherits from the root and does not set
     * {@code rb.published} to false.
     *
     * @param module a module of this reactor
     * @return whether a bank may depend on it
     */
    public boolean published(Pom module) {
        if (module.parentArtifactId().isEmpty()) {
            return module.packaging().equals("pom");
        }
        return !module.property("rb.published").orElse("true").equals("false");
    }
}
