package io.remotebank.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rb-bom's rules, on small reactors written to a temporary directory. */
class BomRulesTest {

    @TempDir
    Path root;

    private void write(String module, String content) throws IOException {
        Path dir = module.isEmpty() ? root : Files.createDirectories(root.resolve(module));
        Files.writeString(dir.resolve("pom.xml"), content);
    }

    private static String jarModule(String artifactId, String extraProperties) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <parent><groupId>io.remotebank</groupId><artifactId>rb-parent</artifactId><version>1.0</version></parent>
                  <artifactId>%s</artifactId>
                  <properties>%s</properties>
                </project>
                """.formatted(artifactId, extraProperties);
    }

    private static String bom(String parent, String... artifacts) {
        StringBuilder managed = new StringBuilder();
        for (String a : artifacts) {
            managed.append("<dependency><groupId>io.remotebank</groupId><artifactId>")
                    .append(a)
                    .append("</artifactId><version>${project.version}</version></dependency>");
        }
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  %s
                  <groupId>io.remotebank</groupId><artifactId>rb-bom</artifactId><version>1.0</version>
                  <packaging>pom</packaging>
                  <dependencyManagement><dependencies>%s</dependencies></dependencyManagement>
                </project>
                """.formatted(parent, managed);
    }

    private Reactor reactor(String bom) throws IOException {
        write("", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <groupId>io.remotebank</groupId><artifactId>rb-parent</artifactId><version>1.0</version>
                  <packaging>pom</packaging>
                  <modules><module>rb-bom</module><module>rb-core</module><module>rb-routing</module><module>rb-benchmarks</module></modules>
                </project>
                """);
        write("rb-bom", bom);
        write("rb-core", jarModule("rb-core", ""));
        write("rb-routing", jarModule("rb-routing", ""));
        write("rb-benchmarks", jarModule("rb-benchmarks", "<rb.published>false</rb.published>"));
        return Reactor.read(root);
    }

    @Test
    void completeBom_passes() throws IOException {
        Reactor reactor = reactor(bom("", "rb-core", "rb-routing"));

        assertThat(BomRules.check(reactor, List.of("rb-core", "rb-routing"))).isEmpty();
    }

    @Test
    void missingPublishedModule_isReported() throws IOException {
        Reactor reactor = reactor(bom("", "rb-core"));

        assertThat(BomRules.check(reactor, List.of("rb-core", "rb-routing")))
                .containsExactly("published module rb-routing is missing from rb-bom");
    }

    @Test
    void unpublishedModuleInBom_isReported() throws IOException {
        Reactor reactor = reactor(bom("", "rb-core", "rb-routing", "rb-benchmarks"));

        assertThat(BomRules.check(reactor, List.of("rb-core", "rb-routing")))
                .containsExactly("rb-bom lists rb-benchmarks, which is not a published module of the reactor");
    }

    @Test
    void bomWithParent_isReported() throws IOException {
        Reactor reactor = reactor(bom(
                "<parent><groupId>io.remotebank</groupId><artifactId>rb-parent</artifactId><version>1.0</version></parent>",
                "rb-core",
                "rb-routing"));

        assertThat(BomRules.check(reactor, List.of("rb-core", "rb-routing")))
                .singleElement()
                .asString()
                .startsWith("rb-bom inherits from rb-parent");
    }

    @Test
    void coreListOutOfStep_isReported() throws IOException {
        Reactor reactor = reactor(bom("", "rb-core", "rb-routing"));

        assertThat(BomRules.check(reactor, List.of("rb-core")))
                .singleElement()
                .asString()
                .startsWith("SdkModules.PUBLISHED_ARTIFACTS [rb-core] differs");
    }

    @Test
    void pomWithDoctype_isRefused() throws IOException {
        write("", """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <project><artifactId>&xxe;</artifactId><version>1</version></project>
                """);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reactor.read(root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
