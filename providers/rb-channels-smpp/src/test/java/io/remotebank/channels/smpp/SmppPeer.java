package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A peer we did not write (cloudhopper's or jSMPP's SMPP server or client), running in a JVM of its
 * own with rb-peers' class path, driven through the line protocol of {@code
 * io.remotebank.peers.smpp.Script}: events from its standard output, commands to its standard input.
 * Its standard error (the peer libraries' logs) goes to {@code target/peers/<name>-<n>.log}.
 *
 * <p>rb-peers is built before this module (a build-order dependency in the POM), so a missing class
 * path means the module was built alone: the test fails and says so; it is never skipped.
 */
final class SmppPeer implements AutoCloseable {

    /** The launchers in rb-peers. */
    enum Launcher {
        CLOUDHOPPER_SMSC("CloudhopperSmsc"),
        JSMPP_SMSC("JsmppSmsc"),
        CLOUDHOPPER_ESME("CloudhopperEsme"),
        JSMPP_ESME("JsmppEsme");

        private final String mainClass;

        Launcher(String simpleName) {
            this.mainClass = "io.remotebank.peers.smpp." + simpleName;
        }
    }

    /** One event line: its name and fields. */
    record Event(String name, List<String> fields) {
        String field(int index) {
            return fields.get(index);
        }

        /** A field written as the hex of UTF-8 text. */
        String text(int index) {
            String field = fields.get(index);
            return field.equals("-") ? "" : new String(HexFormat.of().parseHex(field), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            // Fields may hold phone numbers and message text: show only the event's name and size.
            return name + "[" + fields.size() + " fields]";
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static int started;

    private final Process process;
    private final Writer commands;
    private final List<Event> events = new ArrayList<>();
    private final String name;

    private SmppPeer(Launcher launcher, Process process) {
        this.process = process;
        this.name = launcher.name();
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readEvents, "peer-" + launcher.name());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Forks a peer.
     *
     * @param launcher which one
     * @param options its {@code --name value} options
     * @return the running peer
     */
    static SmppPeer start(Launcher launcher, String... options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xss512k");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; these peers are not measured here
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(classPath());
        command.add(launcher.mainClass);
        command.addAll(Arrays.asList(options));
        try {
            Path logs = root().resolve("rb-channels/target/peers");
            Files.createDirectories(logs);
            int n;
            synchronized (SmppPeer.class) {
                n = ++started;
            }
            Process process = new ProcessBuilder(command)
                    .redirectError(logs.resolve(launcher.name().toLowerCase(java.util.Locale.ROOT) + "-" + n + ".log")
                            .toFile())
                    .start();
            return new SmppPeer(launcher, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a scripted SMSC for the account {@code system-id / password} and waits until it listens. */
    /** A peer client bound as a receiver to {@code port}, waiting up to 20 s for what it is sent. */
    static SmppPeer receiver(Launcher launcher, int port, String systemId, String password) {
        return start(
                launcher,
                "--port",
                "" + port,
                "--system-id",
                systemId,
                "--password",
                password,
                "--bind",
                "RX",
                "--wait-ms",
                "20000");
    }

    static SmppPeer smsc(Launcher launcher, String systemId, String password) {
        SmppPeer peer = start(launcher, "--system-id", systemId, "--password", password);
        peer.await("READY");
        return peer;
    }

    private static Path root() {
        String root = System.getProperty("rb.root");
        if (root == null || root.isBlank()) {
            fail("rb.root is not set (the parent POM sets it for surefire and failsafe)");
        }
        return Path.of(root);
    }

    private static String classPath() {
        Path peers = root().resolve("rb-peers/target");
        Path file = peers.resolve("peers.classpath");
        if (!Files.isRegularFile(file) || !Files.isDirectory(peers.resolve("classes"))) {
            fail("rb-peers is not built (" + file + " is missing): build with its reactor, "
                    + "e.g. ./mvnw -pl rb-channels -am verify");
        }
        try {
            return peers.resolve("classes")
                    + java.io.File.pathSeparator
                    + Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readEvents() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] fields = line.split(" ");
                Event event = new Event(fields[0], List.of(fields).subList(1, fields.length));
                synchronized (events) {
                    events.add(event);
                    events.notifyAll();
                }
            }
        } catch (IOException e) {
            // the peer is gone; waiters time out and report what they saw
        }
    }

    /** The port a server listens on (its {@code READY} event). */
    int port() {
        return Integer.parseInt(await("READY").field(0));
    }

    /** Waits for the first event of that name. */
    Event await(String eventName) {
        return await(eventName, e -> true);
    }

    /** Waits for the first event of that name that matches. */
    Event await(String eventName, Predicate<Event> match) {
        return awaitAll(eventName, match, 1).get(0);
    }

    /** Waits until {@code count} events of that name match, and returns them in order. */
    List<Event> awaitAll(String eventName, Predicate<Event> match, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (events) {
            while (true) {
                List<Event> found = events.stream()
                        .filter(e -> e.name().equals(eventName) && match.test(e))
                        .toList();
                if (found.size() >= count) {
                    return found.subList(0, count);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && events.isEmpty())) {
                    return fail(name + ": expected " + count + " " + eventName + " event(s), got " + found.size()
                            + "; all events: " + events
                            + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")"));
                }
                try {
                    events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return fail("interrupted");
                }
            }
        }
    }

    /** Every event of that name seen so far. */
    List<Event> events(String eventName) {
        synchronized (events) {
            return events.stream().filter(e -> e.name().equals(eventName)).toList();
        }
    }

    /** Sends one command line. */
    void send(String... fields) {
        try {
            commands.write(String.join(" ", fields) + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " no longer takes commands", e);
        }
    }

    /** Waits for a one-shot peer (a client) to end. */
    int exitCode() {
        try {
            if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return fail(name + " did not end; events: " + events);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Hex of text's UTF-8 bytes, the protocol's form of a text field. */
    static String field(String text) {
        return text.isEmpty() ? "-" : HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            commands.write("QUIT\n");
            commands.flush();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
