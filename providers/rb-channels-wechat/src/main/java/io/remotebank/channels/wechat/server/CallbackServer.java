package io.remotebank.channels.wechat.server;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.remotebank.channels.wechat.CallbackException;
import io.remotebank.channels.wechat.CallbackRequest;
import io.remotebank.channels.wechat.CallbackResponse;
import io.remotebank.core.Arguments;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server (the JDK's {@code com.sun.net.httpserver}) that mounts a callback handler on
 * {@code /}, for the {@code rb wechat-callback} command, tests and demos. A bank usually mounts {@link
 * io.remotebank.channels.wechat.CallbackEndpoint} in its own server instead. {@code GET /?ping=1}
 * answers 200 for health checks without reaching the handler. A body longer than the limit is not
 * read past it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CallbackServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<CallbackRequest, CallbackResponse> handler;
    private final int maxBodyBytes;
    private final BiConsumer<Integer, String> refused;

    private CallbackServer(
            HttpServer server,
            ExecutorService executor,
            Function<CallbackRequest, CallbackResponse> handler,
            int max,
            BiConsumer<Integer, String> refused) {
        this.server = server;
        this.executor = executor;
        this.handler = handler;
        this.maxBodyBytes = max;
        this.refused = refused;
    }

    /**
     * Starts a server.
     *
     * @param address where to listen (port 0 picks a free port)
     * @param handler the callback handler, e.g. a {@link io.remotebank.channels.wechat.CallbackEndpoint}
     * @param maxBodyBytes bodies longer than this are refused with 413 without being read further
     * @param threads worker threads, 1 to 64
     * @return the running server
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static CallbackServer start(
            InetSocketAddress address,
            Function<CallbackRequest, CallbackResponse> handler,
            int maxBodyBytes,
            int threads) {
        return start(address, handler, maxBodyBytes, threads, (status, code) -> {});
    }

    /**
     * Starts a server that also reports every refused request (an answer of 400 or above, its own or
     * the handler's) to an observer, e.g. the command line's standard error.
     *
     * @param address where to listen (port 0 picks a free port)
     * @param handler the callback handler, e.g. a {@link io.remotebank.channels.wechat.CallbackEndpoint}
     * @param maxBodyBytes bodies longer than this are refused with 413 without being read further
     * @param threads worker threads, 1 to 64
     * @param refused gets the status and the body of each refusal (an error code, no content); called on
     *     the worker thread, it must not block
     * @return the running server
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static CallbackServer start(
            InetSocketAddress address,
            Function<CallbackRequest, CallbackResponse> handler,
            int maxBodyBytes,
            int threads,
            BiConsumer<Integer, String> refused) {
        Arguments.notNull(refused, "refused");
        Arguments.notNull(address, "address");
        Arguments.notNull(handler, "handler");
        Arguments.inRange(maxBodyBytes, 1024, 1024 * 1024, "max body bytes");
        Arguments.inRange(threads, 1, 64, "threads");
        HttpServer http;
        try {
            http = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rb-wechat-callback-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CallbackServer server = new CallbackServer(http, executor, handler, maxBodyBytes, refused);
        http.createContext("/", server::exchange);
        http.setExecutor(executor);
        http.start();
        return server;
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String query = exchange.getRequestURI().getRawQuery();
            if (method.equals("GET") && "ping=1".equals(query)) {
                send(exchange, CallbackResponse.text(200, "ok"));
                return;
            }
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, CallbackResponse.text(404, "not found"));
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), maxBodyBytes);
            if (body == null) {
                send(exchange, CallbackResponse.text(413, "channels.wechat.callback.body.too.large"));
                return;
            }
            CallbackResponse response;
            try {
                response = handler.apply(CallbackRequest.of(method, query, body));
            } catch (CallbackException e) {
                LOG.warn("WeChat callback refused ({}): {}", e.code().code(), e.getMessage());
                response = CallbackResponse.text(e.httpStatus(), e.code().code());
            }
            send(exchange, response);
        } catch (RuntimeException e) {
            LOG.error(
                    "WeChat callback server failed on a request: {}",
                    e.getClass().getName());
        }
    }

    /** The body, or null when it is longer than the limit (the rest is left unread). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private void send(HttpExchange exchange, CallbackResponse response) throws IOException {
        if (response.status() >= 400) {
            try {
                // The body of a refusal is its error code (or a short fixed text), never the content.
                String body = response.bodyText();
                refused.accept(response.status(), body.length() > 100 ? body.substring(0, 100) : body);
            } catch (RuntimeException e) {
                LOG.warn("the refusal observer failed: {}", e.getClass().getName());
            }
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops accepting, closes the connections and stops the worker threads. */
    @Override
    public void close() {
        // Zero: keep-alive connections would otherwise hold stop() for the whole delay.
        server.stop(0);
        executor.shutdownNow();
    }
}
