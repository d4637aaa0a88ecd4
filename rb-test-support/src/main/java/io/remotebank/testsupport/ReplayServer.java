package io.remotebank.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A local HTTP/1.1 server on loopback that answers each request with the next canned response (a
 * vendor's documented answers) and records what it received, one connection per request. When no
 * canned answer is left it answers 500 with the vendor's own shape of error body, given at
 * construction, so that a test that asked for one call too many sees the vendor's error path.
 */
public final class ReplayServer implements AutoCloseable {

    /**
     * A received request.
     *
     * @param method the method
     * @param path the request target
     * @param headers the headers, names in lower case
     * @param body the body
     */
    public record Received(String method, String path, Map<String, String> headers, byte[] body) {
        /**
         * A header's value.
         *
         * @param name the name, any case
         * @return the value, or null
         */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /**
         * The body as UTF-8 text.
         *
         * @return the text
         */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Canned(int status, String body) {}

    private final ServerSocket socket;
    private final Deque<Canned> answers = new ArrayDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private final String contentType;
    private final String exhausted;

    /**
     * Starts a server on a free loopback port.
     *
     * @param contentType the Content-Type of every answer, e.g. {@code application/json}
     * @param exhausted the body of the 500 answer given when no canned answer is left
     * @throws IOException when no port can be bound
     */
    public ReplayServer(String contentType, String exhausted) throws IOException {
        this.contentType = contentType;
        this.exhausted = exhausted;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "replay-server");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The base URI.
     *
     * @return {@code http://127.0.0.1:port/}
     */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    /**
     * Queues the answer to the next request not yet answered.
     *
     * @param status the status code
     * @param body the body
     * @return this server
     */
    public synchronized ReplayServer answer(int status, String body) {
        answers.add(new Canned(status, body));
        return this;
    }

    /**
     * What was received so far, in order.
     *
     * @return the requests
     */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private synchronized Canned next() {
        Canned c = answers.poll();
        return c == null ? new Canned(500, exhausted) : c;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(5_000);
                handle(s);
            } catch (IOException e) {
                // closed, or a client that went away: next connection
            }
        }
    }

    private void handle(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        String requestLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(
                    l.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    l.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String[] parts = requestLine.split(" ");
        received.add(new Received(parts[0], parts[1], headers, body));
        Canned c = next();
        byte[] out = c.body().getBytes(StandardCharsets.UTF_8);
        OutputStream o = s.getOutputStream();
        o.write(("HTTP/1.1 " + c.status() + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + out.length
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        o.write(out);
        o.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
