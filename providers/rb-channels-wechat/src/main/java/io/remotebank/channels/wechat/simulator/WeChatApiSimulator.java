package io.remotebank.channels.wechat.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.remotebank.channels.wechat.CallbackRequest;
import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Clocks;
import io.remotebank.core.time.Scheduler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WeChat and WeCom APIs as far as a bank's messaging uses them, for tests and demos: access tokens
 * ({@code GET /cgi-bin/token}, {@code POST /cgi-bin/stable_token}, WeCom's {@code GET
 * /cgi-bin/gettoken}), template messages, mini-program subscribe messages, customer-service messages
 * and WeCom app messages, on the JDK's HTTP server (plain HTTP, loopback by default).
 *
 * <p>It keeps the rules a client trips over, with WeChat's own errcodes: a token not issued, or
 * invalidated by a newer classic token (after five minutes) or a {@code force_refresh}, is 40001; an
 * expired one 42001; a customer-service message to a follower who has not written within 48 hours is
 * 45015, beyond {@code customerServiceQuota} messages since the follower last wrote 45047; a message to
 * someone who does not follow the account 43004. Any errcode can also be scripted for the next calls
 * of an API ({@link #failNext}), every answer delayed ({@link #latency}), and every token invalidated at
 * once ({@link #invalidateTokens()}) to act out another node's refresh. Time comes from the injected
 * clock; the delays run on the injected scheduler.
 *
 * <pre>{@code
 * try (WeChatApiSimulator wechat = WeChatApiSimulator.builder().app(APP_ID, SECRET).build().start()) {
 *     URI base = wechat.uri();
 *     ...
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WeChatApiSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WeChatApiSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SERVICE_WINDOW = Duration.ofHours(48);
    /** WeChat keeps the previous classic token valid this long after a new one is issued. */
    private static final Duration OVERLAP = Duration.ofMinutes(5);

    private static final int MAX_BODY = 64 * 1024;

    /** The endpoints the simulator serves. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Api {
        /** {@code GET /cgi-bin/token}. */
        TOKEN("/cgi-bin/token"),
        /** {@code POST /cgi-bin/stable_token}. */
        STABLE_TOKEN("/cgi-bin/stable_token"),
        /** {@code POST /cgi-bin/message/template/send}. */
        TEMPLATE("/cgi-bin/message/template/send"),
        /** {@code POST /cgi-bin/message/subscribe/send}. */
        SUBSCRIBE("/cgi-bin/message/subscribe/send"),
        /** {@code POST /cgi-bin/message/custom/send}. */
        CUSTOMER_SERVICE("/cgi-bin/message/custom/send"),
        /** WeCom's {@code GET /cgi-bin/gettoken}. */
        WECOM_TOKEN("/cgi-bin/gettoken"),
        /** WeCom's {@code POST /cgi-bin/message/send}. */
        WECOM_MESSAGE("/cgi-bin/message/send");

        private final String path;

        Api(String path) {
            this.path = path;
        }

        /** The path it is served on. */
        public String path() {
            return path;
        }

        static Optional<Api> ofPath(String path) {
            for (Api api : values()) {
                if (api.path.equals(path)) {
                    return Optional.of(api);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A message the simulator accepted.
     *
     * @param api where it was sent
     * @param to the recipient (open id or WeCom user id; personal data)
     * @param body the request's JSON
     * @param at when, on the simulator's clock
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Sent(Api api, String to, String body, Instant at) {
        /** Validates the record. */
        public Sent {
            Arguments.notNull(api, "api");
            Arguments.notNull(to, "to");
            Arguments.notNull(body, "body");
            Arguments.notNull(at, "at");
        }

        @Override
        public String toString() {
            return "Sent[" + api + " to " + (to.length() <= 4 ? "****" : to.substring(0, 4) + "****") + ", "
                    + body.length() + " characters]";
        }
    }

    private record Issued(String app, Api kind, Instant expiresAt) {}

    private record Follower(Instant lastInteraction, int sinceThen) {}

    private final Map<String, String> appSecrets;
    private final Map<String, String> corpSecrets;
    private final Duration tokenLifetime;
    private final int customerServiceQuota;
    private final Clock clock;
    private final Scheduler scheduler;
    private final InetSocketAddress listen;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong msgIds = new AtomicLong(1_000_000_000L);

    // Guarded by `this`: the simulator's whole state changes under one lock; it is a test double.
    private final Map<String, Issued> tokens = new HashMap<>();
    private final Map<String, String> stableTokens = new HashMap<>();
    private final Map<String, Follower> followers = new HashMap<>();
    private final Set<String> unfollowed = new HashSet<>();
    private final Map<Api, Queue<Integer>> scripted = new EnumMap<>(Api.class);
    private final Map<Api, AtomicInteger> requests = new EnumMap<>(Api.class);
    private final List<Sent> sent = new ArrayList<>();
    private int tokensIssued;
    private volatile Duration latency;

    private HttpServer server;
    private ExecutorService executor;

    private WeChatApiSimulator(Builder b) {
        this.appSecrets = Map.copyOf(b.appSecrets);
        this.corpSecrets = Map.copyOf(b.corpSecrets);
        this.tokenLifetime = b.tokenLifetime;
        this.customerServiceQuota = b.customerServiceQuota;
        this.clock = b.clock;
        this.scheduler = b.scheduler;
        this.listen = b.listen;
        this.latency = b.latency;
        for (Api api : Api.values()) {
            requests.put(api, new AtomicInteger());
            scripted.put(api, new ArrayDeque<>());
        }
    }

    /**
     * A builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening.
     *
     * @return this simulator
     * @throws UncheckedIOException when the address cannot be bound
     */
    public synchronized WeChatApiSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = HttpServer.create(listen, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + listen, e);
        }
        AtomicInteger number = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "rb-wechat-api-sim-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
        return this;
    }

    /** The base URI to give the client instead of {@code https://api.weixin.qq.com}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /**
     * A follower of the official account who last wrote (or followed) at the given time: the 48-hour
     * window runs from there and the customer-service quota starts again.
     *
     * @param openId the follower
     * @param lastInteraction when they last wrote
     * @return this simulator
     */
    public synchronized WeChatApiSimulator interaction(String openId, Instant lastInteraction) {
        Arguments.notBlank(openId, "open id");
        Arguments.notNull(lastInteraction, "last interaction");
        unfollowed.remove(openId);
        followers.put(openId, new Follower(lastInteraction, 0));
        return this;
    }

    /**
     * The follower stops following: template and customer-service messages to them get 43004.
     *
     * @param openId the follower
     * @return this simulator
     */
    public synchronized WeChatApiSimulator unfollow(String openId) {
        Arguments.notBlank(openId, "open id");
        followers.remove(openId);
        unfollowed.add(openId);
        return this;
    }

    /**
     * The next {@code times} calls of an API (after their token is checked) answer this errcode.
     *
     * @param api the API
     * @param errcode WeChat's errcode, e.g. 40001, 45015, 43004, 45047, -1 (system busy)
     * @param times 1 to 1000
     * @return this simulator
     */
    public synchronized WeChatApiSimulator failNext(Api api, int errcode, int times) {
        Arguments.notNull(api, "api");
        Arguments.inRange(times, 1, 1000, "times");
        if (errcode == 0) {
            throw new ValidationException(WeChatError.CONFIG_INVALID, "a scripted errcode cannot be 0");
        }
        for (int i = 0; i < times; i++) {
            scripted.get(api).add(errcode);
        }
        return this;
    }

    /**
     * Invalidates every token issued so far, as another node's refresh would: the next call with one
     * gets 40001.
     *
     * @return this simulator
     */
    public synchronized WeChatApiSimulator invalidateTokens() {
        tokens.clear();
        stableTokens.clear();
        return this;
    }

    /**
     * Delays every answer from now on.
     *
     * @param delay 0 to 60 s
     * @return this simulator
     */
    public WeChatApiSimulator latency(Duration delay) {
        this.latency = checkLatency(delay);
        return this;
    }

    /** How many tokens the token endpoints issued. */
    public synchronized int tokensIssued() {
        return tokensIssued;
    }

    /**
     * How many requests an endpoint received.
     *
     * @param api the endpoint
     * @return the count
     */
    public int requests(Api api) {
        return requests.get(Arguments.notNull(api, "api")).get();
    }

    /** The messages accepted so far, oldest first. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    private void exchange(HttpExchange exchange) {
        int status = 200;
        ObjectNode answer;
        try {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            Optional<Api> api = Api.ofPath(exchange.getRequestURI().getPath());
            if (api.isEmpty()) {
                status = 404;
                answer = error(404, "api not found");
            } else if (body.length > MAX_BODY) {
                answer = error(45002, "content size out of limit");
            } else {
                requests.get(api.get()).incrementAndGet();
                answer = answer(
                        api.get(),
                        exchange.getRequestMethod(),
                        CallbackRequest.of("GET", exchange.getRequestURI().getRawQuery(), new byte[0]),
                        body);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("WeChat API simulator: bad request ({})", e.getClass().getSimpleName());
            answer = error(47001, "data format error");
        }
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        int code = status;
        Duration delay = latency;
        if (delay.isZero()) {
            send(exchange, code, bytes);
        } else {
            scheduler.schedule(delay, () -> executor.execute(() -> send(exchange, code, bytes)));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            LOG.debug(
                    "WeChat API simulator: the client went away ({})",
                    e.getClass().getSimpleName());
        }
    }

    private synchronized ObjectNode answer(Api api, String method, CallbackRequest query, byte[] body)
            throws IOException {
        Instant now = clock.instant();
        boolean get = api == Api.TOKEN || api == Api.WECOM_TOKEN;
        if (!method.equals(get ? "GET" : "POST")) {
            return error(43001, "require " + (get ? "GET" : "POST") + " method");
        }
        switch (api) {
            case TOKEN:
                return classicToken(query, now);
            case STABLE_TOKEN:
                return stableToken(JSON.readTree(body), now);
            case WECOM_TOKEN:
                return weComToken(query, now);
            default:
                break;
        }
        String token = query.parameter("access_token").orElse("");
        if (token.isEmpty()) {
            return error(41001, "access_token missing");
        }
        Issued issued = tokens.get(token);
        boolean weCom = api == Api.WECOM_MESSAGE;
        if (issued == null || (issued.kind() == Api.WECOM_TOKEN) != weCom) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        if (!now.isBefore(issued.expiresAt())) {
            return error(42001, "access_token expired");
        }
        Integer failure = scripted.get(api).poll();
        if (failure != null) {
            return error(failure, "scripted by the simulator");
        }
        JsonNode request = JSON.readTree(body);
        String to = request == null ? "" : request.path("touser").asText("");
        if (to.isEmpty()) {
            return error(40003, "invalid openid");
        }
        if (api == Api.TEMPLATE || api == Api.CUSTOMER_SERVICE) {
            Follower follower = followers.get(to);
            if (follower == null) {
                return error(43004, "require subscribe");
            }
            if (api == Api.CUSTOMER_SERVICE) {
                if (!now.isBefore(follower.lastInteraction().plus(SERVICE_WINDOW))) {
                    return error(45015, "response out of time limit or subscription is canceled");
                }
                if (follower.sinceThen() >= customerServiceQuota) {
                    return error(45047, "out of response count limit");
                }
                followers.put(to, new Follower(follower.lastInteraction(), follower.sinceThen() + 1));
            }
        }
        sent.add(new Sent(api, to, request.toString(), now));
        ObjectNode ok = error(0, "ok");
        if (api != Api.CUSTOMER_SERVICE) {
            ok.put("msgid", msgIds.incrementAndGet());
        }
        if (weCom) {
            ok.put("invaliduser", "");
        }
        return ok;
    }

    private ObjectNode classicToken(CallbackRequest query, Instant now) {
        if (!"client_credential".equals(query.parameter("grant_type").orElse(""))) {
            return error(40002, "invalid grant_type");
        }
        String appId = query.parameter("appid").orElse("");
        ObjectNode refused =
                checkSecret(appSecrets, appId, query.parameter("secret").orElse(""), 40125);
        if (refused != null) {
            return refused;
        }
        // A new classic token leaves the app's earlier ones valid for five more minutes at most.
        tokens.replaceAll((value, t) -> t.app().equals(appId) && t.kind() == Api.TOKEN
                ? new Issued(t.app(), t.kind(), min(t.expiresAt(), now.plus(OVERLAP)))
                : t);
        return issue(appId, Api.TOKEN, now);
    }

    private ObjectNode stableToken(JsonNode request, Instant now) {
        if (request == null
                || !"client_credential".equals(request.path("grant_type").asText(""))) {
            return error(40002, "invalid grant_type");
        }
        String appId = request.path("appid").asText("");
        ObjectNode refused =
                checkSecret(appSecrets, appId, request.path("secret").asText(""), 40125);
        if (refused != null) {
            return refused;
        }
        String current = stableTokens.get(appId);
        Issued issued = current == null ? null : tokens.get(current);
        if (issued != null
                && now.isBefore(issued.expiresAt())
                && !request.path("force_refresh").asBoolean(false)) {
            return tokenAnswer(current, Duration.between(now, issued.expiresAt()));
        }
        // force_refresh: the previous stable token stops working at once.
        if (current != null) {
            tokens.remove(current);
        }
        ObjectNode answer = issue(appId, Api.STABLE_TOKEN, now);
        stableTokens.put(appId, answer.get("access_token").asText());
        return answer;
    }

    private ObjectNode weComToken(CallbackRequest query, Instant now) {
        String corpId = query.parameter("corpid").orElse("");
        ObjectNode refused =
                checkSecret(corpSecrets, corpId, query.parameter("corpsecret").orElse(""), 40001);
        if (refused != null) {
            return refused;
        }
        // WeCom returns the same token while it is valid.
        for (Map.Entry<String, Issued> e : tokens.entrySet()) {
            Issued t = e.getValue();
            if (t.app().equals(corpId) && t.kind() == Api.WECOM_TOKEN && now.isBefore(t.expiresAt())) {
                return tokenAnswer(e.getKey(), Duration.between(now, t.expiresAt()));
            }
        }
        return issue(corpId, Api.WECOM_TOKEN, now);
    }

    private static ObjectNode checkSecret(Map<String, String> secrets, String app, String secret, int wrongSecret) {
        String expected = secrets.get(app);
        if (expected == null) {
            return error(40013, "invalid appid");
        }
        if (!java.security.MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            return error(wrongSecret, "invalid appsecret");
        }
        return null;
    }

    private ObjectNode issue(String app, Api kind, Instant now) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(value, new Issued(app, kind, now.plus(tokenLifetime)));
        tokensIssued++;
        return tokenAnswer(value, tokenLifetime);
    }

    private static ObjectNode tokenAnswer(String value, Duration expiresIn) {
        return JSON.createObjectNode().put("access_token", value).put("expires_in", Math.max(1, expiresIn.toSeconds()));
    }

    private static ObjectNode error(int errcode, String errmsg) {
        return JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration checkLatency(Duration delay) {
        Arguments.notNegative(delay, "latency");
        Arguments.inRange(delay.toMillis(), 0, 60_000, "latency (ms)");
        return delay;
    }

    /** Stops the server and its threads. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "WeChatApiSimulator[" + listen + ", " + appSecrets.size() + " apps, " + corpSecrets.size() + " corps]";
    }

    /** Builds a {@link WeChatApiSimulator}; each setter rejects a bad value at once. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final Map<String, String> appSecrets = new HashMap<>();
        private final Map<String, String> corpSecrets = new HashMap<>();
        private Duration tokenLifetime = Duration.ofSeconds(7200);
        private int customerServiceQuota = 20;
        private Duration latency = Duration.ZERO;
        private Clock clock = Clocks.system();
        private Scheduler scheduler;
        private InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

        private Builder() {}

        /**
         * An official account or mini-program the token endpoints know.
         *
         * @param appId its app id
         * @param secret its app secret
         * @return this builder
         */
        public Builder app(String appId, String secret) {
            appSecrets.put(Arguments.notBlank(appId, "app id"), Arguments.notBlank(secret, "app secret"));
            return this;
        }

        /**
         * A WeCom corp and app secret that {@code gettoken} knows.
         *
         * @param corpId the corp id
         * @param secret the app's secret
         * @return this builder
         */
        public Builder corp(String corpId, String secret) {
            corpSecrets.put(Arguments.notBlank(corpId, "corp id"), Arguments.notBlank(secret, "corp secret"));
            return this;
        }

        /**
         * How long issued tokens last. Default: 7,200 s, as WeChat's.
         *
         * @param lifetime 1 s to a day
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
            Arguments.positive(lifetime, "token lifetime");
            Arguments.inRange(lifetime.toSeconds(), 1, 86_400, "token lifetime (seconds)");
            this.tokenLifetime = lifetime;
            return this;
        }

        /**
         * How many customer-service messages a follower may get after writing once. Default: 20.
         *
         * @param quota 1 to 1000
         * @return this builder
         */
        public Builder customerServiceQuota(int quota) {
            this.customerServiceQuota = (int) Arguments.inRange(quota, 1, 1000, "customer-service quota");
            return this;
        }

        /**
         * A delay before every answer. Default: none.
         *
         * @param delay 0 to 60 s
         * @return this builder
         */
        public Builder latency(Duration delay) {
            this.latency = checkLatency(delay);
            return this;
        }

        /**
         * The clock for token expiry and the 48-hour window. Default: the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * The scheduler that delays answers. Default: rb-core's system scheduler.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Where to listen. Default: the loopback address, any free port.
         *
         * @param address the address
         * @return this builder
         */
        public Builder listen(InetSocketAddress address) {
            this.listen = Arguments.notNull(address, "address");
            return this;
        }

        /**
         * Builds the simulator (not yet listening: {@link WeChatApiSimulator#start()}).
         *
         * @return the simulator
         */
        public WeChatApiSimulator build() {
            if (scheduler == null) {
                scheduler = Scheduler.system();
            }
            return new WeChatApiSimulator(this);
        }
    }
}
