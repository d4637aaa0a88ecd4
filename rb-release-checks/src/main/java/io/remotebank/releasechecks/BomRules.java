package io.remotebank.releasechecks;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/** rb-bom lists every published module at the reactor's version, and inherits nothing. */
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
                violations.add("rb-bom manages " + managed.groupId() + ":" + managed.artifactId()
                        + "; it lists our artifacts only");
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
}
