package io.remotebank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.spi.OutboxStore;
import io.remotebank.core.ContactChannel;
import io.remotebank.testsupport.Await;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The crash test, for any store: a forked JVM sends through a slow provider and is killed with
 * SIGKILL mid-run; a restarted dispatcher then sends what is left. Every message the store holds, and
 * so every one {@code send} accepted, reaches the provider exactly once after de-duplication; the
 * duplicates (at least once) are at most the killed dispatcher's in-flight batch.
 */
final class CrashHarness {

    private static final int MESSAGES = 200;
    private static final int BATCH = 10;

    private CrashHarness() {}

    /** Outcome of one run, for the test's own assertions. */
    record Outcome(int acceptedBeforeKill, int stored, int submissions, int duplicates) {}

    static Outcome run(Path dir, List<String> storeArgs) throws Exception {
        Path log = dir.resolve("provider.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dslf4j.provider=io.remotebank.testsupport.logging.CapturingSlf4jProvider",
                "-cp",
                classPath(),
                CrashChild.class.getName(),
                log.toString(),
                Integer.toString(MESSAGES)));
        command.addAll(storeArgs);
        Process child = new ProcessBuilder(command)
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        List<String> accepted = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("accepted ")) {
                        accepted.add(line.substring(9));
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
        });
        reader.start();
        // Kill it mid-run: some messages accepted and some submitted, most not yet.
        Await.until(
                "the child accepted 60 messages and submitted 10, or died",
                Duration.ofSeconds(90),
                () -> (accepted.size() >= 60 && delivered(log).size() >= 10) || !child.isAlive());
        assertThat(child.isAlive())
                .as("the child runs until killed (stderr in %s)", dir.resolve("child.err"))
                .isTrue();
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        List<String> acceptedBeforeKill = List.copyOf(accepted);
        assertThat(acceptedBeforeKill).hasSizeGreaterThanOrEqualTo(60).hasSizeLessThan(MESSAGES);
        assertThat(delivered(log)).as("submitted before the kill").hasSizeLessThan(MESSAGES);

        // Restart: a new dispatcher on the same store (the dead one's leases run out after 2 s).
        Set<String> stored = new TreeSet<>();
        try (OutboxStore store = CrashChild.open(storeArgs.toArray(String[]::new), 0);
                Messaging messaging =
                        CrashChild.messaging(store, new CrashChild.FileProvider(log, Duration.ofMillis(5)))) {
            for (int i = 0; i < MESSAGES; i++) {
                store.find(ContactChannel.SMS, IdempotencyKey.of("crash:" + i))
                        .ifPresent(r -> stored.add(r.id().value()));
            }
            assertThat(stored).containsAll(acceptedBeforeKill);
            // A round finds nothing until the dead dispatcher's leases end (2 s of the store's time).
            Await.until("every stored message submitted after restart", Duration.ofSeconds(120), () -> {
                messaging.dispatchDue();
                return allSubmitted(store, stored);
            });
        }

        List<String> lines = CrashChild.FileProvider.lines(log);
        List<String> submissions = lines.stream()
                .filter(l -> l.startsWith("submit "))
                .map(l -> l.substring(7))
                .toList();
        List<String> deliveries = delivered(log);
        Map<String, Long> perId =
                deliveries.stream().collect(Collectors.groupingBy(s -> s, HashMap::new, Collectors.counting()));
        assertThat(perId.keySet()).as("delivered = stored").isEqualTo(stored);
        assertThat(perId.values()).as("each exactly once after de-duplication").allMatch(n -> n == 1L);
        int duplicates = submissions.size() - deliveries.size();
        assertThat(duplicates).as("re-submissions: at most one in-flight batch").isBetween(0, BATCH);
        return new Outcome(acceptedBeforeKill.size(), stored.size(), submissions.size(), duplicates);
    }

    private static boolean allSubmitted(OutboxStore store, Set<String> ids) {
        for (String id : ids) {
            Optional<MessageRecord> r = store.find(MessageId.of(id));
            if (r.isEmpty() || r.get().status() == MessageStatus.QUEUED) {
                return false;
            }
        }
        return true;
    }

    private static List<String> delivered(Path log) {
        try {
            return CrashChild.FileProvider.lines(log).stream()
                    .filter(l -> l.startsWith("deliver "))
                    .map(l -> l.substring(8))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's module path and class path, plus the test classes, as one class path. */
    private static String classPath() {
        List<String> parts = new ArrayList<>();
        parts.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        parts.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                parts.add(value);
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
