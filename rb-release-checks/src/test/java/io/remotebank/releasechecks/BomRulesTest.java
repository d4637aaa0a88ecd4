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

    private static final String H2_AT_PARENT_VERSION = "<properties><h2.version>2.3.232</h2.version></properties>";

    private static String thirdParty(String groupId, String artifactId, String version) {
        return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId><version>"
                + version + "</version></dependency>";
    }

    private static String bom(String parent, String... artifacts) {
        return bomWith(parent, "", "", artifacts);
    }

    private static String bomWith(String parent, String properties, String thirdParty, String... artifacts) {
        StringBuilder managed = new StringBuilder(thirdParty);
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
                  %s
                  <dependencyManagement><dependencies>%s</dependencies></dependencyManagement>
                </project>
                """.formatted(parent, properties, managed);
    }

    private Reactor reactor(String bom) throws IOException {
        write("", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <groupId>io.remotebank</groupId><artifactId>rb-parent</artifactId><version>1.0</version>
                  <packaging>pom</packaging>
                  <modules><module>rb-bom</module><module>rb-core</module><module>rb-routing</module><module>rb-benchmarks</module></modules>
                  <properties><h2.version>2.3.232</h2.version></properties>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><version>${h2.version}</version></dependency>
                  </dependencies></dependencyManagement>
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
    void thirdPartyArtifact_atTheParentsVersion_passes() throws IOException {
        Reactor reactor = reactor(bomWith(
                "",
                H2_AT_PARENT_VERSION,
                thirdParty("com.h2database", "h2", "${h2.version}"),
                "rb-core",
                "rb-routing"));

        assertThat(BomRules.check(reactor, List.of("rb-core", "rb-routing"))).isEmpty();
    }

    @Test
    void thirdPartyArtifact_atAnotherVersion_isReported() throws IOException {
        Reactor reactor =
                reactor(bomWith("", "", thirdParty("com.h2database", "h2", "2.2.224"), "rb-core", "rb-routing"));

        assertThat(BomRules.check(reactor, List.of("rb-core", "rb-routing")))
                .containsExactly("rb-bom has com.h2database:h2 at 2.2.224 but the parent POM at 2.3.232");
    }

    @Test
    void thirdPartyArtifact_theParentDoesNotManage_isReported() throws IOException {
        Reactor reactor =
                reactor(bomWith("", "", thirdParty("io.netty", "netty-handler", "4.1.0"), "rb-core", "rb-routing"));

        assertThat(BomRules.check(reactor, List.of("rb-core", "rb-routing")))
                .singleElement()
                .asString()
                .startsWith("rb-bom manages io.netty:netty-handler, which the parent POM does not manage");
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
