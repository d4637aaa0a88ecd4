package io.remotebank.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkModulesTest {

    @TempDir
    Path root;

    @Test
    void installed_findsRbCoreWithTheBuildVersion() {
        assertThat(SdkModules.installed())
                .contains(new SdkModule("rb-core", "io.remotebank.core", System.getProperty("rb.version")));
    }

    @Test
    void installed_listsModulesInPublishedOrder() throws IOException {
        metadata("rb-routing", "io.remotebank.routing", "1.0.0");
        metadata("rb-core", "io.remotebank.core", "1.0.0");

        try (URLClassLoader loader = loader()) {
            assertThat(SdkModules.installed(loader))
                    .extracting(SdkModule::artifactId)
                    .containsExactly("rb-core", "rb-routing");
        }
    }

    @Test
    void modulesOfDifferentReleases_areMixed() throws IOException {
        metadata("rb-core", "io.remotebank.core", "1.0.0");
        metadata("rb-channels", "io.remotebank.channels", "1.1.0");

        try (URLClassLoader loader = loader()) {
            assertThat(SdkModules.hasMixedVersions(SdkModules.installed(loader)))
                    .isTrue();
        }
    }

    @Test
    void modulesOfOneRelease_areNotMixed() {
        List<SdkModule> modules = List.of(
                new SdkModule("rb-core", "io.remotebank.core", "1.0.0"),
                new SdkModule("rb-routing", "io.remotebank.routing", "1.0.0"));

        assertThat(SdkModules.hasMixedVersions(modules)).isFalse();
        assertThat(SdkModules.hasMixedVersions(List.of())).isFalse();
    }

    @Test
    void absentModule_isEmpty() throws IOException {
        try (URLClassLoader loader = loader()) {
            assertThat(SdkModules.find("rb-channels", loader)).isEmpty();
        }
    }

    @Test
    void invalidMetadata_isReportedWithTheArtifact() throws IOException {
        metadata("rb-channels", "org.example.channels", "1.0.0");

        try (URLClassLoader loader = loader()) {
            assertThatThrownBy(() -> SdkModules.find("rb-channels", loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("invalid metadata of rb-channels")
                    .hasMessageContaining("org.example.channels");
        }
    }

    @Test
    void sdkModule_rejectsBadFields() {
        assertThatThrownBy(() -> new SdkModule("core", "io.remotebank.core", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rb-name");
        assertThatThrownBy(() -> new SdkModule("rb-core", "io.remotebank.core", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> new SdkModule(null, "io.remotebank.core", "1"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aNettyOlderThanAModuleNeeds_isAProblem_namingBoth() throws IOException {
        metadata("rb-core", "io.remotebank.core", "1.0.0");
        metadata("rb-video-signaling", "io.remotebank.signaling", "1.0.0", "requires.netty=4.2.18.Final\n");
        nettyJar("netty-common.version=4.1.118.Final\nnetty-common.commitDate=2025\n");

        try (URLClassLoader loader = loader()) {
            assertThat(SdkModules.problems(loader))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("rb-video-signaling needs Netty 4.2 (built with 4.2.18.Final)")
                    .contains("netty-common 4.1.118.Final is present")
                    .contains("io.netty:netty-bom:4.2.18.Final");
        }
    }

    @Test
    void aNewerNettyOfTheSameLine_isFine() throws IOException {
        metadata("rb-video-signaling", "io.remotebank.signaling", "1.0.0", "requires.netty=4.2.18.Final\n");
        nettyJar("netty-common.version=4.2.3.Final\n");

        try (URLClassLoader loader = loader()) {
            assertThat(SdkModules.problems(loader)).isEmpty();
        }
    }

    @Test
    void mixedReleases_areAProblemToo() throws IOException {
        metadata("rb-core", "io.remotebank.core", "1.0.0");
        metadata("rb-channels", "io.remotebank.channels", "1.1.0");

        try (URLClassLoader loader = loader()) {
            assertThat(SdkModules.problems(loader))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("different releases")
                    .contains("rb-bom");
        }
    }

    private void nettyJar(String versions) throws IOException {
        Files.createDirectories(root.resolve("META-INF"));
        Files.writeString(root.resolve("META-INF/io.netty.versions.properties"), versions);
    }

    private void metadata(String artifactId, String module, String version, String extra) throws IOException {
        metadata(artifactId, module, version);
        Path file = root.resolve("META-INF/remotebank/" + artifactId + "/module.properties");
        Files.writeString(file, Files.readString(file) + extra);
    }

    private void metadata(String artifactId, String module, String version) throws IOException {
        Path dir = Files.createDirectories(root.resolve("META-INF/remotebank/" + artifactId));
        Files.writeString(
                dir.resolve("module.properties"),
                "artifactId=" + artifactId + "\nmodule=" + module + "\nversion=" + version + "\n");
    }

    private URLClassLoader loader() throws IOException {
        // No parent: only the temporary directory is searched.
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }
}
