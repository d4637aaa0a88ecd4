package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
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
import io.netty.util.concurrent.DefaultThreadFactory;
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
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Scheduler;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMPP client: one connection's pipeline and the parts that run it, each a class of its own.
 * {@link BindSession} connects, binds, rebinds and reconnects; {@link SubmitWindow} keeps the
 * submit_sm in flight, the resend queue, the token bucket and the throttle pause; {@link KeepAlive}
 * (a handler, like Netty's {@code IdleStateHandler}) probes a quiet link with enquire_link; {@link
 * Deliveries} turns deliver_sm into reports and inbound messages; {@link WriteBackPressure} keeps an
 * SMSC that does not read from making the client queue answers without end; {@link
 * WarningRateLimit} keeps a repeated fault to a sample and a count in the log. Everything below the
 * callers' queue is confined to one event loop, so the hot path takes no lock; every timer runs on
 * the configured {@link Scheduler} (virtual time in tests) and is handed to that loop.
 */
@API(status = INTERNAL, since = "0.1")
public final class SmppClientEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SmppClientEngine.class);
    private static final DateTimeFormatter VALIDITY =
            DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int ENCODE_ESTIMATE = 160;

    // Kinds of warning a misbehaving SMSC can repeat once per PDU (WarningRateLimit keys).
    private static final String BAD_PDU = "bad PDU from the SMSC";
    private static final String STRAY_NACK = "generic_nack for no request";

    private final SmppClientConfig config;
    private final SmsCodec sms;
    private final EventLoopGroup group;
    private final boolean ownGroup;
    private final Scheduler scheduler;
    private final LoopTime time;
    private final Executor callbacks;
    private final ExecutorService ownCallbacks;
    private final long submitTimeout;
    private final Counters counters = new Counters();
    private final WarningRateLimit warnings;
    private final Deliveries deliveries;
    private final SubmitWindow window;
    private final BindSession session;

    // Any thread.
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger reference =
            new AtomicInteger(ThreadLocalRandom.current().nextInt());
    private final CompletableFuture<Void> firstBind = new CompletableFuture<>();
    private volatile ProviderContext context;
    private volatile Cancellable tick;

    // Event loop only.
    private final Runnable drainTask = this::drain;
    private int nextSequence = 1;

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
        EventLoop loop = group.next();
        this.scheduler = config.scheduler().orElseGet(() -> Scheduler.of(loop));
        this.time = new LoopTime(scheduler, loop);
        if (config.callbackExecutor().isPresent()) {
            this.ownCallbacks = null;
            this.callbacks = config.callbackExecutor().get();
        } else {
            this.ownCallbacks = Executors.newSingleThreadExecutor(
                    new DefaultThreadFactory("rb-smpp-" + config.name() + "-callbacks", true));
            this.callbacks = ownCallbacks;
        }
        this.submitTimeout = config.submitTimeout().toNanos();
        this.warnings =
                new WarningRateLimit(LOG, WarningRateLimit.DEFAULT_BURST, WarningRateLimit.DEFAULT_INTERVAL, time::now);
        this.deliveries = new Deliveries(
                config.name(), sms, callbacks, () -> context, counters.receipts, counters.inbound, warnings);
        this.window = new SubmitWindow(config, time, counters, deliveries, this::nextSequence, new SubmitWindow.Link() {
            @Override
            public Channel boundChannel() {
                return session.boundChannel();
            }

            @Override
            public void rebind(String reason) {
                session.rebind(reason);
            }

            @Override
            public Optional<SmppException> whyNotBound() {
                return session.whyNotBound();
            }

            @Override
            public void drainSoon() {
                drain();
            }
        });
        Bootstrap bootstrap = new Bootstrap()
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
                            // The application's context as given, narrowed by the policy, never widened.
                            config.tlsPolicy().applyToClient(ssl.engine());
                            ch.pipeline().addLast("tls", ssl);
                        }
                        ch.pipeline()
                                .addLast(
                                        "back-pressure",
                                        new WriteBackPressure(WriteBackPressure.Limits.DEFAULT, new BackPressure()));
                        ch.pipeline().addLast("decoder", new SmppDecoder());
                        ch.pipeline().addLast("encoder", SmppEncoder.INSTANCE);
                        ch.pipeline()
                                .addLast(
                                        "keep-alive",
                                        new KeepAlive(
                                                time,
                                                config.enquireLinkInterval(),
                                                config.responseTimeout(),
                                                SmppClientEngine.this::nextSequence,
                                                counters.linkChecks,
                                                reason -> session.rebind(reason)));
                        ch.pipeline().addLast("session", new Handler());
                    }
                });
        this.session = new BindSession(config, time, counters, bootstrap, window, this::nextSequence, firstBind);
    }

    // ------------------------------------------------------------------ API (any thread)

    /**
     * Connects and binds in the background, and keeps the bind up until {@link #close()}.
     *
     * @param ctx where delivery reports and inbound messages go
     */
    public void start(ProviderContext ctx) {
        this.context = ctx;
        if (session.isClosed() || !started.compareAndSet(false, true)) {
            return;
        }
        Duration every = Duration.ofNanos(tickNanos());
        tick = scheduler.scheduleWithFixedDelay(every, every, () -> time.run(this::tick));
        time.run(session::connect);
    }

    private long tickNanos() {
        return Math.max(
                TimeUnit.MILLISECONDS.toNanos(5),
                Math.min(
                        TimeUnit.MILLISECONDS.toNanos(100),
                        config.responseTimeout().toNanos() / 5));
    }

    /** Completes when the first bind succeeds. */
    public CompletionStage<Void> bound() {
        return firstBind.copy();
    }

    /** Whether the client is bound now. */
    public boolean isBound() {
        return session.isBound();
    }

    /**
     * Why the client is not bound: the last failure to connect or to bind since the last bind
     * (code {@link SmppError#BIND_REFUSED} when the SMSC refused for good, else {@link
     * SmppError#NOT_BOUND}); empty while bound and before the first attempt has ended.
     */
    public Optional<SmppException> lastBindFailure() {
        return session.lastBindFailure();
    }

    /** The counters. */
    public SmppStatistics statistics() {
        return counters.snapshot();
    }

    /**
     * Queues a submission.
     *
     * @param s the submission
     * @return the SMSC's answer
     */
    public CompletionStage<SubmitResult> submit(Submission s) {
        if (session.isClosed()) {
            return CompletableFuture.completedFuture(
                    new SubmitResult.TemporaryFailure("the SMPP provider is closed", Optional.empty()));
        }
        Optional<SmppException> refused = session.refusal();
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(
                    new SubmitResult.TemporaryFailure(refused.get().getMessage(), Optional.empty()));
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
        Segment[] segments;
        Outgoing out;
        try {
            EncodedMessage em = sms.encode(text.text(), reference.incrementAndGet());
            out = new Outgoing(s.id().value(), em.segments().size(), time.now() + submitTimeout, counters.failed);
            segments = encode(s, to, em, out);
        } catch (SmppException e) { // PduException among them
            return CompletableFuture.completedFuture(new SubmitResult.PermanentFailure(e.getMessage()));
        }
        counters.submissions.increment();
        window.offer(segments);
        if (session.isClosed()) {
            window.failQueued(window::closedFirst);
        } else if (session.refusal().isPresent()) {
            String why = session.refusal().get().getMessage();
            window.failQueued(seg -> why);
        }
        scheduleDrain();
        return out.future;
    }

    /** Encodes each segment once, here on the caller's thread, so that the event loop only copies octets. */
    private Segment[] encode(Submission s, Address.Msisdn to, EncodedMessage em, Outgoing out) {
        String validity =
                s.deadline().map(VALIDITY::format).map(t -> t + "000+").orElse("");
        SmeAddress dest = SmeAddress.international(to.number().e164());
        int esm = em.udh() ? 0x40 : 0;
        int registered = config.registeredDelivery() ? 1 : 0;
        int count = em.segments().size();
        Segment[] segments = new Segment[count];
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
            ByteBuf buf = Unpooled.wrappedBuffer(
                    new byte
                            [ENCODE_ESTIMATE
                                    + sm.length
                                    + (em.payload() ? em.segments().get(i).length : 0)]);
            buf.clear();
            PduCodec.encode(pdu, buf);
            segments[i] = new Segment(out, i, buf.array(), buf.writerIndex());
        }
        return segments;
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                time.loop().execute(drainTask);
            } catch (RejectedExecutionException e) {
                drainScheduled.set(false);
                window.failQueued(window::closedFirst);
            }
        }
    }

    /** Unbinds, closes the connection and fails what was not answered, within the shutdown timeout. Idempotent. */
    public void close() {
        close(config.shutdownTimeout());
    }

    /**
     * Like {@link #close()}, waiting at most {@code unbindWait} (and at most the response timeout)
     * for the SMSC's unbind_resp before closing the connection anyway; then the client's own event
     * loop and callback thread get at most a second each to finish.
     *
     * @param unbindWait how long the SMSC may take to answer unbind
     */
    public void close(Duration unbindWait) {
        if (session.isClosed()) {
            return;
        }
        session.markClosed();
        Cancellable t = tick;
        if (t != null) {
            t.cancel();
        }
        long wait = unbindWait.isNegative()
                ? 0
                : unbindWait.compareTo(config.responseTimeout()) < 0
                        ? unbindWait.toNanos()
                        : config.responseTimeout().toNanos();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            time.loop().execute(() -> session.shutdown(done, wait));
            // A backstop only: the unbind wait runs on the scheduler, which may be virtual.
            done.get(TimeUnit.NANOSECONDS.toMillis(wait) + 1000, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            done.complete(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("SMPP provider {}: shutdown did not finish cleanly", config.name(), e);
        }
        window.failQueued(window::closedFirst);
        if (ownGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        if (ownCallbacks != null) {
            ownCallbacks.shutdown();
            try {
                ownCallbacks.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        firstBind.completeExceptionally(new SmppException(SmppError.CLOSED, "closed"));
    }

    // ------------------------------------------------------------------ event loop

    private int nextSequence() {
        int s = nextSequence;
        // 3.2: sequence numbers run 0x00000001-0x7FFFFFFF.
        nextSequence = s == Integer.MAX_VALUE ? 1 : s + 1;
        return s;
    }

    private void tick() {
        warnings.flush();
        window.tick(session.inBoundState());
    }

    private void drain() {
        drainScheduled.set(false);
        Channel ch = session.boundChannel();
        if (ch != null) {
            window.drain(ch);
        }
    }

    private void onPdu(Channel ch, Pdu pdu) {
        if (pdu instanceof Pdu.MessageIdResp r && r.commandId() == CommandId.SUBMIT_SM_RESP) {
            window.answered(r.sequence(), r.status(), r.messageId());
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
            session.bindAnswered(ch, r);
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
            case UNBIND -> session.smscUnbinds(ch, h);
            case UNBIND_RESP -> ch.close();
            case GENERIC_NACK -> {
                int status = h.status() == 0 ? CommandStatus.ESME_RSYSERR.code() : h.status();
                if (!window.answered(h.sequence(), status, "") && !session.genericNack(ch, h)) {
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

    /** Counts and logs what the connection's {@link WriteBackPressure} does. */
    private final class BackPressure implements WriteBackPressure.Listener {
        @Override
        public void readsPaused(Channel ch, long pendingBytes) {
            counters.readPauses.increment();
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
            counters.overflowCloses.increment();
            LOG.warn(
                    "SMPP provider {}: the SMSC at {}:{} does not read: {} bytes wait to be written, more than {};"
                            + " closing the connection",
                    config.name(),
                    config.host(),
                    config.port(),
                    pendingBytes,
                    limit);
        }
    }

    /** The pipeline's last handler: hands everything to the session, the window and the deliveries. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            session.connected(ctx.channel());
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
            session.disconnected(ctx.channel());
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
            if (session.isClosed()) { // shutting down: the SMSC closing after unbind is expected
                LOG.debug("SMPP provider {}: connection closed while shutting down ({})", config.name(), c.toString());
            } else {
                LOG.warn("SMPP provider {}: connection error ({})", config.name(), c.toString());
            }
            ctx.close();
        }
    }
}
