package io.remotebank.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API signature reader, on fixtures whose API is known. */
class ApiSignaturesSelfTest {

    private static final Path TEST_CLASSES = Path.of("target/test-classes");

    private static List<String> gammaApi() {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("fixtures")
                .packages(Set.of(
                        "io.remotebank.releasechecks.fixtures.gamma",
                        "io.remotebank.releasechecks.fixtures.alpha",
                        "io.remotebank.releasechecks.fixtures.alpha.internal"))
                .exports("io.remotebank.releasechecks.fixtures.gamma")
                .exports("io.remotebank.releasechecks.fixtures.alpha")
                .build();
        return ApiSignatures.of(TEST_CLASSES, descriptor, ApiSignaturesSelfTest.class.getClassLoader());
    }

    @Test
    void showsPublicAndProtectedMembers_withGenericsAndApiStatus() {
        assertThat(gammaApi())
                .contains(
                        "io.remotebank.releasechecks.fixtures.gamma.Gamma : public abstract class Gamma<T extends"
                                + " java.lang.Comparable<T>> @API(STABLE, since 0.1) implements"
                                + " java.util.function.Supplier<java.util.List<T>>",
                        "io.remotebank.releasechecks.fixtures.gamma.Gamma | public static final int LIMIT",
                        "io.remotebank.releasechecks.fixtures.gamma.Gamma | protected java.lang.String shown",
                        "io.remotebank.releasechecks.fixtures.gamma.Gamma | protected Gamma(java.lang.String)",
                        "io.remotebank.releasechecks.fixtures.gamma.Gamma | public abstract <R> R"
                                + " map(java.util.function.Function<? super T, R>) throws java.io.IOException",
                        "io.remotebank.releasechecks.fixtures.gamma.Gamma | protected void hook()",
                        "io.remotebank.releasechecks.fixtures.gamma.Gamma.Pair : public static final record Pair"
                                + " @API(EXPERIMENTAL, since 0.2)",
                        "io.remotebank.releasechecks.fixtures.gamma.Gamma.Pair | public int right()");
    }

    @Test
    void leavesOut_packagePrivate_privateTypes_unexportedPackages_andProtectedOfFinalClasses() {
        List<String> api = gammaApi();
        assertThat(api).noneMatch(l -> l.contains("hidden") || l.contains("packagePrivate"));
        assertThat(api).noneMatch(l -> l.contains("Hidden"));
        assertThat(api).noneMatch(l -> l.contains("AlphaSecret"));
        assertThat(api).noneMatch(l -> l.contains("notApi"));
        assertThat(api).anyMatch(l -> l.contains("fixtures.alpha.Alpha | public int value()"));
    }

    @Test
    void sealedTypes_nameWhatTheyPermit() {
        assertThat(gammaApi())
                .anyMatch(l -> l.startsWith("io.remotebank.releasechecks.fixtures.gamma.Gamma.Outcome : public abstract"
                                + " static interface Outcome @API(STABLE, since 0.1) permits")
                        && l.endsWith("permits io.remotebank.releasechecks.fixtures.gamma.Gamma.Outcome.Done,"
                                + " io.remotebank.releasechecks.fixtures.gamma.Gamma.Outcome.Failed"));
    }

    @Test
    void linesAreSorted_soThatTheFileIsStable() {
        List<String> api = gammaApi();
        assertThat(api).isSorted();
    }

    @Test
    void diff_showsWhatWentAndWhatCame() {
        assertThat(ApiSignatures.diff(List.of("a", "b", "c"), List.of("a", "c", "d")))
                .containsExactly("- b", "+ d");
        assertThat(ApiSignatures.diff(List.of("a"), List.of("a"))).isEmpty();
    }

    @Test
    void breaking_isARemovalFromAStableType_orItsDemotion() {
        List<String> committed = List.of(
                "a.Kept : public final class Kept @API(STABLE, since 0.1)",
                "a.Kept | public int size()",
                "a.Loose : public final class Loose @API(EXPERIMENTAL, since 0.1)",
                "a.Loose | public int size()");
        assertThat(ApiSignatures.breaking(
                        committed,
                        List.of(
                                "a.Kept : public final class Kept @API(STABLE, since 0.1)",
                                "a.Kept | public int size()",
                                "a.Kept | public int more()",
                                "a.Loose : public final class Loose @API(EXPERIMENTAL, since 0.1)")))
                .as("additions to a STABLE type and removals from an EXPERIMENTAL one break nothing")
                .isEmpty();
        assertThat(ApiSignatures.breaking(
                        committed,
                        List.of(
                                "a.Kept : public final class Kept @API(EXPERIMENTAL, since 0.1)",
                                "a.Loose : public final class Loose @API(EXPERIMENTAL, since 0.1)",
                                "a.Loose | public int size()")))
                .containsExactly(
                        "- a.Kept : public final class Kept @API(STABLE, since 0.1)", "- a.Kept | public int size()");
    }
}
