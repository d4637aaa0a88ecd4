package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import io.remotebank.channels.Address;
import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.smpp.SmppError;
import io.remotebank.channels.smpp.SmppException;
import io.remotebank.channels.smpp.SmppStatistics;
import io.remotebank.channels.smpp.charset.EncodedMessage;
import io.remotebank.channels.smpp.charset.SmsCodec;
import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.CommandStatus;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.channels.smpp.pdu.PduCodec;
import io.remotebank.channels.smpp.pdu.PduException;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import io.remotebank.channels.smpp.pdu.SmppDecoder;
import io.remotebank.channels.smpp.pdu.SmppEncoder;
import io.remotebank.channels.smpp.pdu.Tlv;
import io.remotebank.channels.spi.ProviderContent;
import io.remotebank.channels.spi.ProviderContext;
import io.remotebank.channels.spi.Submission;
import io.remotebank.channels.spi.SubmitResult;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMPP client: one bind, its window and its queues. Every field below the queue is confined
 * to one event loop, so the hot path takes no lock: callers put segments on a lock-free queue and
 * the loop writes as many as the window, the token bucket and the channel allow, then flushes once.
 * Its concerns that stand apart are classes of their own: {@link WriteBackPressure} (an SMSC that
 * does not read cannot make it queue answers without end), {@link BindRefusal} (which refused
 * binds are retried) and {@link WarningRateLimit} (a repeated fault logs a sample and a count).
 */
@API(status = INTERNAL, since = "0.1")
public final class SmppClientEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SmppClientEngine.class);
    private static final DateTimeFormatter VALIDITY =
            DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int ENCODE_ESTIMATE = 160;
    private static final int BATCH_BYTES = 16 * 1024;

    private enum State {
        IDLE,
        CONNECTING,
        BINDING,
        BOUND,
        UNBINDING,
        /** The SMSC refused the bind for good ({@link BindRefusal}): nothing more is tried. */
        REFUSED,
        CLOSED
    }

    // Kinds of warning a misbehaving SMSC can repeat once per PDU (WarningRateLimit keys).
    private static final String BAD_PDU = "bad PDU from the SMSC";
    private static final String STRAY_NACK = "generic_nack for no request";

    private final SmppClientConfig config;
    private final SmsCodec sms;
    private final EventLoopGroup group;
    private final boolean ownGroup;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final Executor callbacks;
    private final ExecutorService ownCallbacks;
    private final long responseTimeout;
    private final long enquireInterval;
    private final long submitTimeout;
    private final long throttleBase;
    private final Deliveries deliveries;

    // Any thread.
    private final ConcurrentLinkedQueue<Segment> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger reference =
            new AtomicInteger(ThreadLocalRandom.current().nextInt());
    private final CompletableFuture<Void> firstBind = new CompletableFuture<>();
    private final LongAdder submissions = new LongAdder();
    private final LongAdder segmentsSent = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder resent = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder receipts = new LongAdder();
    private final LongAdder inbound = new LongAdder();
    private final LongAdder binds = new LongAdder();
    private final LongAdder connectionsLost = new LongAdder();
    private final LongAdder readPauses = new LongAdder();
    private final LongAdder overflowCloses = new LongAdder();
    private volatile boolean closed;
    private volatile boolean bound;
    private volatile ProviderContext context;
    /** Why the client is not bound: the last failure to connect or bind, null once bound. */
    private volatile SmppException bindFailure;
    /** Set once the SMSC refused the bind for good; submissions fail with it from then on. */
    private volatile SmppException refusal;

    // Event loop only.
    private final ArrayDeque<Segment> retry = new ArrayDeque<>();
    private final IntObjectHashMap<Segment> window = new IntObjectHashMap<>();
    private final Runnable drainTask = this::drain;
    private Channel channel;
    private State state = State.IDLE;
    private int nextSequence = 1;
    private int bindSequence = -1;
    private int enquireSequence = -1;
    private long stateSince;
    private long enquireSentAt;
    private long lastRead;
    private long pausedUntil;
    private long throttlePause;
    private double tokens;
    private long tokensAt;
    private int reconnectAttempt;
    private boolean drainTimerSet;
    private long lastQueueScan;
    private ScheduledFuture<?> tick;
    /** Whether {@link #bindFailure} already says why the current connect-and-bind attempt failed. */
    private boolean attemptExplained;

    private final WarningRateLimit warnings;

    /**
     * Creates an engine; nothing connects until {@link #start}.
     *
     * @param config the settings
     */
    public SmppClientEngine(SmppClientConfig config) {
        this.config = config;
        this.sms = new SmsCodec(config.defaultAlphabet(), config.longMessages());
        this.ownGroup = config.eventLoopGroup().isEmpty();
        this.group = config.eventLoopGroup()
                .orElseGet(() -> new MultiThreadIoEventLoopGroup(
                        1, new DefaultThreadFactory("rb-smpp-" + config.name(), true), NioIoHandler.newFactory()));
        this.loop = group.next();
        if (config.callbackExecutor().isPresent()) {
            this.ownCallbacks = null;
            this.callbacks = config.callbackExecutor().get();
        } else {
            this.ownCallbacks = Executors.newSingleThreadExecutor(
                    new DefaultThreadFactory("rb-smpp-" + config.name() + "-callbacks", true));
            this.callbacks = ownCallbacks;
        }
        this.responseTimeout = config.responseTimeout().toNanos();
        this.enquireInterval = config.enquireLinkInterval().toNanos();
        this.submitTimeout = config.submitTimeout().toNanos();
        this.throttleBase = config.throttleBackoff().toNanos();
        this.throttlePause = throttleBase;
        this.warnings = new WarningRateLimit(
                LOG, WarningRateLimit.DEFAULT_BURST, WarningRateLimit.DEFAULT_INTERVAL, System::nanoTime);
        this.deliveries = new Deliveries(config.name(), sms, callbacks, () -> context, receipts, inbound, warnings);
        this.tokens = config.burst();
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        config.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (config.sslContext().isPresent()) {
                            SslHandler ssl =
                                    config.sslContext().get().newHandler(ch.alloc(), config.host(), config.port());
                            restrictTls(ssl.engine());
                            ch.pipeline().addLast("tls", ssl);
                        }
                        ch.pipeline()
                                .addLast(
                                        "back-pressure",
                                        new WriteBackPressure(WriteBackPressure.Limits.DEFAULT, new BackPressure()));
                        ch.pipeline().addLast("decoder", new SmppDecoder());
                        ch.pipeline().addLast("encoder", SmppEncoder.INSTANCE);
                        ch.pipeline().addLast("session", new Handler());
                    }
                });
    }

    private void restrictTls(SSLEngine engine) {
        List<String> allowed = new ArrayList<>();
        for (String p : engine.getSupportedProtocols()) {
            if (p.equals("TLSv1.2") || p.equals("TLSv1.3")) {
                allowed.add(p);
            }
        }
        engine.setEnabledProtocols(allowed.toArray(String[]::new));
        if (config.hostnameVerification()) {
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
    }

    // ------------------------------------------------------------------ API (any thread)

    /**
     * Connects and binds in the background, and keeps the bind up until {@link #close()}.
     *
     * @param ctx where delivery reports and inbound messages go
     */
    public void start(ProviderContext ctx) {
        this.context = ctx;
        loop.execute(() -> {
            if (state == State.IDLE && !closed) {
                tick = loop.scheduleAtFixedRate(this::tick, tickNanos(), tickNanos(), TimeUnit.NANOSECONDS);
                connect();
            }
        });
    }

    private long tickNanos() {
        return Math.max(
                TimeUnit.MILLISECONDS.toNanos(5), Math.min(TimeUnit.MILLISECONDS.toNanos(100), responseTimeout / 5));
    }

    /** Completes when the first bind succeeds. */
    public CompletionStage<Void> bound() {
        return firstBind.copy();
    }

    /** Whether the client is bound now. */
    public boolean isBound() {
        return bound;
    }

    /**
     * Why the client is not bound: the last failure to connect or to bind since the last bind
     * (code {@link SmppError#BIND_REFUSED} when the SMSC refused for good, else {@link
     * SmppError#NOT_BOUND}); empty while bound and before the first attempt has ended.
     */
    public Optional<SmppException> lastBindFailure() {
        return Optional.ofNullable(bindFailure);
    }

    /** The counters. */
    public SmppStatistics statistics() {
        return new SmppStatistics(
                submissions.sum(),
                segmentsSent.sum(),
                acknowledged.sum(),
                failed.sum(),
                resent.sum(),
                throttled.sum(),
                receipts.sum(),
                inbound.sum(),
                binds.sum(),
                connectionsLost.sum(),
                readPauses.sum(),
                overflowCloses.sum());
    }

    /**
     * Queues a submission.
     *
     * @param s the submission
     * @return the SMSC's answer
     */
    public CompletionStage<SubmitResult> submit(Submission s) {
        if (closed) {
            return CompletableFuture.completedFuture(
                    new SubmitResult.TemporaryFailure("the SMPP provider is closed", Optional.empty()));
        }
        SmppException refused = refusal;
        if (refused != null) {
            return CompletableFuture.completedFuture(
                    new SubmitResult.TemporaryFailure(refused.getMessage(), Optional.empty()));
        }
        if (!config.bindType().transmits()) {
            return CompletableFuture.completedFuture(
                    new SubmitResult.PermanentFailure("the SMPP provider is bound as a receiver"));
        }
        if (!(s.address() instanceof Address.Msisdn to)) {
            return CompletableFuture.completedFuture(
                    new SubmitResult.PermanentFailure("SMPP carries SMS to phone numbers only"));
        }
        if (!(s.content() instanceof ProviderContent.Text text)) {
            return CompletableFuture.completedFuture(
                    new SubmitResult.PermanentFailure("SMPP sends text, not a provider template reference"));
        }
        EncodedMessage em;
        try {
            em = sms.encode(text.text(), reference.incrementAndGet());
        } catch (SmppException e) {
            return CompletableFuture.completedFuture(new SubmitResult.PermanentFailure(e.getMessage()));
        }
        String validity =
                s.deadline().map(VALIDITY::format).map(t -> t + "000+").orElse("");
        SmeAddress dest = SmeAddress.international(to.number().e164());
        int esm = em.udh() ? 0x40 : 0;
        int registered = config.registeredDelivery() ? 1 : 0;
        int count = em.segments().size();
        Segment[] segments = new Segment[count];
        Outgoing out = new Outgoing(s.id().value(), count, System.nanoTime() + submitTimeout, failed);
        try {
            for (int i = 0; i < count; i++) {
                byte[] sm = em.segments().get(i);
                List<Tlv> tlvs = List.of();
                if (em.payload()) {
                    tlvs = List.of(new Tlv(Tlv.MESSAGE_PAYLOAD, sm));
                    sm = new byte[0];
                }
                Pdu.ShortMessage pdu = new Pdu.ShortMessage(
                        CommandId.SUBMIT_SM,
                        0,
                        config.serviceType(),
                        config.sourceAddress(),
                        dest,
                        esm,
                        0,
                        0,
                        "",
                        validity,
                        registered,
                        0,
                        em.dataCoding(),
                        0,
                        sm,
                        tlvs);
                // Encoded here, on the caller's thread, so the event loop only copies octets.
                ByteBuf buf = Unpooled.wrappedBuffer(
                        new byte
                                [ENCODE_ESTIMATE
                                        + sm.length
                                        + (em.payload() ? em.segments().get(i).length : 0)]);
                buf.clear();
                PduCodec.encode(pdu, buf);
                segments[i] = new Segment(out, i, buf.array(), buf.writerIndex());
            }
        } catch (PduException e) {
            return CompletableFuture.completedFuture(new SubmitResult.PermanentFailure(e.getMessage()));
        }
        submissions.increment();
        for (Segment seg : segments) {
            incoming.offer(seg);
        }
        if (closed) {
            failQueued("the SMPP provider is closed");
        } else if (refusal != null) {
            failQueued(refusal.getMessage());
        }
        scheduleDrain();
        return out.future;
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                loop.execute(drainTask);
            } catch (RejectedExecutionException e) {
                drainScheduled.set(false);
                failQueued("the SMPP provider is closed");
            }
        }
    }

    private void failQueued(String reason) {
        failQueued(s -> reason);
    }

    private void failQueued(Function<Segment, String> reason) {
        Segment s;
        while ((s = incoming.poll()) != null) {
            if (!s.message.done) {
                s.message.finish(new SubmitResult.TemporaryFailure(reason.apply(s), Optional.empty()));
            }
        }
    }

    /**
     * A failure reason that says which submission, which segment and which submit_sm (its sequence
     * number) went unanswered, e.g. {@code channels.smpp.submit.timeout: message 5d1e... segment 1/2
     * not acknowledged within PT15S (last sent as submit_sm sequence 17)}.
     */
    private String unacknowledged(SmppError code, Segment s, String when) {
        StringBuilder b = new StringBuilder(code.code())
                .append(": message ")
                .append(s.message.messageId)
                .append(" segment ")
                .append(s.index + 1)
                .append('/')
                .append(s.message.ids.length)
                .append(" not acknowledged ")
                .append(when);
        if (s.sequence > 0) {
            b.append(" (last sent as submit_sm sequence ").append(s.sequence).append(')');
        } else {
            b.append(" (never sent");
            SmppException why = bindFailure;
            if (!bound && why != null) {
                b.append(": ").append(why.getMessage());
            }
            b.append(')');
        }
        return b.toString();
    }

    private String timedOut(Segment s) {
        return unacknowledged(SmppError.SUBMIT_TIMEOUT, s, "within " + config.submitTimeout());
    }

    private String closedFirst(Segment s) {
        return unacknowledged(SmppError.CLOSED, s, "before the provider closed");
    }

    /** Unbinds, closes the connection and fails what was not answered. Idempotent. */
    public void close() {
        close(config.responseTimeout());
    }

    /**
     * Like {@link #close()}, waiting at most {@code unbindWait} (and at most the response timeout)
     * for the SMSC's unbind_resp before closing the connection anyway.
     *
     * @param unbindWait how long the SMSC may take to answer unbind
     */
    public void close(Duration unbindWait) {
        if (closed) {
            return;
        }
        closed = true;
        long wait = unbindWait.isNegative()
                ? 0
                : unbindWait.compareTo(config.responseTimeout()) < 0 ? unbindWait.toNanos() : responseTimeout;
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            loop.execute(() -> shutdown(done, wait));
            done.get(TimeUnit.NANOSECONDS.toMillis(wait) + 2000, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            done.complete(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("SMPP provider {}: shutdown did not finish cleanly", config.name(), e);
        }
        failQueued(this::closedFirst);
        if (ownGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (ownCallbacks != null) {
            ownCallbacks.shutdown();
            try {
                ownCallbacks.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        firstBind.completeExceptionally(new SmppException(SmppError.CLOSED, "closed"));
    }

    private void shutdown(CompletableFuture<Void> done, long unbindWait) {
        if (tick != null) {
            tick.cancel(false);
        }
        Channel ch = channel;
        State was = state;
        state = State.CLOSED;
        bound = false;
        failAll(this::closedFirst);
        if (ch != null && ch.isActive() && was == State.BOUND) {
            int seq = nextSequence();
            ch.writeAndFlush(new Pdu.HeaderOnly(CommandId.UNBIND, 0, seq));
            ScheduledFuture<?> force = loop.schedule(() -> ch.close(), unbindWait, TimeUnit.NANOSECONDS);
            ch.closeFuture().addListener(f -> {
                force.cancel(false);
                done.complete(null);
            });
        } else if (ch != null) {
            ch.close().addListener(f -> done.complete(null));
        } else {
            done.complete(null);
        }
    }

    private void failAll(Function<Segment, String> reason) {
        List<Segment> inFlight = new ArrayList<>(window.values());
        // In sequence order, so that a submission fails with the reason of its earliest segment.
        inFlight.sort((a, b) -> Integer.compare(a.sequence, b.sequence));
        for (Segment s : inFlight) {
            if (!s.message.done) {
                s.message.finish(new SubmitResult.TemporaryFailure(reason.apply(s), Optional.empty()));
            }
        }
        window.clear();
        for (Segment s : retry) {
            if (!s.message.done) {
                s.message.finish(new SubmitResult.TemporaryFailure(reason.apply(s), Optional.empty()));
            }
        }
        retry.clear();
        failQueued(reason);
    }

    // ------------------------------------------------------------------ connection (event loop)

    private void connect() {
        if (closed || state == State.REFUSED) {
            return;
        }
        state = State.CONNECTING;
        stateSince = System.nanoTime();
        attemptExplained = false;
        bootstrap.connect(config.host(), config.port()).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                notBound("cannot connect to " + smsc() + " (" + f.cause() + ")");
                LOG.warn(
                        "SMPP provider {}: cannot connect to {} ({})",
                        config.name(),
                        smsc(),
                        f.cause().toString());
                if (state == State.CONNECTING) {
                    state = State.IDLE;
                }
                scheduleReconnect();
            }
        });
    }

    /** The SMSC's address as the configuration gives it, for messages. */
    private String smsc() {
        return config.host() + ":" + config.port();
    }

    /** Records why the client is not bound, for {@link #lastBindFailure()}. */
    private void notBound(String why) {
        attemptExplained = true;
        bindFailure = new SmppException(SmppError.NOT_BOUND, why);
    }

    private String bindCommand() {
        return config.bindType().command().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The SMSC refused the bind with {@code status} (in a bind_resp or a generic_nack): stop, retry
     * after unbind, or retry after the back-off, as {@link BindRefusal} decides.
     */
    private void bindRefused(Channel ch, String how, int status) {
        String refused = "the SMSC at " + smsc() + " refused " + bindCommand() + " as '" + config.systemId() + "' with "
                + how + CommandStatus.describe(status);
        switch (BindRefusal.actionFor(status)) {
            case STOP -> {
                attemptExplained = true;
                SmppException e = new SmppException(
                        SmppError.BIND_REFUSED, refused + ", a refusal that binding again cannot change: not retried");
                LOG.error("SMPP provider {}: {}", config.name(), e.getMessage());
                bindFailure = e;
                refusal = e;
                state = State.REFUSED;
                stateSince = System.nanoTime();
                failAll(seg -> e.getMessage());
                firstBind.completeExceptionally(e);
                ch.close();
            }
            case UNBIND_THEN_RETRY -> {
                notBound(refused + "; unbinding, then binding again");
                LOG.warn("SMPP provider {}: {}", config.name(), bindFailure.getMessage());
                // The SMSC still holds a bind on this connection: end it before binding again.
                state = State.UNBINDING;
                stateSince = System.nanoTime();
                ch.writeAndFlush(new Pdu.HeaderOnly(CommandId.UNBIND, 0, nextSequence()));
            }
            case RETRY -> {
                notBound(refused + "; binding again after the reconnect back-off");
                LOG.warn("SMPP provider {}: {}", config.name(), bindFailure.getMessage());
                ch.close();
            }
        }
    }

    private void scheduleReconnect() {
        if (closed || state == State.REFUSED) {
            return;
        }
        long base = config.reconnectDelay().toNanos();
        long max = config.maxReconnectDelay().toNanos();
        long delay = base << Math.min(reconnectAttempt, 20);
        if (delay <= 0 || delay > max) {
            delay = max;
        }
        // Jitter keeps many clients from reconnecting in lock step.
        delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        reconnectAttempt++;
        loop.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
    }

    private void sendBind(Channel ch) {
        bindSequence = nextSequence();
        char[] pw = config.password();
        Pdu.Bind bind = new Pdu.Bind(
                config.bindType().command(),
                bindSequence,
                config.systemId(),
                new String(pw),
                config.systemType(),
                0x34,
                config.addressRange());
        Arrays.fill(pw, '\0');
        state = State.BINDING;
        stateSince = System.nanoTime();
        ch.writeAndFlush(bind);
    }

    /** Unbind before rebind (never ESME_RALYBND): the session ends cleanly, then reconnects. */
    private void rebind(String reason) {
        if (state != State.BOUND) {
            return;
        }
        LOG.warn("SMPP provider {}: rebinding ({})", config.name(), reason);
        bound = false;
        state = State.UNBINDING;
        stateSince = System.nanoTime();
        channel.writeAndFlush(new Pdu.HeaderOnly(CommandId.UNBIND, 0, nextSequence()));
    }

    private void onInactive(Channel ch) {
        if (ch != channel) {
            return;
        }
        channel = null;
        bound = false;
        boolean wasClosing = state == State.CLOSED || state == State.REFUSED;
        if ((state == State.CONNECTING || state == State.BINDING) && !attemptExplained) {
            notBound("the SMSC at " + smsc() + " closed the connection before answering " + bindCommand());
        }
        if (!wasClosing) {
            connectionsLost.increment();
            state = State.IDLE;
        }
        // What was in flight goes again, first and in its order (at least once).
        if (!window.isEmpty()) {
            List<Segment> inFlight = new ArrayList<>(window.values());
            window.clear();
            inFlight.sort((a, b) -> Integer.compare(b.sequence, a.sequence));
            for (Segment s : inFlight) {
                if (!s.message.done) {
                    if (++s.resends > config.maxResends()) {
                        s.message.finish(new SubmitResult.TemporaryFailure(
                                "connection lost " + s.resends + " times while awaiting submit_sm_resp",
                                Optional.empty()));
                    } else {
                        resent.increment();
                        retry.addFirst(s);
                    }
                }
            }
        }
        enquireSequence = -1;
        bindSequence = -1;
        if (!wasClosing) {
            LOG.warn("SMPP provider {}: connection lost, {} segments to resend", config.name(), retry.size());
            scheduleReconnect();
        }
    }

    // ------------------------------------------------------------------ sending (event loop)

    private int nextSequence() {
        int s = nextSequence;
        // 3.2: sequence numbers run 0x00000001-0x7FFFFFFF.
        nextSequence = s == Integer.MAX_VALUE ? 1 : s + 1;
        return s;
    }

    private boolean takeToken(long now) {
        double rate = config.maxRate();
        if (rate == 0) {
            return true;
        }
        tokens = Math.min(config.burst(), tokens + (now - tokensAt) * rate / 1e9);
        tokensAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        scheduleDrainAt(now + (long) ((1 - tokens) * 1e9 / rate) + 1);
        return false;
    }

    private void scheduleDrainAt(long when) {
        if (!drainTimerSet) {
            drainTimerSet = true;
            loop.schedule(
                    () -> {
                        drainTimerSet = false;
                        drain();
                    },
                    Math.max(0, when - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        Channel ch = channel;
        if (state != State.BOUND || ch == null) {
            return;
        }
        long now = System.nanoTime();
        if (now < pausedUntil) {
            scheduleDrainAt(pausedUntil);
            return;
        }
        int max = config.windowSize();
        ByteBuf batch = null;
        boolean wrote = false;
        while (window.size() < max && ch.isWritable()) {
            boolean fromRetry = !retry.isEmpty();
            Segment s = fromRetry ? retry.pollFirst() : incoming.poll();
            if (s == null) {
                break;
            }
            if (s.message.done) {
                continue;
            }
            if (now > s.message.deadline) {
                s.message.finish(new SubmitResult.TemporaryFailure(timedOut(s), Optional.empty()));
                continue;
            }
            if (!takeToken(now)) {
                retry.addFirst(s);
                break;
            }
            int seq = nextSequence();
            s.sequence = seq;
            s.sentAt = now;
            window.put(seq, s);
            if (batch == null) {
                batch = ch.alloc().ioBuffer(BATCH_BYTES);
            }
            int at = batch.writerIndex();
            batch.writeBytes(s.pdu, 0, s.length);
            batch.setInt(at + Segment.SEQUENCE_OFFSET, seq);
            segmentsSent.increment();
            wrote = true;
            if (batch.readableBytes() >= BATCH_BYTES) {
                ch.write(batch, ch.voidPromise());
                batch = null;
            }
        }
        if (batch != null) {
            ch.write(batch, ch.voidPromise());
        }
        if (wrote) {
            ch.flush();
        }
    }

    private void tick() {
        long now = System.nanoTime();
        warnings.flush();
        if (now - lastQueueScan > TimeUnit.SECONDS.toNanos(1)) {
            lastQueueScan = now;
            expireQueued(now);
        }
        Channel ch = channel;
        switch (state) {
            case BINDING, UNBINDING -> {
                if (now - stateSince > responseTimeout && ch != null) {
                    if (state == State.BINDING) {
                        notBound("no answer to " + bindCommand() + " from " + smsc() + " within "
                                + config.responseTimeout());
                    }
                    LOG.warn("SMPP provider {}: no answer to {} in time, closing", config.name(), state);
                    ch.close();
                }
            }
            case BOUND -> {
                expireWindow(now);
                for (Segment s : window.values()) {
                    if (now - s.sentAt > responseTimeout) {
                        rebind("no submit_sm_resp within " + config.responseTimeout());
                        return;
                    }
                }
                if (enquireSequence >= 0) {
                    if (now - enquireSentAt > responseTimeout) {
                        rebind("no enquire_link_resp within " + config.responseTimeout());
                        return;
                    }
                } else if (now - lastRead > enquireInterval && ch != null) {
                    enquireSequence = nextSequence();
                    enquireSentAt = now;
                    ch.writeAndFlush(new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK, 0, enquireSequence));
                }
                drain();
            }
            default -> {}
        }
    }

    /**
     * Fails the submissions whose submit timeout passed while a segment awaits its submit_sm_resp
     * (a response timeout longer than the submit timeout would hold them past it). A late answer
     * to such a segment finds it gone and is ignored.
     */
    private void expireWindow(long now) {
        List<Segment> expired = null;
        for (Segment s : window.values()) {
            if (now > s.message.deadline || s.message.done) {
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(s);
            }
        }
        if (expired != null) {
            expired.sort((a, b) -> Integer.compare(a.sequence, b.sequence));
            for (Segment s : expired) {
                window.remove(s.sequence);
                s.message.finish(new SubmitResult.TemporaryFailure(timedOut(s), Optional.empty()));
            }
        }
    }

    private void expireQueued(long now) {
        for (Iterator<Segment> it = retry.iterator(); it.hasNext(); ) {
            Segment s = it.next();
            if (s.message.done || now > s.message.deadline) {
                it.remove();
                s.message.finish(new SubmitResult.TemporaryFailure(timedOut(s), Optional.empty()));
            }
        }
        if (state != State.BOUND) {
            for (Iterator<Segment> it = incoming.iterator(); it.hasNext(); ) {
                Segment s = it.next();
                if (s.message.done || now > s.message.deadline) {
                    it.remove();
                    s.message.finish(new SubmitResult.TemporaryFailure(timedOut(s), Optional.empty()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ receiving (event loop)

    private void onPdu(Channel ch, Pdu pdu) {
        lastRead = System.nanoTime();
        if (pdu instanceof Pdu.MessageIdResp r && r.commandId() == CommandId.SUBMIT_SM_RESP) {
            Segment s = window.remove(r.sequence());
            if (s != null) {
                answered(s, r.status(), r.messageId());
            }
        } else if (pdu instanceof Pdu.ShortMessage m && m.commandId() == CommandId.DELIVER_SM) {
            ch.write(
                    new Pdu.MessageIdResp(CommandId.DELIVER_SM_RESP, 0, m.sequence(), "", List.of()), ch.voidPromise());
            deliveries.delivered(m.esmClass(), m.source(), m.destination(), m.dataCoding(), m.shortMessage(), m.tlvs());
        } else if (pdu instanceof Pdu.DataSm d) {
            ch.write(new Pdu.MessageIdResp(CommandId.DATA_SM_RESP, 0, d.sequence(), "", List.of()), ch.voidPromise());
            byte[] payload =
                    Tlv.find(d.tlvs(), Tlv.MESSAGE_PAYLOAD).map(Tlv::value).orElse(new byte[0]);
            deliveries.delivered(d.esmClass(), d.source(), d.destination(), d.dataCoding(), payload, d.tlvs());
        } else if (pdu instanceof Pdu.BindResp r) {
            bindAnswered(ch, r);
        } else if (pdu instanceof Pdu.HeaderOnly h) {
            headerOnly(ch, h);
        } else if (pdu instanceof Pdu.AlertNotification) {
            LOG.debug("SMPP provider {}: alert_notification", config.name());
        } else if (!pdu.commandId().isResponse() && pdu.commandId() != CommandId.OUTBIND) {
            // An ESME serves no submit_sm, query_sm, ... (2.3): refuse what a client does not take.
            ch.write(
                    new PduException(
                                    CommandStatus.ESME_RINVCMDID,
                                    pdu.commandId().code(),
                                    pdu.sequence(),
                                    false,
                                    "")
                            .answer()
                            .orElseThrow(),
                    ch.voidPromise());
        }
    }

    private void headerOnly(Channel ch, Pdu.HeaderOnly h) {
        switch (h.commandId()) {
            case ENQUIRE_LINK ->
                ch.write(new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK_RESP, 0, h.sequence()), ch.voidPromise());
            case ENQUIRE_LINK_RESP -> {
                if (h.sequence() == enquireSequence) {
                    enquireSequence = -1;
                }
            }
            case UNBIND -> {
                LOG.info("SMPP provider {}: the SMSC unbinds", config.name());
                bound = false;
                state = State.UNBINDING;
                stateSince = System.nanoTime();
                ch.writeAndFlush(new Pdu.HeaderOnly(CommandId.UNBIND_RESP, 0, h.sequence()))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            case UNBIND_RESP -> ch.close();
            case GENERIC_NACK -> {
                Segment s = window.remove(h.sequence());
                if (s != null) {
                    answered(s, h.status() == 0 ? CommandStatus.ESME_RSYSERR.code() : h.status(), "");
                } else if (h.sequence() == bindSequence && state == State.BINDING) {
                    bindRefused(ch, "generic_nack ", h.status());
                } else if (h.sequence() == enquireSequence) {
                    enquireSequence = -1;
                } else {
                    warnings.warn(
                            STRAY_NACK,
                            "SMPP provider {}: generic_nack {} for #{}, which awaits no answer",
                            config.name(),
                            CommandStatus.describe(h.status()),
                            h.sequence());
                }
            }
            default -> {}
        }
    }

    private void bindAnswered(Channel ch, Pdu.BindResp r) {
        if (r.sequence() != bindSequence || state != State.BINDING) {
            return;
        }
        if (r.status() == 0) {
            state = State.BOUND;
            stateSince = System.nanoTime();
            bound = true;
            bindFailure = null;
            reconnectAttempt = 0;
            binds.increment();
            LOG.info("SMPP provider {}: bound as {} to {}", config.name(), config.bindType(), r.systemId());
            firstBind.complete(null);
            drain();
            return;
        }
        bindRefused(ch, "", r.status());
    }

    private void answered(Segment s, int status, String messageId) {
        if (status == 0) {
            throttlePause = throttleBase;
            if (messageId.isEmpty()) {
                messageId = "seq-" + s.sequence;
            }
            if (s.message.segmentDone(s.index, messageId)) {
                String[] ids = s.message.ids;
                if (ids.length > 1) {
                    deliveries.longMessageAcknowledged(ids);
                }
                acknowledged.increment();
                s.message.future.complete(new SubmitResult.Submitted(ids[0]));
            }
            return;
        }
        String name = CommandStatus.nameOf(status);
        switch (CommandStatus.kindOf(status)) {
            case THROTTLED -> {
                throttled.increment();
                long now = System.nanoTime();
                pausedUntil = Math.max(pausedUntil, now + throttlePause);
                Duration pause = Duration.ofNanos(throttlePause);
                throttlePause = Math.min(throttlePause * 2, throttleBase * 16);
                resendOrFail(s, name, Optional.of(pause));
            }
            case SESSION -> {
                resendOrFail(s, name, Optional.empty());
                rebind(name + " on submit_sm");
            }
            case TEMPORARY -> s.message.finish(new SubmitResult.TemporaryFailure(name, Optional.empty()));
            default -> s.message.finish(new SubmitResult.PermanentFailure(name));
        }
    }

    private void resendOrFail(Segment s, String reason, Optional<Duration> retryAfter) {
        if (s.message.done) {
            return;
        }
        if (++s.resends > config.maxResends()) {
            s.message.finish(
                    new SubmitResult.TemporaryFailure(reason + " after " + (s.resends - 1) + " resends", retryAfter));
        } else {
            resent.increment();
            retry.addLast(s);
        }
    }

    /** Counts and logs what the connection's {@link WriteBackPressure} does. */
    private final class BackPressure implements WriteBackPressure.Listener {
        @Override
        public void readsPaused(Channel ch, long pendingBytes) {
            readPauses.increment();
            LOG.debug(
                    "SMPP provider {}: {} bytes wait to be written, the SMSC takes them slowly: reading paused",
                    config.name(),
                    pendingBytes);
        }

        @Override
        public void readsResumed(Channel ch) {
            LOG.debug("SMPP provider {}: reading resumed", config.name());
        }

        @Override
        public void overflowed(Channel ch, long pendingBytes, long limit) {
            overflowCloses.increment();
            LOG.warn(
                    "SMPP provider {}: the SMSC at {} does not read: {} bytes wait to be written, more than {};"
                            + " closing the connection",
                    config.name(),
                    smsc(),
                    pendingBytes,
                    limit);
        }
    }

    /** The pipeline's last handler: hands everything to the engine on the event loop. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel ch = ctx.channel();
            channel = ch;
            lastRead = System.nanoTime();
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            if (ssl == null) {
                sendBind(ch);
            } else {
                ssl.handshakeFuture().addListener(f -> {
                    if (f.isSuccess() && ch == channel) {
                        sendBind(ch);
                    } else if (!f.isSuccess()) {
                        notBound("the TLS handshake with " + smsc() + " failed (" + f.cause() + ")");
                        LOG.warn(
                                "SMPP provider {}: TLS handshake failed ({})",
                                config.name(),
                                f.cause().toString());
                        ch.close();
                    }
                });
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Pdu pdu) {
                onPdu(ctx.channel(), pdu);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
            drain();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                drain();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            onInactive(ctx.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            if (c instanceof PduException p) {
                // A hostile SMSC can send thousands a second: the log gets a sample and a count.
                warnings.warn(BAD_PDU, "SMPP provider {}: bad PDU from the SMSC: {}", config.name(), p.getMessage());
                Optional<Pdu> answer = p.answer();
                if (answer.isPresent()) {
                    ctx.writeAndFlush(answer.get());
                }
                if (p.framingLost()) {
                    ctx.close();
                }
                return;
            }
            if (closed) { // the provider is shutting down: the SMSC closing after unbind is expected
                LOG.debug("SMPP provider {}: connection closed while shutting down ({})", config.name(), c.toString());
            } else {
                LOG.warn("SMPP provider {}: connection error ({})", config.name(), c.toString());
            }
            ctx.close();
        }
    }
}
