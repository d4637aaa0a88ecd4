package io.remotebank.channels.smpp.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.remotebank.channels.smpp.BindType;
import io.remotebank.channels.smpp.DeliveryReceipt;
import io.remotebank.channels.smpp.SmppError;
import io.remotebank.channels.smpp.SmppException;
import io.remotebank.channels.smpp.charset.DefaultAlphabet;
import io.remotebank.channels.smpp.charset.LongMessageMode;
import io.remotebank.channels.smpp.charset.SmsCodec;
import io.remotebank.channels.smpp.internal.LoopTime;
import io.remotebank.channels.smpp.internal.WriteBackPressure;
import io.remotebank.channels.smpp.pdu.CommandId;
import io.remotebank.channels.smpp.pdu.CommandStatus;
import io.remotebank.channels.smpp.pdu.Pdu;
import io.remotebank.channels.smpp.pdu.PduException;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import io.remotebank.channels.smpp.pdu.SmppDecoder;
import io.remotebank.channels.smpp.pdu.SmppEncoder;
import io.remotebank.channels.smpp.pdu.Tlv;
import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Mask;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Clocks;
import io.remotebank.core.time.Scheduler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMSC for tests and demos: the server side of the SMPP 3.4 codec on Netty. It accepts binds
 * (any credentials, or the ones configured), answers every request of an ESME, gives message ids,
 * sends delivery receipts and MO messages, and misbehaves on request: latency, a share of errors or
 * throttles, connections dropped every n-th submit_sm (before its answer, so mid-window), silence,
 * garbage bytes. Like many carriers' SMSCs it can drop a link on which the ESME sent nothing for a
 * while ({@link Builder#dropIdleLinks(Duration)}), so that a client's keep-alive can be tested; it
 * counts the enquire_link it receives.
 *
 * <pre>{@code
 * try (SmscSimulator smsc = SmscSimulator.builder().throttleRate(0.01).build().start()) {
 *     int port = smsc.port();
 *     ...
 * }
 * }</pre>
 *
 * <p>The knobs that tests turn during a run ({@link #errorRate(double)}, {@link
 * #throttleRate(double)}, {@link #dropEvery(int)}, {@link #silent(boolean)}, {@link
 * #latency(Duration)}) take effect at once.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmscSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);
    private static final AttributeKey<Session> SESSION = AttributeKey.valueOf("rb-smsc-session");
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm", Locale.ROOT);

    /**
     * One submitted message as the simulator took it. {@code toString} masks the addresses and
     * hides the text.
     *
     * @param systemId the bind's system id
     * @param messageId the id the simulator gave it
     * @param source the source address
     * @param destination the destination address
     * @param esmClass the esm_class
     * @param dataCoding the data_coding
     * @param shortMessage the short_message (or the message_payload), UDH included
     * @param tlvs the optional parameters
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Received(
            String systemId,
            String messageId,
            SmeAddress source,
            SmeAddress destination,
            int esmClass,
            int dataCoding,
            byte[] shortMessage,
            List<Tlv> tlvs) {

        /** Validates. */
        public Received {
            Arguments.notNull(systemId, "system id");
            Arguments.notNull(messageId, "message id");
            Arguments.notNull(shortMessage, "short message");
            tlvs = List.copyOf(tlvs);
        }

        /**
         * The text without the UDH, data_coding 0 read as GSM 7-bit.
         *
         * @return the text
         */
        public String text() {
            int udh = (esmClass & 0x40) != 0 && shortMessage.length > 0 ? (shortMessage[0] & 0xFF) + 1 : 0;
            udh = Math.min(udh, shortMessage.length);
            return new SmsCodec(DefaultAlphabet.GSM7, LongMessageMode.UDH_8BIT_REFERENCE)
                    .decode(shortMessage, udh, shortMessage.length - udh, dataCoding);
        }

        @Override
        public String toString() {
            return "Received[" + messageId + " to " + destination + ", " + shortMessage.length + " octets]";
        }
    }

    /**
     * Counters since the start.
     *
     * @param binds successful binds
     * @param submitted submit_sm, submit_multi and data_sm received
     * @param accepted answered ESME_ROK
     * @param rejected answered with an error (the configured error rate)
     * @param throttled answered ESME_RTHROTTLED
     * @param receipts delivery receipts sent
     * @param mo MO messages sent
     * @param dropped connections the simulator dropped
     * @param invalid malformed PDUs received
     * @param readPauses times the simulator stopped reading from an ESME that did not take its
     *     answers fast enough
     * @param overflowCloses connections closed because more than the hard limit of bytes waited to
     *     be written to an ESME that does not read
     * @param enquireLinks enquire_link received
     * @param idleDrops connections dropped because the ESME sent nothing for the idle limit (counted
     *     in {@code dropped} too)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Statistics(
            long binds,
            long submitted,
            long accepted,
            long rejected,
            long throttled,
            long receipts,
            long mo,
            long dropped,
            long invalid,
            long readPauses,
            long overflowCloses,
            long enquireLinks,
            long idleDrops) {}

    private final String host;
    private final int requestedPort;
    private final String systemId;
    private final char[] password;
    private final int errorStatus;
    private final boolean receipts;
    private final long receiptDelayNanos;
    private final DeliveryReceipt.State receiptState;
    private final int recordLimit;
    private final int threads;
    private final SslContext sslContext;
    private final Random random;
    private final long idleLimitNanos;
    private final Scheduler scheduler;
    private final Clock clock;

    private volatile long latencyNanos;
    private volatile double errorRate;
    private volatile double throttleRate;
    private volatile int dropEvery;
    private volatile boolean silent;

    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong submitCount = new AtomicLong();
    private final AtomicInteger recorded = new AtomicInteger();
    private final ConcurrentLinkedQueue<Received> messages = new ConcurrentLinkedQueue<>();
    private final LongAdder binds = new LongAdder();
    private final LongAdder submitted = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder receiptsSent = new LongAdder();
    private final LongAdder moSent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder invalid = new LongAdder();
    private final LongAdder readPauses = new LongAdder();
    private final LongAdder overflowCloses = new LongAdder();
    private final LongAdder enquireLinks = new LongAdder();
    private final LongAdder idleDrops = new LongAdder();
    private final ChannelGroup sessions = new DefaultChannelGroup("rb-smsc", GlobalEventExecutor.INSTANCE);

    private final WriteBackPressure.Limits limits;
    private final WriteBackPressure.Listener backPressure = new WriteBackPressure.Listener() {
        @Override
        public void readsPaused(Channel ch, long pendingBytes) {
            readPauses.increment();
            LOG.debug("SMSC simulator: {} bytes wait for {}, reading from it paused", pendingBytes, ch.remoteAddress());
        }

        @Override
        public void readsResumed(Channel ch) {
            LOG.debug("SMSC simulator: reading from {} resumed", ch.remoteAddress());
        }

        @Override
        public void overflowed(Channel ch, long pendingBytes, long limit) {
            overflowCloses.increment();
            LOG.warn(
                    "SMSC simulator: {} does not read: {} bytes wait to be written, more than {}; closing the"
                            + " connection",
                    ch.remoteAddress(),
                    pendingBytes,
                    limit);
        }
    };

    private EventLoopGroup group;
    private Channel server;

    private SmscSimulator(Builder b) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.systemId = b.systemId;
        this.password = b.password;
        this.errorStatus = b.errorStatus;
        this.receipts = b.receipts;
        this.receiptDelayNanos = b.receiptDelay.toNanos();
        this.receiptState = b.receiptState;
        this.recordLimit = b.recordLimit;
        this.threads = b.threads;
        this.sslContext = b.sslContext;
        this.random = new Random(b.seed);
        this.idleLimitNanos = b.idleLimit.toNanos();
        this.scheduler = b.scheduler;
        this.clock = b.clock;
        this.latencyNanos = b.latency.toNanos();
        this.errorRate = b.errorRate;
        this.throttleRate = b.throttleRate;
        this.dropEvery = b.dropEvery;
        this.limits = b.limits;
    }

    /**
     * A builder: 127.0.0.1, an ephemeral port, any credentials, no latency, no errors, receipts
     * (DELIVRD) at once, one thread, up to 1,000,000 messages recorded.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port and starts serving.
     *
     * @return this
     * @throws SmppException when the port cannot be bound
     */
    public synchronized SmscSimulator start() {
        if (server != null) {
            return this;
        }
        group = new MultiThreadIoEventLoopGroup(
                threads, new DefaultThreadFactory("rb-smsc", true), NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (sslContext != null) {
                            ch.pipeline().addLast("tls", sslContext.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast("back-pressure", new WriteBackPressure(limits, backPressure));
                        ch.pipeline().addLast("decoder", new SmppDecoder());
                        ch.pipeline().addLast("encoder", SmppEncoder.INSTANCE);
                        ch.pipeline().addLast("session", new Handler());
                    }
                });
        try {
            server = b.bind(host, requestedPort).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new SmppException(SmppError.CONFIG_INVALID, "cannot listen on " + host + ":" + requestedPort, e);
        }
        LOG.info("SMSC simulator listening on {}:{}", host, port());
        return this;
    }

    /** The bound port. */
    public int port() {
        Channel s = server;
        if (s == null) {
            throw new SmppException(SmppError.CLOSED, "the simulator is not started");
        }
        return ((InetSocketAddress) s.localAddress()).getPort();
    }

    /**
     * Sets the delay before each answer.
     *
     * @param latency 0 - 1 minute
     * @return this
     */
    public SmscSimulator latency(Duration latency) {
        this.latencyNanos =
                Builder.checkDuration(latency, Duration.ofMinutes(1), "latency").toNanos();
        return this;
    }

    /**
     * Sets the share of submissions refused with the error status.
     *
     * @param rate 0-1
     * @return this
     */
    public SmscSimulator errorRate(double rate) {
        this.errorRate = Builder.checkRate(rate, "error rate");
        return this;
    }

    /**
     * Sets the share of submissions refused with ESME_RTHROTTLED.
     *
     * @param rate 0-1
     * @return this
     */
    public SmscSimulator throttleRate(double rate) {
        this.throttleRate = Builder.checkRate(rate, "throttle rate");
        return this;
    }

    /**
     * Drops the connection on every n-th submit_sm, before answering it.
     *
     * @param n 0 (never) or more
     * @return this
     */
    public SmscSimulator dropEvery(int n) {
        this.dropEvery = (int) Arguments.inRange(n, 0, Integer.MAX_VALUE, "drop every");
        return this;
    }

    /**
     * Stops (or resumes) answering anything: requests are read and ignored.
     *
     * @param silent whether to be silent
     * @return this
     */
    public SmscSimulator silent(boolean silent) {
        this.silent = silent;
        return this;
    }

    /** Closes every client connection now. */
    public void dropConnections() {
        dropped.add(sessions.size());
        sessions.close();
    }

    /**
     * Writes bytes that are no PDU (a command_length of 0xFFFFFFFF) to every client connection.
     *
     * @return how many connections got them
     */
    public int sendGarbage() {
        int n = 0;
        for (Channel ch : sessions) {
            ByteBuf junk = ch.alloc().buffer(16);
            junk.writeInt(0xFFFFFFFF).writeInt(0xDEADBEEF).writeLong(random.nextLong());
            ch.writeAndFlush(junk);
            n++;
        }
        return n;
    }

    /**
     * Sends an MO message (deliver_sm, esm_class 0) to every bound receiver or transceiver.
     *
     * @param from the sender, an international number without {@code +} (TON 1) or a national one
     * @param to the short code or number it was sent to
     * @param text the text: GSM 7-bit (data_coding 0) when it fits, else UCS-2
     * @return how many sessions it went to
     */
    public int sendMo(String from, String to, String text) {
        Arguments.notBlank(from, "from");
        Arguments.notNull(to, "to");
        Arguments.notNull(text, "text");
        SmsCodec codec = new SmsCodec(DefaultAlphabet.GSM7, LongMessageMode.UDH_8BIT_REFERENCE);
        var encoded = codec.encode(text, random.nextInt(256));
        SmeAddress source = from.startsWith("+")
                ? SmeAddress.international(from)
                : new SmeAddress(from.length() > 11 ? 1 : 0, 1, from);
        int n = 0;
        for (Channel ch : sessions) {
            Session s = ch.attr(SESSION).get();
            if (s == null || s.bindType == null || !s.bindType.receives()) {
                continue;
            }
            for (byte[] seg : encoded.segments()) {
                ch.writeAndFlush(new Pdu.ShortMessage(
                        CommandId.DELIVER_SM,
                        s.nextSequence(),
                        "",
                        source,
                        new SmeAddress(0, 1, to),
                        encoded.udh() ? 0x40 : 0,
                        0,
                        0,
                        "",
                        "",
                        0,
                        0,
                        encoded.dataCoding(),
                        0,
                        seg,
                        List.of()));
            }
            moSent.increment();
            n++;
        }
        LOG.debug("SMSC simulator: MO from {} to {} sessions", Mask.phone(from), n);
        return n;
    }

    /** The messages received so far (up to the record limit), in arrival order. */
    public List<Received> messages() {
        return List.copyOf(messages);
    }

    /** Forgets the recorded messages. */
    public void clearMessages() {
        messages.clear();
        recorded.set(0);
    }

    /** The counters. */
    public Statistics statistics() {
        return new Statistics(
                binds.sum(),
                submitted.sum(),
                accepted.sum(),
                rejected.sum(),
                throttled.sum(),
                receiptsSent.sum(),
                moSent.sum(),
                dropped.sum(),
                invalid.sum(),
                readPauses.sum(),
                overflowCloses.sum(),
                enquireLinks.sum(),
                idleDrops.sum());
    }

    /** How many ESMEs are connected now. */
    public int connections() {
        return sessions.size();
    }

    /** Closes every connection and the port. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.close().awaitUninterruptibly();
        sessions.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        server = null;
        Arrays.fill(password, '\0');
    }

    // ------------------------------------------------------------------ sessions

    private String nextMessageId() {
        return Long.toHexString(messageIds.incrementAndGet() | 0x1000000000L).toUpperCase(Locale.ROOT);
    }

    private void record(Session s, String id, Pdu.ShortMessage m) {
        if (recorded.incrementAndGet() <= recordLimit) {
            byte[] sm = m.shortMessage();
            if (sm.length == 0) {
                sm = Tlv.find(m.tlvs(), Tlv.MESSAGE_PAYLOAD).map(Tlv::value).orElse(sm);
            }
            messages.add(new Received(
                    s.systemId, id, m.source(), m.destination(), m.esmClass(), m.dataCoding(), sm, m.tlvs()));
        }
    }

    /** The state of one ESME connection. Event-loop confined. */
    private static final class Session {
        BindType bindType;
        String systemId = "";
        int sequence = 1;
        LoopTime time;
        long lastRead;
        Cancellable idleTimer;

        int nextSequence() {
            int s = sequence;
            sequence = s == Integer.MAX_VALUE ? 1 : s + 1;
            return s;
        }
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        private final Session session = new Session();

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            ctx.channel().attr(SESSION).set(session);
            sessions.add(ctx.channel());
            if (idleLimitNanos > 0) {
                EventLoop loop = ctx.channel().eventLoop();
                session.time = new LoopTime(scheduler != null ? scheduler : Scheduler.of(loop), loop);
                session.lastRead = session.time.now();
                armIdleCheck(ctx, idleLimitNanos);
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (session.idleTimer != null) {
                session.idleTimer.cancel();
            }
            ctx.fireChannelInactive();
        }

        private void armIdleCheck(ChannelHandlerContext ctx, long delay) {
            session.idleTimer = session.time.after(delay, () -> {
                if (!ctx.channel().isActive()) {
                    return;
                }
                long quiet = session.time.now() - session.lastRead;
                if (quiet < idleLimitNanos) {
                    armIdleCheck(ctx, idleLimitNanos - quiet);
                    return;
                }
                LOG.debug(
                        "SMSC simulator: {} sent nothing for {} ns, dropping it",
                        ctx.channel().remoteAddress(),
                        quiet);
                idleDrops.increment();
                dropped.increment();
                ctx.close();
            });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (session.time != null) {
                session.lastRead = session.time.now();
            }
            if (msg instanceof Pdu.HeaderOnly h && h.commandId() == CommandId.ENQUIRE_LINK) {
                enquireLinks.increment();
            }
            if (!(msg instanceof Pdu pdu) || silent) {
                return;
            }
            if (pdu instanceof Pdu.Bind b) {
                bind(ctx, b);
            } else if (pdu instanceof Pdu.ShortMessage m && m.commandId() == CommandId.SUBMIT_SM) {
                submit(ctx, m);
            } else if (pdu instanceof Pdu.HeaderOnly h) {
                headerOnly(ctx, h);
            } else if (pdu.commandId().isResponse()) {
                return;
            } else if (session.bindType == null) {
                answer(ctx, error(pdu, CommandStatus.ESME_RINVBNDSTS), 0);
            } else if (pdu instanceof Pdu.SubmitMulti m) {
                submitted.increment();
                accepted.increment();
                answer(ctx, new Pdu.SubmitMultiResp(0, m.sequence(), nextMessageId(), List.of()), latencyNanos);
            } else if (pdu instanceof Pdu.DataSm d) {
                submitted.increment();
                accepted.increment();
                answer(
                        ctx,
                        new Pdu.MessageIdResp(CommandId.DATA_SM_RESP, 0, d.sequence(), nextMessageId(), List.of()),
                        latencyNanos);
            } else if (pdu instanceof Pdu.QuerySm q) {
                answer(
                        ctx,
                        new Pdu.QuerySmResp(0, q.sequence(), q.messageId(), "", receiptState.code(), 0),
                        latencyNanos);
            } else if (pdu instanceof Pdu.CancelSm c) {
                answer(ctx, new Pdu.HeaderOnly(CommandId.CANCEL_SM_RESP, 0, c.sequence()), latencyNanos);
            } else if (pdu instanceof Pdu.ReplaceSm r) {
                answer(ctx, new Pdu.HeaderOnly(CommandId.REPLACE_SM_RESP, 0, r.sequence()), latencyNanos);
            } else {
                // deliver_sm, outbind and alert_notification go from an SMSC to an ESME, not back.
                answer(
                        ctx,
                        new Pdu.HeaderOnly(CommandId.GENERIC_NACK, CommandStatus.ESME_RINVCMDID.code(), pdu.sequence()),
                        0);
            }
        }

        private Pdu error(Pdu request, CommandStatus status) {
            return new PduException(status, request.commandId().code(), request.sequence(), false, "")
                    .answer()
                    .orElseThrow();
        }

        private void bind(ChannelHandlerContext ctx, Pdu.Bind b) {
            CommandId resp = b.commandId().response().orElseThrow();
            int status = 0;
            if (session.bindType != null) {
                status = CommandStatus.ESME_RALYBND.code();
            } else if (!systemId.isEmpty() && !systemId.equals(b.systemId())) {
                status = CommandStatus.ESME_RINVSYSID.code();
            } else if (!systemId.isEmpty()
                    && !Arrays.equals(password, b.password().toCharArray())) {
                status = CommandStatus.ESME_RINVPASWD.code();
            }
            if (status == 0) {
                session.bindType = switch (b.commandId()) {
                    case BIND_RECEIVER -> BindType.RECEIVER;
                    case BIND_TRANSMITTER -> BindType.TRANSMITTER;
                    default -> BindType.TRANSCEIVER;
                };
                session.systemId = b.systemId();
                binds.increment();
            }
            ctx.writeAndFlush(new Pdu.BindResp(
                    resp, status, b.sequence(), "rb-smsc", List.of(Tlv.ofByte(Tlv.SC_INTERFACE_VERSION, 0x34))));
        }

        private void submit(ChannelHandlerContext ctx, Pdu.ShortMessage m) {
            if (session.bindType == null || !session.bindType.transmits()) {
                answer(ctx, error(m, CommandStatus.ESME_RINVBNDSTS), 0);
                return;
            }
            submitted.increment();
            int every = dropEvery;
            if (every > 0 && submitCount.incrementAndGet() % every == 0) {
                dropped.increment();
                ctx.close();
                return;
            }
            double roll = throttleRate > 0 || errorRate > 0 ? random.nextDouble() : 1;
            if (roll < throttleRate) {
                throttled.increment();
                answer(ctx, error(m, CommandStatus.ESME_RTHROTTLED), latencyNanos);
                return;
            }
            if (roll < throttleRate + errorRate) {
                rejected.increment();
                answer(
                        ctx,
                        new Pdu.MessageIdResp(CommandId.SUBMIT_SM_RESP, errorStatus, m.sequence(), "", List.of()),
                        latencyNanos);
                return;
            }
            String id = nextMessageId();
            record(session, id, m);
            accepted.increment();
            answer(ctx, new Pdu.MessageIdResp(CommandId.SUBMIT_SM_RESP, 0, m.sequence(), id, List.of()), latencyNanos);
            if (receipts && (m.registeredDelivery() & 0x03) != 0) {
                if (receiptDelayNanos == 0) {
                    receipt(ctx.channel(), id, m, false);
                } else {
                    ctx.executor()
                            .schedule(
                                    () -> receipt(ctx.channel(), id, m, true), receiptDelayNanos, TimeUnit.NANOSECONDS);
                }
            }
        }

        private void receipt(Channel submitter, String id, Pdu.ShortMessage m, boolean flush) {
            Channel to = null;
            if (session.bindType.receives() && submitter.isActive()) {
                to = submitter;
            } else {
                for (Channel ch : sessions) {
                    Session s = ch.attr(SESSION).get();
                    if (s != null
                            && s.bindType != null
                            && s.bindType.receives()
                            && s.systemId.equals(session.systemId)) {
                        to = ch;
                        break;
                    }
                }
            }
            if (to == null) {
                return;
            }
            Session target = to.attr(SESSION).get();
            String now = LocalDateTime.now(clock).format(RECEIPT_DATE);
            // SMPP v3.4 Appendix B: the receipt's text format.
            String text = "id:" + id + " sub:001 dlvrd:"
                    + (receiptState == DeliveryReceipt.State.DELIVERED ? "001" : "000") + " submit date:" + now
                    + " done date:" + now + " stat:" + receiptState.stat() + " err:000 text:";
            byte[] octets = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Pdu.ShortMessage receipt = new Pdu.ShortMessage(
                    CommandId.DELIVER_SM,
                    target.nextSequence(),
                    "",
                    m.destination(),
                    m.source(),
                    0x04,
                    0,
                    0,
                    "",
                    "",
                    0,
                    0,
                    0,
                    0,
                    octets,
                    List.of(
                            Tlv.ofCString(Tlv.RECEIPTED_MESSAGE_ID, id),
                            Tlv.ofByte(Tlv.MESSAGE_STATE, receiptState.code())));
            receiptsSent.increment();
            if (to == submitter && !flush) {
                to.write(receipt, to.voidPromise());
            } else {
                to.writeAndFlush(receipt, to.voidPromise());
            }
        }

        private void headerOnly(ChannelHandlerContext ctx, Pdu.HeaderOnly h) {
            switch (h.commandId()) {
                case ENQUIRE_LINK -> answer(ctx, new Pdu.HeaderOnly(CommandId.ENQUIRE_LINK_RESP, 0, h.sequence()), 0);
                case UNBIND -> {
                    session.bindType = null;
                    ctx.writeAndFlush(new Pdu.HeaderOnly(CommandId.UNBIND_RESP, 0, h.sequence()))
                            .addListener(ChannelFutureListener.CLOSE);
                }
                default -> {}
            }
        }

        private void answer(ChannelHandlerContext ctx, Pdu pdu, long delay) {
            if (delay <= 0) {
                ctx.write(pdu, ctx.voidPromise());
            } else {
                ctx.executor().schedule(() -> ctx.writeAndFlush(pdu, ctx.voidPromise()), delay, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
            if (c instanceof PduException p) {
                invalid.increment();
                LOG.debug("SMSC simulator: bad PDU: {}", p.getMessage());
                Optional<Pdu> answer = p.answer();
                if (answer.isPresent() && !silent) {
                    ctx.writeAndFlush(answer.get());
                }
                if (p.framingLost()) {
                    ctx.close();
                }
                return;
            }
            LOG.debug("SMSC simulator: connection error ({})", c.toString());
            ctx.close();
        }
    }

    /** Builds an {@link SmscSimulator}; each setter rejects a bad value at once. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String systemId = "";
        private char[] password = new char[0];
        private Duration latency = Duration.ZERO;
        private double errorRate;
        private int errorStatus = CommandStatus.ESME_RSYSERR.code();
        private double throttleRate;
        private int dropEvery;
        private boolean receipts = true;
        private Duration receiptDelay = Duration.ZERO;
        private DeliveryReceipt.State receiptState = DeliveryReceipt.State.DELIVERED;
        private int recordLimit = 1_000_000;
        private int threads = 1;
        private long seed = 42;
        private SslContext sslContext;
        private WriteBackPressure.Limits limits = WriteBackPressure.Limits.DEFAULT;
        private Duration idleLimit = Duration.ZERO;
        private Scheduler scheduler;
        private Clock clock = Clocks.system();

        private Builder() {}

        /**
         * The wall clock of the dates in delivery receipts (submit date, done date: local time in the
         * clock's zone). Default: {@link Clocks#system()}, UTC.
         *
         * @param clock the clock
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * Drops a connection on which the ESME sent nothing (no PDU at all, enquire_link included)
         * for this long, as carriers' SMSCs do with links their clients do not keep alive.
         *
         * @param idle 0 (never, the default) or 10 ms - 1 hour
         * @return this
         */
        public Builder dropIdleLinks(Duration idle) {
            Arguments.notNull(idle, "idle limit");
            if (!idle.isZero()
                    && (idle.compareTo(Duration.ofMillis(10)) < 0 || idle.compareTo(Duration.ofHours(1)) > 0)) {
                throw new SmppException(
                        SmppError.CONFIG_INVALID, "idle limit must be 0 or 10 ms to 1 hour, got " + idle);
            }
            this.idleLimit = idle;
            return this;
        }

        /**
         * The time the idle limit is measured in (default: each connection's event loop on the JVM's
         * ticker); give a test's virtual scheduler to drop idle links on virtual time.
         *
         * @param scheduler the scheduler
         * @return this
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * The address to listen on.
         *
         * @param host a host name or IP address
         * @param port 0 (ephemeral) - 65535
         * @return this
         */
        public Builder listen(String host, int port) {
            this.host = Arguments.notBlank(host, "host");
            this.port = (int) Arguments.inRange(port, 0, 65535, "port");
            return this;
        }

        /**
         * Only these credentials bind (ESME_RINVSYSID, ESME_RINVPASWD otherwise).
         *
         * @param systemId the system id
         * @param password the password; copied
         * @return this
         */
        public Builder credentials(String systemId, char[] password) {
            this.systemId = Arguments.notBlank(systemId, "system id");
            this.password = Arguments.notNull(password, "password").clone();
            return this;
        }

        /**
         * A delay before each answer.
         *
         * @param latency 0 - 1 minute
         * @return this
         */
        public Builder latency(Duration latency) {
            this.latency = checkDuration(latency, Duration.ofMinutes(1), "latency");
            return this;
        }

        /**
         * A share of submissions refused with a status.
         *
         * @param rate 0-1
         * @param status the status, e.g. ESME_RSYSERR (temporary) or ESME_RINVDSTADR (permanent)
         * @return this
         */
        public Builder errorRate(double rate, CommandStatus status) {
            this.errorRate = checkRate(rate, "error rate");
            this.errorStatus = Arguments.notNull(status, "status").code();
            return this;
        }

        /**
         * A share of submissions refused with ESME_RTHROTTLED.
         *
         * @param rate 0-1
         * @return this
         */
        public Builder throttleRate(double rate) {
            this.throttleRate = checkRate(rate, "throttle rate");
            return this;
        }

        /**
         * Drop the connection on every n-th submit_sm, before answering it.
         *
         * @param n 0 (never) or more
         * @return this
         */
        public Builder dropEvery(int n) {
            this.dropEvery = (int) Arguments.inRange(n, 0, Integer.MAX_VALUE, "drop every");
            return this;
        }

        /**
         * Whether to send delivery receipts when registered_delivery asks, after a delay, with a
         * state.
         *
         * @param send whether to
         * @param delay 0 - 1 minute
         * @param state the state the receipts report
         * @return this
         */
        public Builder receipts(boolean send, Duration delay, DeliveryReceipt.State state) {
            this.receipts = send;
            this.receiptDelay = checkDuration(delay, Duration.ofMinutes(1), "receipt delay");
            this.receiptState = Arguments.notNull(state, "state");
            return this;
        }

        /**
         * How many received messages {@link SmscSimulator#messages()} keeps.
         *
         * @param limit 0 - 100,000,000
         * @return this
         */
        public Builder recordLimit(int limit) {
            this.recordLimit = (int) Arguments.inRange(limit, 0, 100_000_000, "record limit");
            return this;
        }

        /**
         * The event loop threads.
         *
         * @param threads 1-64
         * @return this
         */
        public Builder threads(int threads) {
            this.threads = (int) Arguments.inRange(threads, 1, 64, "threads");
            return this;
        }

        /**
         * The seed of the random choices (error and throttle rates, garbage).
         *
         * @param seed the seed
         * @return this
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Speaks TLS with a server context.
         *
         * @param sslContext a server context
         * @return this
         */
        public Builder tls(SslContext sslContext) {
            Arguments.notNull(sslContext, "SSL context");
            if (sslContext.isClient()) {
                throw new SmppException(SmppError.CONFIG_INVALID, "the SSL context must be a server context");
            }
            this.sslContext = sslContext;
            return this;
        }

        /**
         * Back-pressure on each ESME connection: reading from an ESME stops while more than {@code
         * highWaterMark} bytes wait to be written to it and resumes below {@code lowWaterMark}, so an
         * ESME that sends requests without reading the answers cannot make the simulator queue
         * answers without end; a connection with more than {@code closeAbove} bytes waiting (receipts
         * or MO messages for a receiver that does not read) is closed. Default 256 KiB, 1 MiB, 16
         * MiB.
         *
         * @param lowWaterMark 1 or more
         * @param highWaterMark more than the low water mark
         * @param closeAbove more than the high water mark
         * @return this
         */
        public Builder outboundLimits(int lowWaterMark, int highWaterMark, long closeAbove) {
            if (lowWaterMark < 1 || highWaterMark <= lowWaterMark || closeAbove <= highWaterMark) {
                throw new SmppException(
                        SmppError.CONFIG_INVALID,
                        "outbound limits must be 1 <= low < high < close above, got " + lowWaterMark + ", "
                                + highWaterMark + ", " + closeAbove);
            }
            this.limits = new WriteBackPressure.Limits(lowWaterMark, highWaterMark, closeAbove);
            return this;
        }

        /**
         * Builds the simulator; {@link SmscSimulator#start()} opens the port.
         *
         * @return the simulator
         */
        public SmscSimulator build() {
            return new SmscSimulator(this);
        }

        static double checkRate(double rate, String name) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new SmppException(SmppError.CONFIG_INVALID, name + " must be 0-1, got " + rate);
            }
            return rate;
        }

        static Duration checkDuration(Duration d, Duration max, String name) {
            Arguments.notNull(d, name);
            if (d.isNegative() || d.compareTo(max) > 0) {
                throw new SmppException(SmppError.CONFIG_INVALID, name + " must be 0 to " + max + ", got " + d);
            }
            return d;
        }
    }
}
