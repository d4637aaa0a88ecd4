package io.remotebank.channels.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.channels.smpp.charset.DefaultAlphabet;
import io.remotebank.channels.smpp.charset.LongMessageMode;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.tls.TlsPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;
import org.apiguardian.api.API;

/**
 * The settings of an {@link SmppProvider}: immutable, built with {@link #builder(String, int)}.
 * {@code toString} never shows the password.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmppClientConfig {

    private final String name;
    private final String host;
    private final int port;
    private final String systemId;
    private final char[] password;
    private final String systemType;
    private final BindType bindType;
    private final SmeAddress addressRange;
    private final SmeAddress sourceAddress;
    private final String serviceType;
    private final int windowSize;
    private final Duration responseTimeout;
    private final Duration enquireLinkInterval;
    private final Duration connectTimeout;
    private final Duration reconnectDelay;
    private final Duration maxReconnectDelay;
    private final double maxRate;
    private final int burst;
    private final Duration throttleBackoff;
    private final int maxResends;
    private final Duration submitTimeout;
    private final boolean registeredDelivery;
    private final DefaultAlphabet defaultAlphabet;
    private final LongMessageMode longMessages;
    private final SslContext sslContext;
    private final TlsPolicy tlsPolicy;
    private final EventLoopGroup eventLoopGroup;
    private final Executor callbackExecutor;
    private final Scheduler scheduler;
    private final Duration shutdownTimeout;

    private SmppClientConfig(Builder b) {
        this.name = b.name;
        this.host = b.host;
        this.port = b.port;
        this.systemId = b.systemId;
        this.password = b.password.clone();
        this.systemType = b.systemType;
        this.bindType = b.bindType;
        this.addressRange = b.addressRange;
        this.sourceAddress = b.sourceAddress;
        this.serviceType = b.serviceType;
        this.windowSize = b.windowSize;
        this.responseTimeout = b.responseTimeout;
        this.enquireLinkInterval = b.enquireLinkInterval;
        this.connectTimeout = b.connectTimeout;
        this.reconnectDelay = b.reconnectDelay;
        this.maxReconnectDelay = b.maxReconnectDelay;
        this.maxRate = b.maxRate;
        this.burst = b.burst;
        this.throttleBackoff = b.throttleBackoff;
        this.maxResends = b.maxResends;
        this.submitTimeout = b.submitTimeout;
        this.registeredDelivery = b.registeredDelivery;
        this.defaultAlphabet = b.defaultAlphabet;
        this.longMessages = b.longMessages;
        this.sslContext = b.sslContext;
        this.tlsPolicy = b.tlsPolicy;
        this.eventLoopGroup = b.eventLoopGroup;
        this.callbackExecutor = b.callbackExecutor;
        this.scheduler = b.scheduler;
        this.shutdownTimeout = b.shutdownTimeout;
    }

    /**
     * A builder for an SMSC at host and port. Defaults: name {@code smpp}, bind as transceiver,
     * window 64, response timeout 10 s, enquire_link every 30 s, reconnect after 250 ms doubling to
     * 30 s, no rate limit, throttle back-off 500 ms doubling to 16 times that, 5 resends of a
     * segment, 60 s for a submission in all, delivery receipts requested, GSM 7-bit as the default
     * alphabet, UDH with 8-bit references for long messages, plain TCP ({@link TlsPolicy#defaults()}
     * once TLS is on), timers on the event loop and the JVM's ticker, 3 s to shut down.
     *
     * @param host the SMSC's host
     * @param port the SMSC's port
     * @return the builder
     */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /** The provider's name. */
    public String name() {
        return name;
    }

    /** The SMSC's host. */
    public String host() {
        return host;
    }

    /** The SMSC's port. */
    public int port() {
        return port;
    }

    /** The system id the client binds with. */
    public String systemId() {
        return systemId;
    }

    /** A copy of the password; clear it after use. */
    public char[] password() {
        return password.clone();
    }

    /** The system_type. */
    public String systemType() {
        return systemType;
    }

    /** How the client binds. */
    public BindType bindType() {
        return bindType;
    }

    /** The address_range of the bind. */
    public SmeAddress addressRange() {
        return addressRange;
    }

    /** The source address of submitted messages (empty: the SMSC's default). */
    public SmeAddress sourceAddress() {
        return sourceAddress;
    }

    /** The service_type of submitted messages. */
    public String serviceType() {
        return serviceType;
    }

    /** How many submit_sm may await their response at once. */
    public int windowSize() {
        return windowSize;
    }

    /** How long a request may await its response. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** How long the link may stay quiet before an enquire_link. */
    public Duration enquireLinkInterval() {
        return enquireLinkInterval;
    }

    /** How long a TCP connect may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The first reconnect delay. */
    public Duration reconnectDelay() {
        return reconnectDelay;
    }

    /** The longest reconnect delay. */
    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** Submissions per second allowed on the bind (0: no limit). */
    public double maxRate() {
        return maxRate;
    }

    /** How many submissions may go at once after a quiet spell (the token bucket's size). */
    public int burst() {
        return burst;
    }

    /** The first pause after ESME_RTHROTTLED or ESME_RMSGQFUL. */
    public Duration throttleBackoff() {
        return throttleBackoff;
    }

    /** How many times one segment is sent again (throttled, no answer) before giving up. */
    public int maxResends() {
        return maxResends;
    }

    /** How long a submission may take in all before it fails temporarily. */
    public Duration submitTimeout() {
        return submitTimeout;
    }

    /** Whether delivery receipts are requested. */
    public boolean registeredDelivery() {
        return registeredDelivery;
    }

    /** What data_coding 0 means at the SMSC. */
    public DefaultAlphabet defaultAlphabet() {
        return defaultAlphabet;
    }

    /** How long texts are sent. */
    public LongMessageMode longMessages() {
        return longMessages;
    }

    /** The TLS context, when the SMSC speaks TLS. */
    public Optional<SslContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    /** What is done to the TLS engine of {@link #sslContext()} before each handshake. */
    public TlsPolicy tlsPolicy() {
        return tlsPolicy;
    }

    /** The scheduler of the client's timers, when the application gives one. */
    public Optional<Scheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /** How long {@link SmppProvider#close()} waits for the SMSC's unbind_resp. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** The application's event loop group, when shared. */
    public Optional<EventLoopGroup> eventLoopGroup() {
        return Optional.ofNullable(eventLoopGroup);
    }

    /** Where delivery reports and inbound messages are passed on, when given. */
    public Optional<Executor> callbackExecutor() {
        return Optional.ofNullable(callbackExecutor);
    }

    @Override
    public String toString() {
        return "SmppClientConfig[" + name + " " + host + ":" + port + " " + bindType + " as " + systemId
                + ", password ****, window " + windowSize + (sslContext != null ? ", TLS" : "") + "]";
    }

    /** Builds a {@link SmppClientConfig}; each setter rejects a bad value at once. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private String name = "smpp";
        private final String host;
        private final int port;
        private String systemId = "";
        private char[] password = new char[0];
        private String systemType = "";
        private BindType bindType = BindType.TRANSCEIVER;
        private SmeAddress addressRange = SmeAddress.EMPTY;
        private SmeAddress sourceAddress = SmeAddress.EMPTY;
        private String serviceType = "";
        private int windowSize = 64;
        private Duration responseTimeout = Duration.ofSeconds(10);
        private Duration enquireLinkInterval = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration reconnectDelay = Duration.ofMillis(250);
        private Duration maxReconnectDelay = Duration.ofSeconds(30);
        private double maxRate;
        private int burst = 1;
        private Duration throttleBackoff = Duration.ofMillis(500);
        private int maxResends = 5;
        private Duration submitTimeout = Duration.ofSeconds(60);
        private boolean registeredDelivery = true;
        private DefaultAlphabet defaultAlphabet = DefaultAlphabet.GSM7;
        private LongMessageMode longMessages = LongMessageMode.UDH_8BIT_REFERENCE;
        private SslContext sslContext;
        private TlsPolicy tlsPolicy = TlsPolicy.defaults();
        private EventLoopGroup eventLoopGroup;
        private Executor callbackExecutor;
        private Scheduler scheduler;
        private Duration shutdownTimeout = Duration.ofSeconds(3);

        private Builder(String host, int port) {
            this.host = Arguments.notBlank(host, "host");
            this.port = (int) Arguments.inRange(port, 1, 65535, "port");
        }

        /**
         * The provider's name (template mappings are keyed by it).
         *
         * @param name 1-64 characters of {@code a-z 0-9 . _ : -}
         * @return this
         */
        public Builder name(String name) {
            Arguments.notBlank(name, "name");
            if (!name.matches("[a-z0-9._:-]{1,64}")) {
                throw new SmppException(
                        SmppError.CONFIG_INVALID, "name must be 1-64 characters of a-z 0-9 . _ : -, got " + name);
            }
            this.name = name;
            return this;
        }

        /**
         * The credentials of the bind.
         *
         * @param systemId at most 15 characters
         * @param password at most 8 characters; copied, clear yours after the call
         * @return this
         */
        public Builder credentials(String systemId, char[] password) {
            Arguments.notNull(systemId, "system id");
            Arguments.notNull(password, "password");
            Arguments.inRange(systemId.length(), 1, 15, "system id length");
            Arguments.inRange(password.length, 0, 8, "password length");
            this.systemId = systemId;
            Arrays.fill(this.password, '\0');
            this.password = password.clone();
            return this;
        }

        /**
         * The system_type of the bind.
         *
         * @param systemType at most 12 characters
         * @return this
         */
        public Builder systemType(String systemType) {
            Arguments.notNull(systemType, "system type");
            Arguments.inRange(systemType.length(), 0, 12, "system type length");
            this.systemType = systemType;
            return this;
        }

        /**
         * How to bind.
         *
         * @param bindType transmitter, receiver or transceiver
         * @return this
         */
        public Builder bindType(BindType bindType) {
            this.bindType = Arguments.notNull(bindType, "bind type");
            return this;
        }

        /**
         * The address_range of the bind (for receivers).
         *
         * @param addressRange at most 40 characters
         * @return this
         */
        public Builder addressRange(SmeAddress addressRange) {
            Arguments.notNull(addressRange, "address range");
            Arguments.inRange(addressRange.address().length(), 0, 40, "address range length");
            this.addressRange = addressRange;
            return this;
        }

        /**
         * The source address of submitted messages.
         *
         * @param sourceAddress at most 20 characters
         * @return this
         */
        public Builder sourceAddress(SmeAddress sourceAddress) {
            Arguments.notNull(sourceAddress, "source address");
            Arguments.inRange(sourceAddress.address().length(), 0, 20, "source address length");
            this.sourceAddress = sourceAddress;
            return this;
        }

        /**
         * The service_type of submitted messages.
         *
         * @param serviceType at most 5 characters
         * @return this
         */
        public Builder serviceType(String serviceType) {
            Arguments.notNull(serviceType, "service type");
            Arguments.inRange(serviceType.length(), 0, 5, "service type length");
            this.serviceType = serviceType;
            return this;
        }

        /**
         * How many submit_sm may await their response at once.
         *
         * @param windowSize 1-10000
         * @return this
         */
        public Builder windowSize(int windowSize) {
            this.windowSize = (int) Arguments.inRange(windowSize, 1, 10_000, "window size");
            return this;
        }

        /**
         * How long a request may await its response; a late answer makes the client rebind and
         * send what was in flight again.
         *
         * @param timeout 10 ms - 10 minutes
         * @return this
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = duration(timeout, Duration.ofMillis(10), Duration.ofMinutes(10), "response timeout");
            return this;
        }

        /**
         * How long the link may stay quiet before an enquire_link.
         *
         * @param interval 10 ms - 1 hour
         * @return this
         */
        public Builder enquireLinkInterval(Duration interval) {
            this.enquireLinkInterval =
                    duration(interval, Duration.ofMillis(10), Duration.ofHours(1), "enquire_link interval");
            return this;
        }

        /**
         * How long a TCP connect may take.
         *
         * @param timeout 10 ms - 5 minutes
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = duration(timeout, Duration.ofMillis(10), Duration.ofMinutes(5), "connect timeout");
            return this;
        }

        /**
         * The reconnect back-off: the first delay, doubling up to the longest.
         *
         * @param first 1 ms - 1 hour
         * @param max at least first, at most 1 hour
         * @return this
         */
        public Builder reconnectDelay(Duration first, Duration max) {
            this.reconnectDelay = duration(first, Duration.ofMillis(1), Duration.ofHours(1), "reconnect delay");
            this.maxReconnectDelay = duration(max, first, Duration.ofHours(1), "max reconnect delay");
            return this;
        }

        /**
         * A token bucket on the bind: at most this many submit_sm per second, in bursts of at most
         * {@code burst}.
         *
         * @param perSecond 0 (no limit) - 1,000,000
         * @param burst 1 - 1,000,000
         * @return this
         */
        public Builder maxRate(double perSecond, int burst) {
            if (!(perSecond >= 0 && perSecond <= 1_000_000)) {
                throw new SmppException(
                        SmppError.CONFIG_INVALID, "max rate must be 0-1000000 per second, got " + perSecond);
            }
            this.maxRate = perSecond;
            this.burst = (int) Arguments.inRange(burst, 1, 1_000_000, "burst");
            return this;
        }

        /**
         * The first pause after ESME_RTHROTTLED or ESME_RMSGQFUL; it doubles on each further one, up
         * to 16 times, and resets after a success.
         *
         * @param backoff 1 ms - 10 minutes
         * @return this
         */
        public Builder throttleBackoff(Duration backoff) {
            this.throttleBackoff = duration(backoff, Duration.ofMillis(1), Duration.ofMinutes(10), "throttle back-off");
            return this;
        }

        /**
         * How many times one segment is sent again after a throttle or a lost connection before
         * its submission fails temporarily (the outbox retries it later).
         *
         * @param maxResends 0-1000
         * @return this
         */
        public Builder maxResends(int maxResends) {
            this.maxResends = (int) Arguments.inRange(maxResends, 0, 1000, "max resends");
            return this;
        }

        /**
         * How long a submission may take in all (queued, throttled, reconnecting) before it fails
         * temporarily.
         *
         * @param timeout 10 ms - 1 day
         * @return this
         */
        public Builder submitTimeout(Duration timeout) {
            this.submitTimeout = duration(timeout, Duration.ofMillis(10), Duration.ofDays(1), "submit timeout");
            return this;
        }

        /**
         * Whether to ask for delivery receipts (registered_delivery 1).
         *
         * @param registeredDelivery whether to
         * @return this
         */
        public Builder registeredDelivery(boolean registeredDelivery) {
            this.registeredDelivery = registeredDelivery;
            return this;
        }

        /**
         * What data_coding 0 means at this SMSC.
         *
         * @param alphabet GSM 7-bit, Latin-1 or ASCII
         * @return this
         */
        public Builder defaultAlphabet(DefaultAlphabet alphabet) {
            this.defaultAlphabet = Arguments.notNull(alphabet, "default alphabet");
            return this;
        }

        /**
         * How texts too long for one message are sent.
         *
         * @param mode UDH with 8- or 16-bit references, or message_payload
         * @return this
         */
        public Builder longMessages(LongMessageMode mode) {
            this.longMessages = Arguments.notNull(mode, "long message mode");
            return this;
        }

        /**
         * Speaks TLS with the application's client context, as given: the protocols it enables (a
         * GM/TLCP provider's among them) are narrowed only by the {@link #tlsPolicy(TlsPolicy) TLS
         * policy}, which by default switches off what RFC 8996 deprecates and checks that the
         * certificate names the host. Nothing the context leaves off is turned on.
         *
         * @param sslContext a client context
         * @return this
         */
        public Builder tls(SslContext sslContext) {
            Arguments.notNull(sslContext, "SSL context");
            if (!sslContext.isClient()) {
                throw new SmppException(SmppError.CONFIG_INVALID, "the SSL context must be a client context");
            }
            this.sslContext = sslContext;
            return this;
        }

        /**
         * What is done to each TLS engine of the {@link #tls(SslContext) context} before the
         * handshake (default {@link TlsPolicy#defaults()}: no SSL 3.0, TLS 1.0 or 1.1, the host name
         * checked against the certificate). A policy only ever narrows what the context enables.
         *
         * @param policy the policy
         * @return this
         */
        public Builder tlsPolicy(TlsPolicy policy) {
            this.tlsPolicy = Arguments.notNull(policy, "TLS policy");
            return this;
        }

        /**
         * The time the client's timers run on: response and submit timeouts, enquire_link, the
         * reconnect back-off, throttle pauses and the rate limit. Every task is handed to the
         * client's event loop, so a test may give a virtual scheduler (rb-testing's {@code
         * ManualTime}) and move the time itself. Default: the event loop, on the JVM's ticker.
         *
         * @param scheduler the scheduler
         * @return this
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * How long {@link SmppProvider#close()} waits for the SMSC's unbind_resp before it closes the
         * connection anyway (default 3 s, and at most the response timeout). Its own threads then get
         * at most one second each to finish.
         *
         * @param timeout 0 - 10 minutes
         * @return this
         */
        public Builder shutdownTimeout(Duration timeout) {
            Arguments.notNull(timeout, "shutdown timeout");
            if (timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new SmppException(
                        SmppError.CONFIG_INVALID, "shutdown timeout must be 0 to PT10M, got " + timeout);
            }
            this.shutdownTimeout = timeout;
            return this;
        }

        /**
         * Runs on the application's event loop group (it stays open when the provider closes).
         * Default: a one-thread group of the provider's own.
         *
         * @param group the group
         * @return this
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = Arguments.notNull(group, "event loop group");
            return this;
        }

        /**
         * Where delivery reports and inbound messages are handed to the provider context (which
         * may write to a database). Default: one thread of the provider's own.
         *
         * @param executor the executor
         * @return this
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = Arguments.notNull(executor, "callback executor");
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws SmppException when no credentials were given
         * @throws ValidationException with {@link CoreError#TLS_POLICY_UNSATISFIABLE} when the TLS
         *     policy leaves none of the protocols the TLS context enables
         */
        public SmppClientConfig build() {
            if (systemId.isEmpty()) {
                throw new SmppException(SmppError.CONFIG_INVALID, "credentials(systemId, password) are required");
            }
            if (sslContext != null) {
                // Found now rather than at the first handshake: an engine of the context shows what it enables.
                SSLEngine probe = sslContext.newEngine(ByteBufAllocator.DEFAULT);
                try {
                    tlsPolicy.allowed(probe.getEnabledProtocols());
                } finally {
                    ReferenceCountUtil.release(probe);
                }
            }
            return new SmppClientConfig(this);
        }

        private static Duration duration(Duration d, Duration min, Duration max, String name) {
            Arguments.notNull(d, name);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new SmppException(
                        SmppError.CONFIG_INVALID, name + " must be " + min + " to " + max + ", got " + d);
            }
            return d;
        }
    }
}
