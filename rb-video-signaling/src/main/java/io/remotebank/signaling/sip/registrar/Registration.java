package io.remotebank.signaling.sip.registrar;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.pii.Mask;
import io.remotebank.core.time.Cancellable;
import io.remotebank.signaling.sip.NameAddress;
import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.auth.DigestClient;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transport.SipTransport;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user agent's registration with a registrar (RFC 3261 10.2), kept alive until {@link #stop()}.
 *
 * <p>Every REGISTER of one registration uses the same Call-ID, From tag and Contact, with a CSeq
 * that goes up by one each time (10.2.4), as a new client transaction on the given channel. A 401 or
 * 407 is answered once through the {@link DigestClient} (again only on {@code stale=true}); a 423 is
 * answered by asking again for the Min-Expires interval. The interval granted is the {@code expires}
 * of this contact in the 200, else its Expires header field, else what was asked. The registration is
 * refreshed before it runs out, on the transaction layer's scheduler: half-way for intervals of two
 * minutes or less, otherwise a minute before the end. When a refresh fails the {@link Listener} hears
 * of it and the refresh is tried again after the retry interval.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Registration {

    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);

    /** Where a registration stands. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum State {
        /** Not started. */
        IDLE,
        /** A REGISTER is under way and no binding is known yet. */
        REGISTERING,
        /** The registrar holds the binding. */
        REGISTERED,
        /** The last attempt failed; another follows after the retry interval. */
        FAILED,
        /** Stopped: the binding was removed (or removing it failed), nothing more is sent. */
        STOPPED
    }

    /** Hears what happens to a registration; called on transport or scheduler threads. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public interface Listener {
        /**
         * The registrar accepted a REGISTER.
         *
         * @param granted the interval granted
         */
        default void onRegistered(Duration granted) {}

        /**
         * A registration or refresh failed.
         *
         * @param failure what happened
         */
        default void onFailed(RegistrationException failure) {}
    }

    private final TransactionLayer layer;
    private final SipTransportChannel channel;
    private final String registrar;
    private final String aor;
    private final String contact;
    private final String contactKey;
    private final String sentBy;
    private final String transport;
    private final Optional<DigestClient> credentials;
    private final Listener listener;
    private final Duration retryInterval;
    private final String callId;
    private final String fromTag;

    private long cseq;
    private long requested;
    private State state = State.IDLE;
    private Duration granted;
    private int refreshes;
    private Cancellable timer = () -> false;
    private CompletableFuture<Duration> started = new CompletableFuture<>();
    private CompletableFuture<Void> stopped;

    private Registration(Builder b) {
        this.layer = b.layer;
        this.channel = b.channel;
        this.registrar = b.registrar;
        this.aor = b.aor;
        this.contact = b.contact;
        this.contactKey = Binding.key(SipUri.parse(b.contact));
        this.sentBy = b.sentBy;
        this.transport = b.transport;
        this.credentials = Optional.ofNullable(b.credentials);
        this.listener = b.listener;
        this.retryInterval = b.retryInterval;
        this.requested = b.expires.getSeconds();
        this.callId = hex(b.random, 16);
        this.fromTag = hex(b.random, 8);
    }

    /**
     * A builder.
     *
     * @param layer the transaction layer that sends the REGISTERs (its scheduler runs the refreshes)
     * @param channel the flow to the registrar
     * @return the builder
     */
    public static Builder builder(TransactionLayer layer, SipTransportChannel channel) {
        return new Builder(layer, channel);
    }

    /**
     * Sends the first REGISTER.
     *
     * @return completes with the interval granted, or exceptionally with a {@link
     *     RegistrationException} when the first attempt fails
     * @throws IllegalStateException when started before
     */
    public CompletionStage<Duration> start() {
        synchronized (this) {
            if (state != State.IDLE) {
                throw new IllegalStateException("already started");
            }
            state = State.REGISTERING;
        }
        send(requested);
        return started;
    }

    /**
     * Cancels the refreshes and removes the binding (a REGISTER of this contact with {@code
     * expires=0}).
     *
     * @return completes when the registrar answered (exceptionally when it refused or did not)
     */
    public CompletionStage<Void> stop() {
        synchronized (this) {
            if (stopped != null) {
                return stopped;
            }
            stopped = new CompletableFuture<>();
            timer.cancel();
            state = State.STOPPED;
        }
        send(0);
        return stopped;
    }

    /** Where it stands. */
    public synchronized State state() {
        return state;
    }

    /** The interval last granted. */
    public synchronized Optional<Duration> granted() {
        return Optional.ofNullable(granted);
    }

    /** How many times the registration was renewed after the first success. */
    public synchronized int refreshes() {
        return refreshes;
    }

    /** The Call-ID all the REGISTERs share. */
    public String callId() {
        return callId;
    }

    private void send(long expires) {
        send(expires, false);
    }

    private void send(long expires, boolean retriedInterval) {
        long number;
        synchronized (this) {
            number = ++cseq;
        }
        SipRequest request = (SipRequest) SipRequest.builder("REGISTER", registrar)
                .header("Via", "SIP/2.0/" + transport + " " + sentBy + ";rport;branch=" + TransactionLayer.newBranch())
                .header("Max-Forwards", "70")
                .header("From", "<" + aor + ">;tag=" + fromTag)
                .header("To", "<" + aor + ">")
                .header("Call-ID", callId)
                .header("CSeq", number + " REGISTER")
                .header("Contact", "<" + contact + ">;expires=" + expires)
                .header("Expires", Long.toString(expires))
                .build();
        transmit(request, expires, retriedInterval);
    }

    private void transmit(SipRequest request, long expires, boolean retriedInterval) {
        try {
            layer.sendRequest(request, channel, new ClientTransactionListener() {
                @Override
                public void onResponse(ClientTransaction transaction, SipResponse response) {
                    if (response.statusCode() >= 200) {
                        handle(request, response, expires, retriedInterval);
                    }
                }

                @Override
                public void onTimeout(ClientTransaction transaction) {
                    failed(expires, new RegistrationException(408, "the registrar did not answer", null));
                }

                @Override
                public void onTransportError(ClientTransaction transaction, Throwable cause) {
                    failed(expires, new RegistrationException(503, "the REGISTER could not be sent", cause));
                }
            });
        } catch (RuntimeException e) {
            failed(expires, new RegistrationException(503, "the REGISTER could not be sent", e));
        }
    }

    private void handle(SipRequest request, SipResponse response, long expires, boolean retriedInterval) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            succeeded(response, expires);
            return;
        }
        if ((status == 401 || status == 407) && credentials.isPresent()) {
            Optional<SipRequest> retry = credentials.get().authorize(request, response);
            if (retry.isPresent()) {
                synchronized (this) {
                    cseq = retry.get().cseq().orElseThrow().number();
                }
                transmit(retry.get(), expires, retriedInterval);
                return;
            }
        }
        if (status == 423 && expires != 0 && !retriedInterval) {
            OptionalLong min = minExpires(response);
            if (min.isPresent() && min.getAsLong() > expires) {
                synchronized (this) {
                    requested = min.getAsLong();
                }
                send(min.getAsLong(), true);
                return;
            }
        }
        failed(
                expires,
                new RegistrationException(
                        status, "the registrar answered " + status + " " + response.reasonPhrase(), null));
    }

    private static OptionalLong minExpires(SipResponse response) {
        return response.header("Min-Expires")
                .map(String::strip)
                .map(Registrar::deltaSeconds)
                .filter(v -> v > 0)
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    private void succeeded(SipResponse response, long expires) {
        if (expires == 0) {
            CompletableFuture<Void> s;
            synchronized (this) {
                s = stopped;
                granted = Duration.ZERO;
            }
            if (s != null) {
                s.complete(null);
            }
            return;
        }
        Duration g = Duration.ofSeconds(grantedSeconds(response, expires));
        CompletableFuture<Duration> first;
        synchronized (this) {
            if (state == State.STOPPED) {
                return; // a late answer after stop(): the removal is under way
            }
            if (state == State.REGISTERED || state == State.FAILED) {
                if (granted != null) {
                    refreshes++;
                }
            }
            granted = g;
            state = State.REGISTERED;
            first = started;
            timer = layer.scheduler().schedule(refreshDelay(g), this::refresh);
        }
        LOG.debug("registered {} for {} s", Mask.text(aor), g.getSeconds());
        first.complete(g);
        listener.onRegistered(g);
    }

    private long grantedSeconds(SipResponse response, long expires) {
        try {
            for (NameAddress c : response.contacts()) {
                if (Binding.key(c.uri()).equals(contactKey)) {
                    long v = c.parameters()
                            .get("expires")
                            .map(Registrar::deltaSeconds)
                            .orElse(-1L);
                    if (v >= 0) {
                        return v;
                    }
                }
            }
            OptionalLong header = response.expires();
            if (header.isPresent()) {
                return header.getAsLong();
            }
        } catch (SipParseException e) {
            LOG.debug("unparsable Contact or Expires in a 200 to REGISTER: {}", e.getMessage());
        }
        return expires;
    }

    /** Half-way for two minutes or less, otherwise a minute before the end. */
    static Duration refreshDelay(Duration granted) {
        long s = granted.getSeconds();
        return s <= 120 ? Duration.ofMillis(Math.max(granted.toMillis() / 2, 500)) : Duration.ofSeconds(s - 60);
    }

    private void refresh() {
        long expires;
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            expires = requested;
        }
        send(expires);
    }

    private void failed(long expires, RegistrationException failure) {
        if (expires == 0) {
            CompletableFuture<Void> s;
            synchronized (this) {
                s = stopped;
            }
            if (s != null) {
                s.completeExceptionally(failure);
            }
            return;
        }
        CompletableFuture<Duration> first;
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.FAILED;
            first = started;
            timer = layer.scheduler().schedule(retryInterval, this::refresh);
        }
        LOG.debug("registration of {} failed: {}", Mask.text(aor), failure.getMessage());
        first.completeExceptionally(failure);
        listener.onFailed(failure);
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The state, masked address-of-record and Call-ID. */
    @Override
    public synchronized String toString() {
        return "Registration[" + Mask.text(aor) + ", " + state + ", Call-ID " + callId + "]";
    }

    /** Configures a {@link Registration}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final TransactionLayer layer;
        private final SipTransportChannel channel;
        private String registrar;
        private String aor;
        private String contact;
        private String sentBy;
        private String transport;
        private Duration expires = Duration.ofSeconds(3600);
        private DigestClient credentials;
        private Listener listener = new Listener() {};
        private Duration retryInterval = Duration.ofSeconds(60);
        private SecureRandom random = new SecureRandom();

        private Builder(TransactionLayer layer, SipTransportChannel channel) {
            this.layer = Arguments.notNull(layer, "layer");
            this.channel = Arguments.notNull(channel, "channel");
        }

        /**
         * The registrar's URI, the Request-URI of the REGISTERs (RFC 3261 10.2: no user part).
         *
         * @param uri e.g. {@code sip:bank.example}
         * @return this builder
         */
        public Builder registrar(String uri) {
            this.registrar = sipUri(uri, "registrar").toString();
            return this;
        }

        /**
         * The address-of-record, in From and To.
         *
         * @param uri e.g. {@code sip:alice@bank.example}
         * @return this builder
         */
        public Builder addressOfRecord(String uri) {
            this.aor = sipUri(uri, "address-of-record").toString();
            return this;
        }

        /**
         * The contact address to bind.
         *
         * @param uri e.g. {@code sip:alice@192.0.2.4:5070}
         * @return this builder
         */
        public Builder contact(String uri) {
            this.contact = sipUri(uri, "contact").toString();
            return this;
        }

        /**
         * The transport and the sent-by of the Via (the local address the registrar answers to).
         *
         * @param transport the transport of the channel
         * @param host the local host or address
         * @param port the local port
         * @return this builder
         */
        public Builder sentBy(SipTransport transport, String host, int port) {
            Arguments.notNull(transport, "transport");
            Arguments.notNull(host, "host");
            if (port < 1 || port > 65_535) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "port out of range: " + port);
            }
            this.transport = transport.name();
            this.sentBy = (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
            return this;
        }

        /**
         * The interval to ask for (default 3600 s).
         *
         * @param expires 1 s to 2^32-1 s, whole seconds
         * @return this builder
         */
        public Builder expires(Duration expires) {
            Arguments.notNull(expires, "expires");
            if (expires.getNano() != 0 || expires.getSeconds() < 1 || expires.getSeconds() > 0xFFFF_FFFFL) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "expires must be 1 to 2^32-1 whole seconds, not " + expires);
            }
            this.expires = expires;
            return this;
        }

        /**
         * Answers 401 and 407 challenges (default: none, a challenge fails the registration).
         *
         * @param credentials the digest client
         * @return this builder
         */
        public Builder credentials(DigestClient credentials) {
            this.credentials = Arguments.notNull(credentials, "credentials");
            return this;
        }

        /**
         * Hears successes and failures.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(Listener listener) {
            this.listener = Arguments.notNull(listener, "listener");
            return this;
        }

        /**
         * How long to wait after a failure before trying again (default 60 s).
         *
         * @param interval at least 1 s
         * @return this builder
         */
        public Builder retryInterval(Duration interval) {
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "the retry interval is at least 1 s, not " + interval);
            }
            this.retryInterval = interval;
            return this;
        }

        /**
         * The source of the Call-ID and tag (default a new {@link SecureRandom}).
         *
         * @param random the random source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Arguments.notNull(random, "random");
            return this;
        }

        /**
         * The registration, not started.
         *
         * @return the registration
         * @throws IllegalStateException when the registrar, address-of-record, contact or sent-by is
         *     missing
         */
        public Registration build() {
            if (registrar == null || aor == null || contact == null || sentBy == null) {
                throw new IllegalStateException("registrar, addressOfRecord, contact and sentBy are required");
            }
            return new Registration(this);
        }

        private static SipUri sipUri(String text, String what) {
            SipUri u = SipUri.parse(Arguments.notNull(text, what));
            if (u.kind() != SipUri.Kind.SIP && u.kind() != SipUri.Kind.SIPS) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "the " + what + " must be a sip or sips URI");
            }
            return u;
        }
    }
}
