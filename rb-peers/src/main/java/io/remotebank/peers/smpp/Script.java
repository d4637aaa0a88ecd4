package io.remotebank.peers.smpp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The line protocol between a forked peer and the test driving it. Each line is one event or command:
 * space-separated fields, the first naming it; text travels as hex of its UTF-8 bytes, so no field
 * ever holds a space. Events go to standard output (logs of the peer libraries go to standard error).
 */
public final class Script {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final HexFormat HEX = HexFormat.of();

    private Script() {}

    /**
     * Writes one event line.
     *
     * @param fields the event's name, then its fields
     */
    public static void emit(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (Object field : fields) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(field);
        }
        synchronized (OUT) {
            OUT.println(line);
        }
    }

    /**
     * Reads commands from standard input in a daemon thread; the end of input exits the JVM.
     *
     * @param handler called with each command's fields
     */
    public static void onCommands(Consumer<String[]> handler) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (line.isBlank()) {
                                continue;
                            }
                            String[] fields = line.trim().split(" ");
                            if (fields[0].equals("QUIT")) {
                                break;
                            }
                            try {
                                handler.accept(fields);
                            } catch (RuntimeException e) {
                                emit("ERROR", fields[0], e.toString().replace(' ', '_'));
                            }
                        }
                    } catch (java.io.IOException e) {
                        emit("ERROR", "stdin", e.toString().replace(' ', '_'));
                    }
                    emit("EXIT");
                    Runtime.getRuntime().halt(0);
                },
                "peer-commands");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * A single-thread scheduler on a daemon thread, so that it never keeps the peer alive.
     *
     * @param name the thread's name
     * @return the scheduler
     */
    public static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Parses {@code --name value} pairs.
     *
     * @param args the command line
     * @return the values by name (without the dashes)
     */
    public static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /**
     * Text as a field.
     *
     * @param text any text
     * @return the hex of its UTF-8 bytes ({@code -} for the empty text)
     */
    public static String field(String text) {
        return text.isEmpty() ? "-" : HEX.formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A text field back as text.
     *
     * @param field what {@link #field(String)} wrote
     * @return the text
     */
    public static String text(String field) {
        return field.equals("-") ? "" : new String(HEX.parseHex(field), StandardCharsets.UTF_8);
    }

    /**
     * An address (or any short token) as a field.
     *
     * @param token an address, perhaps empty or null
     * @return the token, or {@code -} when empty
     */
    public static String token(String token) {
        return token == null || token.isEmpty() ? "-" : token.replace(' ', '_');
    }

    /**
     * Bytes as a field.
     *
     * @param bytes any bytes
     * @return their hex ({@code -} when there are none)
     */
    public static String hex(byte[] bytes) {
        return bytes == null || bytes.length == 0 ? "-" : HEX.formatHex(bytes);
    }

    /**
     * Picks a free TCP port on the loopback interface (peers that cannot bind port 0 and report it).
     *
     * @return the port
     */
    public static int freePort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
