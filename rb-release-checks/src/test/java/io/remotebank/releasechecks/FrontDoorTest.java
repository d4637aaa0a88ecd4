package io.remotebank.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** README.md is the front door: it links every guide, and no link in the docs leads nowhere. */
class FrontDoorTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)\\s]*)?\\)");

    private static Path root;

    @BeforeAll
    static void findRoot() {
        root = Path.of(System.getProperty("rb.root"));
    }

    @Test
    void readme_linksEveryGuide() throws IOException {
        String readme = Files.readString(root.resolve("README.md"));
        List<String> unlinked;
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            unlinked = docs.map(p -> "docs/" + p.getFileName())
                    .filter(p -> p.endsWith(".md"))
                    .filter(p -> !readme.contains("](" + p + ")") && !readme.contains("](" + p + "#"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(unlinked).as("guides in docs/ that README.md does not link").isEmpty();
    }

    @Test
    void everyRelativeLink_inReadmeAndDocs_resolves() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            Matcher m = LINK.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(file.getParent().resolve(target).normalize())) {
                    broken.add(root.relativize(file) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("relative links that lead nowhere").isEmpty();
    }
}
