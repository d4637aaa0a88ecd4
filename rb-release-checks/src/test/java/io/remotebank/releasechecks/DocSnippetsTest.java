package io.remotebank.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocSnippetsTest {

    @TempDir
    Path dir;

    @Test
    void readmeAndDocs_showTheCodeTheBuildCompiles() throws IOException {
        Path root = Path.of(System.getProperty("rb.root"));
        Map<String, String> substitutions =
                Map.of("@project.version@", Reactor.read(root).root().version());
        List<Path> markdown = new ArrayList<>();
        markdown.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(markdown::add);
        }

        List<String> violations = new ArrayList<>();
        int markers = 0;
        for (Path file : markdown) {
            violations.addAll(
                    Boolean.getBoolean("rb.docs.update")
                            ? DocSnippets.update(root, file, substitutions)
                            : DocSnippets.check(root, file, substitutions));
            markers += (int) Files.readAllLines(file).stream()
                    .filter(l -> l.contains("<!-- snippet:"))
                    .count();
        }

        assertThat(markers).as("snippet markers in README.md and docs/").isPositive();
        assertThat(violations).isEmpty();
    }

    @Test
    void matchingBlock_passes() throws IOException {
        Files.writeString(dir.resolve("Example.java"), """
                class Example {
                    // tag::hello[]
                    void hello() {
                        System.out.println("hi @v@");
                    }
                    // end::hello[]
                }
                """);
        Path md = Files.writeString(dir.resolve("doc.md"), """
                Intro
                <!-- snippet: Example.java#hello -->
                ```java
                void hello() {
                    System.out.println("hi 1.0");
                }
                ```
                """);

        assertThat(DocSnippets.check(dir, md, Map.of("@v@", "1.0"))).isEmpty();
    }

    @Test
    void staleBlock_isReportedWithTheExpectedCode() throws IOException {
        Files.writeString(dir.resolve("Example.java"), "// tag::a[]\nint x = 2;\n// end::a[]\n");
        Path md = Files.writeString(
                dir.resolve("doc.md"), "<!-- snippet: Example.java#a -->\n```java\nint x = 1;\n```\n");

        assertThat(DocSnippets.check(dir, md, Map.of()))
                .singleElement()
                .asString()
                .contains("doc.md:1: the block differs from Example.java#a", "int x = 2;");
    }

    @Test
    void update_rewritesStaleBlocks_inPlace() throws IOException {
        Files.writeString(dir.resolve("Example.java"), "// tag::a[]\nint x = 2;\nint y = 3;\n// end::a[]\n");
        Path md = Files.writeString(
                dir.resolve("doc.md"), "<!-- snippet: Example.java#a -->\n```java\nint x = 1;\n```\nafter\n");

        assertThat(DocSnippets.update(dir, md, Map.of())).isEmpty();

        assertThat(Files.readString(md))
                .isEqualTo("<!-- snippet: Example.java#a -->\n```java\nint x = 2;\nint y = 3;\n```\nafter\n");
        assertThat(DocSnippets.check(dir, md, Map.of())).isEmpty();
    }

    @Test
    void markerInsideText_isNotASnippet() throws IOException {
        Path md = Files.writeString(dir.resolve("doc.md"), "A block marked `<!-- snippet: PATH#TAG -->` is checked.\n");

        assertThat(DocSnippets.check(dir, md, Map.of())).isEmpty();
    }

    @Test
    void missingFileRegionOrBlock_areReported() throws IOException {
        Files.writeString(dir.resolve("Example.java"), "int x;\n");
        Path md = Files.writeString(dir.resolve("doc.md"), """
                <!-- snippet: Nope.java#a -->
                ```java
                ```
                <!-- snippet: Example.java#a -->
                ```java
                ```
                <!-- snippet: Example.java#a -->
                text instead of a block
                <!-- snippet: ../outside.java#a -->
                ```java
                ```
                """);

        assertThat(DocSnippets.check(dir, md, Map.of()))
                .containsExactly(
                        "doc.md:1: no such file Nope.java",
                        "doc.md:4: Example.java has no region tag::a[]",
                        "doc.md:7: a snippet marker must be followed by a fenced code block",
                        "doc.md:9: no such file ../outside.java");
    }
}
