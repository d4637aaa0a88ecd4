package io.remotebank.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API gate: each published Java module's public API, as built, must equal its committed
 * signature file {@code <module>/api/<artifactId>.api}. An API change therefore fails the build
 * until the file is updated on purpose, and shows in review as a change to that file. To accept a
 * change: {@code ./mvnw -pl rb-release-checks -am verify -Drb.api.update=true}, then read and
 * commit the diff. A change that removes or alters a line of a STABLE type (or demotes it) fails even
 * then, unless {@code -Drb.api.allowBreaking=true} says the break is deliberate.
 */
class ApiGateTest {

    private static final String HEADER = "# The public API of %s, checked by ApiGateTest (rb-release-checks).\n"
            + "# Changed on purpose only: ./mvnw -pl rb-release-checks -am verify -Drb.api.update=true\n";

    private static Reactor reactor;

    @BeforeAll
    static void readReactor() {
        reactor = Reactor.read(Path.of(System.getProperty("rb.root")));
    }

    @Test
    void everyPublishedModule_matchesItsSignatureFile() throws IOException {
        boolean update = Boolean.getBoolean("rb.api.update");
        boolean allowBreaking = Boolean.getBoolean("rb.api.allowBreaking");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Pom module : reactor.modules()) {
            if (!ModuleKind.of(module.artifactId()).orElseThrow().javaModule()) {
                continue;
            }
            Path classes = module.directory().resolve("target/classes");
            ModuleDescriptor descriptor =
                    ModuleFinder.of(classes).findAll().iterator().next().descriptor();
            List<String> built = ApiSignatures.of(classes, descriptor, ApiGateTest.class.getClassLoader());
            Path file = module.directory().resolve("api").resolve(module.artifactId() + ".api");
            List<String> committed = Files.isRegularFile(file)
                    ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.startsWith("#") && !l.isBlank())
                            .collect(Collectors.toList())
                    : List.of();
            List<String> diff = ApiSignatures.diff(committed, built);
            List<String> breaking = ApiSignatures.breaking(committed, built);
            if (!breaking.isEmpty() && !allowBreaking) {
                failures.add(module.artifactId() + " breaks its STABLE API (a STABLE member is deprecated for a"
                        + " minor release first; before 1.0 a deliberate break is accepted with"
                        + " -Drb.api.allowBreaking=true):\n  " + String.join("\n  ", breaking));
                continue;
            }
            if (!diff.isEmpty()) {
                if (update) {
                    Files.createDirectories(file.getParent());
                    Files.writeString(
                            file,
                            String.format(HEADER, module.artifactId()) + String.join("\n", built) + "\n",
                            StandardCharsets.UTF_8);
                    System.out.println("API of " + module.artifactId() + " updated in " + file + ":\n  "
                            + String.join("\n  ", diff));
                } else {
                    failures.add(module.artifactId() + " (" + file + "):\n  " + String.join("\n  ", diff));
                }
            }
            checked++;
        }
        assertThat(checked).as("published Java modules checked").isGreaterThanOrEqualTo(9);
        assertThat(failures)
                .as("the public API differs from its committed signature file; if the change is meant, run"
                        + " ./mvnw -pl rb-release-checks -am verify -Drb.api.update=true and commit the"
                        + " updated api/*.api files")
                .isEmpty();
    }
}
