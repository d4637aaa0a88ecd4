package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Scheduler;
import io.remotebank.core.tls.TlsPolicy;
import io.remotebank.signaling.internal.sip.transport.SipTls;
import io.remotebank.signaling.internal.webrtc.Hub;
import io.remotebank.signaling.internal.webrtc.HubConfig;
import io.remotebank.signaling.internal.webrtc.HubEvents;
import io.remotebank.signaling.internal.webrtc.SharedPorts;
import io.remotebank.signaling.internal.webrtc.SignalingChannels;
import io.remotebank.signaling.internal.webrtc.SignalingListener;
import io.remotebank.signaling.internal.webrtc.TransportConfig;
import io.remotebank.signaling.sip.transport.TlsIdentity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The WebRTC signaling server: rooms of participants who join with a token and exchange offers,
 * answers and ICE candidates over a WebSocket, with resumable sessions (the protocol is in {@code
 * docs/rb-video-signaling-webrtc.md}). It listens on its own port ({@link Builder#port}), or on the
 * WS and WSS ports of a {@code SipEndpoint} built with {@code webRtcSignaling(this)}, or both.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WebRtcSignaling implements AutoCloseable {

    /** The WebSocket subprotocol of the protocol's version 1 ({@code rb.webrtc.v1}). */
    public static final String SUBPROTOCOL = SignalingChannels.SUBPROTOCOL;

    private final Hub hub;
    private final SignalingListener listener;
    private final String path;

    private WebRtcSignaling(Hub hub, SignalingListener listener, String path) {
        this.hub = hub;
        this.listener = listener;
        this.path = path;
    }

    /** A builder; {@link Builder#tokens} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address of the server's own port, if it has one. */
    public Optional<InetSocketAddress> address() {
        return Optional.ofNullable(listener).map(SignalingListener::address);
    }

    /** The HTTP path of the handshake. */
    public String path() {
        return path;
    }

    /** The sessions held: joined, attached or waiting for a resume. */
    public int sessions() {
        return hub.sessions();
    }

    /** The sessions whose connection is open. */
    public int connectedSessions() {
        return hub.attachedSessions();
    }

    /** Ends every session (going away) and closes the own port; a SIP endpoint's ports stay. */
    @Override
    public void close() {
        SharedPorts.remove(this);
        hub.close();
        if (listener != null) {
            listener.close();
        }
    }

    /** Collects the settings; each setter checks its value at once. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private JoinTokenVerifier tokens;
        private Scheduler scheduler;
        private int port = -1;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private String path = "/webrtc";
        private SslContext tls;
        private TlsPolicy tlsPolicy = TlsPolicy.defaults();
        private EventLoopGroup group;
        private int threads = 1;
        private Duration heartbeatInterval = Duration.ofSeconds(10);
        private Duration heartbeatTimeout = Duration.ofSeconds(30);
        private Duration resumeWindow = Duration.ofSeconds(30);
        private int replayLimit = 256;
        private int maxHeldCandidates = 64;
        private final List<IceServer> iceServers = new ArrayList<>();
        private Function<JoinGrant, List<IceServer>> perJoinIceServers = grant -> List.of();
        private Set<String> allowedOrigins = Set.of();
        private int maxFrameBytes = 64 * 1024;
        private int messageRate = 50;
        private int messageBurst = 200;
        private int maxConnectionsPerAddress = 32;
        private HubEvents events = HubEvents.NONE;

        private Builder() {}

        /**
         * Checks each join's token ({@link JwtJoinTokens}).
         *
         * @param verifier the verifier
         * @return this builder
         */
        public Builder tokens(JoinTokenVerifier verifier) {
            this.tokens = Arguments.notNull(verifier, "verifier");
            return this;
        }

        /**
         * The timers (heartbeats, resume windows, rate limits) and their time; by default the system's.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Listens on a port of its own (0: ephemeral); without it the server is reached only through
         * a SIP endpoint's WebSocket ports.
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = (int) Arguments.inRange(port, 0, 65_535, "port");
            return this;
        }

        /**
         * The address of the own port (default loopback).
         *
         * @param address the address
         * @return this builder
         */
        public Builder bind(InetAddress address) {
            this.bind = Arguments.notNull(address, "address");
            return this;
        }

        /**
         * The HTTP path of the handshake (default {@code /webrtc}); on a SIP port, a handshake on
         * this path, or one offering {@link #SUBPROTOCOL}, is the signaling server's.
         *
         * @param path an absolute path
         * @return this builder
         */
        public Builder path(String path) {
            Arguments.notBlank(path, "path");
            if (!path.startsWith("/")) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "path must start with /: " + path);
            }
            this.path = path;
            return this;
        }

        /**
         * WSS on the own port with this identity.
         *
         * @param identity the certificate and key
         * @return this builder
         */
        public Builder tlsIdentity(TlsIdentity identity) {
            this.tls = Arguments.notNull(identity, "identity").serverContext();
            return this;
        }

        /**
         * WSS on the own port with the application's server context (a GM/TLCP provider's, one
         * asking for client certificates), narrowed by {@link #tlsPolicy}.
         *
         * @param context a server context
         * @return this builder
         */
        public Builder tlsServerContext(SslContext context) {
            Arguments.notNull(context, "context");
            if (context.isClient()) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "a client context was given as the TLS server context");
            }
            this.tls = context;
            return this;
        }

        /**
         * What each TLS engine passes (default {@link TlsPolicy#defaults()}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder tlsPolicy(TlsPolicy policy) {
            this.tlsPolicy = Arguments.notNull(policy, "policy");
            return this;
        }

        /**
         * The application's event loops for the own port (for instance the group a {@code
         * SipEndpoint} was given); by default a group of its own.
         *
         * @param group the group; the server does not shut it down
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.group = Arguments.notNull(group, "group");
            return this;
        }

        /**
         * The threads of an own event loop group (default 1).
         *
         * @param threads 1 to 256
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = (int) Arguments.inRange(threads, 1, 256, "threads");
            return this;
        }

        /**
         * How often clients send a ping (default 10 s), and how long one may stay silent before its
         * connection is closed (default 30 s; the session then waits for a resume).
         *
         * @param interval the ping interval
         * @param timeout the silence allowed, at least the interval
         * @return this builder
         */
        public Builder heartbeat(Duration interval, Duration timeout) {
            Arguments.positive(interval, "interval");
            Arguments.positive(timeout, "timeout");
            if (timeout.compareTo(interval) < 0) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "the heartbeat timeout must be at least the interval");
            }
            this.heartbeatInterval = interval;
            this.heartbeatTimeout = timeout;
            return this;
        }

        /**
         * How long a session whose connection dropped can be resumed (default 30 s; zero: never).
         *
         * @param window the window
         * @return this builder
         */
        public Builder resumeWindow(Duration window) {
            this.resumeWindow = Arguments.notNegative(window, "window");
            return this;
        }

        /**
         * The most messages kept per session for a replay after a resume (default 256).
         *
         * @param messages 1 to 65536
         * @return this builder
         */
        public Builder replayLimit(int messages) {
            this.replayLimit = (int) Arguments.inRange(messages, 1, 1 << 16, "messages");
            return this;
        }

        /**
         * The most ICE candidates held per peer pair until a description arrives (default 64).
         *
         * @param candidates 1 to 4096
         * @return this builder
         */
        public Builder maxHeldCandidates(int candidates) {
            this.maxHeldCandidates = (int) Arguments.inRange(candidates, 1, 1 << 12, "candidates");
            return this;
        }

        /**
         * Adds a fixed ICE server (a STUN server) every participant gets.
         *
         * @param server the server
         * @return this builder
         */
        public Builder iceServer(IceServer server) {
            iceServers.add(Arguments.notNull(server, "server"));
            return this;
        }

        /**
         * ICE servers made for each join (TURN credentials of their own for each participant).
         *
         * @param perJoin makes the servers of a grant
         * @return this builder
         */
        public Builder iceServersPerJoin(Function<JoinGrant, List<IceServer>> perJoin) {
            this.perJoinIceServers = Arguments.notNull(perJoin, "perJoin");
            return this;
        }

        /**
         * The Origin values a handshake may carry (default: any). A browser always sends its page's
         * origin (RFC 6455 10.2): set this in production.
         *
         * @param origins such as {@code https://bank.example}
         * @return this builder
         */
        public Builder allowedOrigins(Set<String> origins) {
            this.allowedOrigins = Set.copyOf(Arguments.noNulls(origins, "origins"));
            return this;
        }

        /**
         * The largest message (default 64 KiB); a larger one closes the connection with 1009.
         *
         * @param bytes 1 KiB to 16 MiB
         * @return this builder
         */
        public Builder maxFrameBytes(int bytes) {
            this.maxFrameBytes = (int) Arguments.inRange(bytes, 1024, 16 << 20, "bytes");
            return this;
        }

        /**
         * The messages a client may send: {@code rate} a second on average, {@code burst} at once
         * (default 50 and 200).
         *
         * @param rate 1 to 100000
         * @param burst rate to 1000000
         * @return this builder
         */
        public Builder messageRate(int rate, int burst) {
            this.messageRate = (int) Arguments.inRange(rate, 1, 100_000, "rate");
            this.messageBurst = (int) Arguments.inRange(burst, rate, 1_000_000, "burst");
            return this;
        }

        /**
         * The most signaling connections one client address may hold (default 32).
         *
         * @param max 1 to 100000
         * @return this builder
         */
        public Builder maxConnectionsPerAddress(int max) {
            this.maxConnectionsPerAddress = (int) Arguments.inRange(max, 1, 100_000, "max");
            return this;
        }

        /**
         * Starts the server: binds the own port, if one was set.
         *
         * @return the running server
         * @throws WebRtcSignalingException with {@code signaling.webrtc.server} when the port cannot
         *     be bound
         */
        public WebRtcSignaling start() {
            if (tokens == null) {
                throw new ValidationException(CoreError.ARGUMENT_MISSING, "tokens is required");
            }
            Scheduler s = scheduler != null ? scheduler : Scheduler.system();
            List<IceServer> fixed = List.copyOf(iceServers);
            Function<JoinGrant, List<IceServer>> perJoin = perJoinIceServers;
            Hub hub = new Hub(new HubConfig(
                    tokens,
                    s,
                    heartbeatInterval,
                    heartbeatTimeout,
                    resumeWindow,
                    replayLimit,
                    maxHeldCandidates,
                    grant -> {
                        List<IceServer> all = new ArrayList<>(fixed);
                        all.addAll(perJoin.apply(grant));
                        return all;
                    },
                    events));
            SignalingChannels channels = new SignalingChannels(
                    hub,
                    new TransportConfig(
                            path, allowedOrigins, maxFrameBytes, messageRate, messageBurst, maxConnectionsPerAddress),
                    s.ticker());
            SignalingListener listener = null;
            if (port >= 0) {
                if (tls != null) {
                    SipTls.check(tls, tlsPolicy);
                }
                listener = SignalingListener.bind(
                        new InetSocketAddress(bind, port), channels, tls, tlsPolicy, group, threads);
            }
            WebRtcSignaling server = new WebRtcSignaling(hub, listener, path);
            SharedPorts.register(server, channels);
            return server;
        }
    }
}
