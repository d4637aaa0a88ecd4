package io.remotebank.signaling.sip.transport;

import static io.remotebank.signaling.sip.transport.Probes.LOOPBACK;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipResponse;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tester's attack in full ({@code -Psoak}): a server in a forked JVM with a 256 MiB heap, and a
 * client that sends 1.2 million pings (empty WebSocket pings, CRLF pings on TCP, or WebSocket pings
 * with 125 bytes of payload) and never reads a pong. Before the fix the server ran out of memory in an event loop and then answered nothing,
 * not even SIGTERM. Now it stays up, answers others on every transport, and stops on SIGTERM.
 */
class PingFloodSoakIT {

    private static final int PINGS = 1_200_000;
    /** A bound on the flood, not an expectation: the server may close the flooder long before. */
    private static final long FLOOD_BOUND_NANOS = TimeUnit.MINUTES.toNanos(5);

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

    @ParameterizedTest
    @ValueSource(strings = {"WS", "TCP", "WS-125"})
    void aMillionPingsNeverRead_leaveTheServerServingAndStoppable(String transport, @TempDir Path dir)
            throws Exception {
        Path err = dir.resolve("server.err");
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:+CrashOnOutOfMemoryError",
                        // not the test class path's capturing provider, which keeps every line (Netty
                        // traces each frame) in memory; rb sip-server logs warnings only
                        "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                        "-cp",
                        classPath(),
                        FloodTarget.class.getName())
                .redirectError(err.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), US_ASCII))) {
            String ready = out.readLine();
            assertThat(ready).as("stderr: %s", err).startsWith("ready ");
            String[] ports = ready.split(" ");
            int udp = Integer.parseInt(ports[1]);
            int tcp = Integer.parseInt(ports[2]);
            int ws = Integer.parseInt(ports[3]);

            long sent = flood(transport.startsWith("WS") ? ws : tcp, transport);
            assertThat(server.isAlive())
                    .as("the server survived %s bytes of pings; its stderr: %s", sent, tail(err))
                    .isTrue();
            if (transport.equals("WS-125")) {
                // pongs as large as the pings cannot all fit in the operating system's buffers: the
                // server must have pushed back, by no longer reading or by closing the connection
                assertThat(sent).as("the server pushed back").isLessThan((long) PINGS * (6 + 125));
            }

            // the flooder has gone; the server answers everyone else
            assertThat(optionsOverUdp(udp).statusCode()).isEqualTo(200);
            try (Socket s = new Socket(LOOPBACK, tcp)) {
                s.setSoTimeout(10_000);
                s.getOutputStream()
                        .write(Probes.options("TCP 127.0.0.1:5060", "z9hG4bKsk1")
                                .getBytes(UTF_8));
                assertThat(Probes.readHead(s.getInputStream())).startsWith("SIP/2.0 200 OK");
            }
            try (WebSocketProbe probe = WebSocketProbe.connect(new InetSocketAddress(LOOPBACK, ws), null, "sip")) {
                probe.sendText(Probes.options("WS client.invalid", "z9hG4bKsk2"));
                assertThat(probe.next()).startsWith("SIP/2.0 200 OK");
            }

            server.toHandle().destroy(); // SIGTERM (Process.destroy would also close the pipes)
            assertThat(server.waitFor(60, TimeUnit.SECONDS))
                    .as("stops on SIGTERM")
                    .isTrue();
            String rest = out.lines().reduce("", (a, b) -> a + b + "\n");
            assertThat(rest).contains("stopped");
        } finally {
            server.destroyForcibly();
        }
        assertThat(Files.readString(err)).doesNotContain("OutOfMemoryError");
    }

    private static byte[] ping125() {
        byte[] frame = new byte[2 + 4 + 125];
        frame[0] = (byte) 0x89;
        frame[1] = (byte) (0x80 | 125);
        frame[2] = 1;
        frame[3] = 2;
        frame[4] = 3;
        frame[5] = 4;
        return frame;
    }

    private static String tail(Path file) throws IOException {
        String text = Files.readString(file);
        return text.substring(Math.max(0, text.length() - 4000));
    }

    /** Sends {@link #PINGS} pings without reading; returns the bytes sent until done or closed. */
    private static long flood(int port, String transport) throws IOException {
        boolean webSocket = transport.startsWith("WS");
        try (SocketChannel c = SocketChannel.open();
                Selector selector = Selector.open()) {
            c.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            c.connect(new InetSocketAddress(LOOPBACK, port));
            if (webSocket) {
                Socket s = c.socket();
                s.setSoTimeout(10_000);
                s.getOutputStream()
                        .write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                                        + "Sec-WebSocket-Protocol: sip\r\n\r\n")
                                .getBytes(US_ASCII));
                try {
                    assertThat(Probes.readHead(s.getInputStream())).startsWith("HTTP/1.1 101");
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
            byte[] ping = switch (transport) {
                case "WS" -> new byte[] {(byte) 0x89, (byte) 0x80, 1, 2, 3, 4};
                // the largest ping a control frame carries (125 bytes): each pong echoes it, so
                // the answers alone would outgrow a 256 MiB heap without back-pressure
                case "WS-125" -> ping125();
                default -> "\r\n\r\n".getBytes(US_ASCII);
            };
            byte[] all = new byte[ping.length * PINGS];
            for (int i = 0; i < PINGS; i++) {
                System.arraycopy(ping, 0, all, i * ping.length, ping.length);
            }
            ByteBuffer buffer = ByteBuffer.wrap(all);
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_WRITE);
            long deadline = System.nanoTime() + FLOOD_BOUND_NANOS;
            while (buffer.hasRemaining() && System.nanoTime() < deadline) {
                if (selector.select(30_000) == 0) {
                    break; // the server stopped reading from us: back-pressure holds
                }
                selector.selectedKeys().clear();
                try {
                    c.write(buffer);
                } catch (IOException closed) {
                    break; // the server closed us past its limit
                }
            }
            return buffer.position();
        }
    }

    private static SipResponse optionsOverUdp(int port) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            socket.setSoTimeout(10_000);
            byte[] request = Probes.options("UDP 127.0.0.1:" + socket.getLocalPort(), "z9hG4bKsk0")
                    .getBytes(UTF_8);
            socket.send(new DatagramPacket(request, request.length, new InetSocketAddress(LOOPBACK, port)));
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            return (SipResponse) SipParser.ofDefaults().parse(Arrays.copyOf(reply.getData(), reply.getLength()));
        }
    }
}
