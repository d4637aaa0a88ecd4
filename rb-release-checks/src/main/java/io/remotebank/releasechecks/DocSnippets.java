package io.remotebank.releasechecks;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Keeps the code in README.md and docs/ true: a fenced block preceded by
 * {@code <!-- snippet: PATH#TAG -->} must equal the region of PATH between the lines holding
 * {@code tag::TAG[]} and {@code end::TAG[]} (indentation removed). PATH is a file that the build
 * compiles and tests, so the documentation shows code that compiles and runs.
 */
@API(status = INTERNAL, since = "0.1")
public final class DocSnippets {

    private static final Pattern MARKER = Pattern.compile("\\s*<!--\\s*snippet:\\s*([^#\\s]+)#([\\w.-]+)\\s*-->\\s*");

    private DocSnippets() {}

    /**
     * Checks every snippet marker of a Markdown file.
     *
     * @param root the repository root (PATHs are relative to it)
     * @param markdown the Markdown file
     * @param substitutions placeholders in source regions and their values (e.g. {@code
     *     @project.version@} in a filtered POM)
     * @return the violations
     */
    public static List<String> check(Path root, Path markdown, Map<String, String> substitutions) {
        return process(root, markdown, substitutions, false);
    }

    /**
     * Rewrites every marked block of a Markdown file from its source region (for {@code
     * -Drb.docs.update=true}), and reports what it could not fix.
     *
     * @param root the repository root
     * @param markdown the Markdown file, rewritten in place when a block changed
     * @param substitutions as for {@link #check}
     * @return the violations that remain (missing files, regions or blocks)
     */
    public static List<String> update(Path root, Path markdown, Map<String, String> substitutions) {
        return process(root, markdown, substitutions, true);
    }

    private static List<String> process(Path root, Path markdown, Map<String, String> substitutions, boolean fix) {
        List<String> lines = new ArrayList<>(readLines(markdown));
        boolean changed = false;
        List<String> violations = new ArrayList<>();
        String name = root.relativize(markdown).toString();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            String where = name + ":" + (i + 1);
            int open = i + 1;
            if (open >= lines.size() || !lines.get(open).startsWith("```")) {
                violations.add(where + ": a snippet marker must be followed by a fenced code block");
                continue;
            }
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).startsWith("```")) {
                close++;
            }
            if (close >= lines.size()) {
                violations.add(where + ": the code block is not closed");
                continue;
            }
            Path source = root.resolve(marker.group(1)).normalize();
            if (!source.startsWith(root) || !Files.isRegularFile(source)) {
                violations.add(where + ": no such file " + marker.group(1));
                continue;
            }
            List<String> region = region(readLines(source), marker.group(2));
            if (region == null) {
                violations.add(where + ": " + marker.group(1) + " has no region tag::" + marker.group(2) + "[]");
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (String line : dedent(region)) {
                for (Map.Entry<String, String> s : substitutions.entrySet()) {
                    line = line.replace(s.getKey(), s.getValue());
                }
                expected.add(line);
            }
            List<String> actual = lines.subList(open + 1, close);
            if (!expected.equals(actual)) {
                if (fix) {
                    actual.clear();
                    actual.addAll(expected);
                    close = open + 1 + expected.size();
                    changed = true;
                } else {
                    violations.add(where + ": the block differs from " + marker.group(1) + "#" + marker.group(2)
                            + " (run the test with -Drb.docs.update=true to rewrite it); expected:\n"
                            + String.join("\n", expected));
                }
            }
            i = close;
        }
        if (changed) {
            try {
                Files.write(markdown, lines);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + markdown, e);
            }
        }
        return violations;
    }

    /** The lines strictly between {@code tag::name[]} and {@code end::name[]}, or null. */
    static List<String> region(List<String> lines, String tag) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (start < 0 && line.contains("tag::" + tag + "[]")) {
                start = i + 1;
            } else if (start >= 0 && line.contains("end::" + tag + "[]")) {
                List<String> region = new ArrayList<>();
                for (String l : lines.subList(start, i)) {
                    if (!l.contains("tag::") && !l.contains("end::")) {
                        region.add(l);
                    }
                }
                return region;
            }
        }
        return null;
    }

    static List<String> dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            result.add(
                    line.isBlank()
                            ? ""
                            : line.substring(indent == Integer.MAX_VALUE ? 0 : indent)
                                    .stripTrailing());
        }
        return result;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
