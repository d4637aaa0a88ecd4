package io.remotebank.releasechecks;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * rb-bom lists every published module at the reactor's version, and inherits nothing. Besides our
 * artifacts it may manage a third-party artifact that the parent POM manages (the optional ones our
 * guides name, such as H2 and the PostgreSQL driver), at exactly the parent's version, so that a
 * guide's snippet builds with the BOM alone and the BOM never drifts from what we test with.
 */
@API(status = INTERNAL, since = "0.1")
public final class BomRules {

    private BomRules() {}

    /**
     * Checks rb-bom against the reactor and against the list rb-core keeps of published artifacts.
     *
     * @param reactor the reactor, including rb-bom
     * @param coreKnownArtifacts {@code io.remotebank.core.SdkModules.PUBLISHED_ARTIFACTS}
     * @return the violations
     */
    public static List<String> check(Reactor reactor, List<String> coreKnownArtifacts) {
        List<String> violations = new ArrayList<>();
        Pom bom = reactor.module("rb-bom").orElse(null);
        if (bom == null) {
            return List.of("the reactor has no rb-bom module");
        }
        if (bom.parentArtifactId().isPresent()) {
            violations.add("rb-bom inherits from " + bom.parentArtifactId().get()
                    + ": a BOM must not pass our build configuration to the banks that import it");
        }
        if (!bom.dependencies().isEmpty()) {
            violations.add("rb-bom declares dependencies; a BOM only manages versions");
        }
        if (!bom.version().equals(reactor.root().version())) {
            violations.add("rb-bom is at " + bom.version() + " but the reactor at "
                    + reactor.root().version());
        }
        Set<String> listed = new TreeSet<>();
        for (Pom.Dependency managed : bom.managedDependencies()) {
            if (!managed.isRemoteBank()) {
                thirdParty(bom, reactor.root(), managed).ifPresent(violations::add);
                continue;
            }
            listed.add(managed.artifactId());
            if (!managed.version().equals("${project.version}")
                    && !managed.version().equals(bom.version())) {
                violations.add("rb-bom has " + managed.artifactId() + " at " + managed.version()
                        + " instead of the BOM's own version");
            }
            if (!managed.scope().equals("compile") || !managed.type().equals("jar")) {
                violations.add("rb-bom has " + managed.artifactId() + " with scope/type " + managed.scope() + "/"
                        + managed.type());
            }
        }
        Set<String> published = new TreeSet<>();
        for (Pom module : reactor.modules()) {
            if (reactor.published(module) && !module.packaging().equals("pom")) {
                published.add(module.artifactId());
            }
        }
        for (String artifact : published) {
            if (!listed.contains(artifact)) {
                violations.add("published module " + artifact + " is missing from rb-bom");
            }
        }
        for (String artifact : listed) {
            if (!published.contains(artifact)) {
                violations.add("rb-bom lists " + artifact + ", which is not a published module of the reactor");
            }
        }
        if (!new TreeSet<>(coreKnownArtifacts).equals(published)) {
            violations.add("SdkModules.PUBLISHED_ARTIFACTS " + new TreeSet<>(coreKnownArtifacts)
                    + " differs from the published modules " + published);
        }
        return violations;
    }

    /** A third-party entry must be one the parent manages, at the parent's version, as a plain jar. */
    private static Optional<String> thirdParty(Pom bom, Pom parent, Pom.Dependency managed) {
        String name = managed.groupId() + ":" + managed.artifactId();
        Optional<Pom.Dependency> inParent = parent.managedDependencies().stream()
                .filter(d ->
                        d.groupId().equals(managed.groupId()) && d.artifactId().equals(managed.artifactId()))
                .findFirst();
        if (inParent.isEmpty()) {
            return Optional.of("rb-bom manages " + name
                    + ", which the parent POM does not manage; it lists our artifacts and the parent's"
                    + " versions of the third-party artifacts our guides name");
        }
        String version = resolve(bom, managed.version());
        String parentVersion = resolve(parent, inParent.get().version());
        if (!version.equals(parentVersion)) {
            return Optional.of("rb-bom has " + name + " at " + version + " but the parent POM at " + parentVersion);
        }
        if (!managed.scope().equals("compile") || !managed.type().equals("jar")) {
            return Optional.of("rb-bom has " + name + " with scope/type " + managed.scope() + "/" + managed.type());
        }
        return Optional.empty();
    }

    /** A version as written, with a {@code ${property}} of the same POM put in. */
    private static String resolve(Pom pom, String version) {
        if (version.startsWith("${") && version.endsWith("}")) {
            return pom.property(version.substring(2, version.length() - 1)).orElse(version);
        }
        return version;
    }
}
