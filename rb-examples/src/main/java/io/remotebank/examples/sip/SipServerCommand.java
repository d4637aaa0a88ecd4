package io.remotebank.examples.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.time.Clocks;
import io.remotebank.examples.cli.ServerCommand;
import io.remotebank.signaling.sdp.Connection;
import io.remotebank.signaling.sdp.Direction;
import io.remotebank.signaling.sdp.OfferAnswer;
import io.remotebank.signaling.sdp.Origin;
import io.remotebank.signaling.sdp.SdpParseException;
import io.remotebank.signaling.sdp.SessionDescription;
import io.remotebank.signaling.sip.auth.DigestAuthenticator;
import io.remotebank.signaling.sip.auth.InMemoryCredentialStore;
import io.remotebank.signaling.sip.auth.UsersFile;
import io.remotebank.signaling.sip.registrar.InMemoryLocationService;
import io.remotebank.signaling.sip.registrar.Registrar;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.transport.TlsIdentity;
import io.remotebank.signaling.sip.ua.Call;
import io.remotebank.signaling.sip.ua.CallListener;
import io.remotebank.signaling.sip.ua.IncomingCall;
import io.remotebank.signaling.sip.ua.Network;
import io.remotebank.signaling.sip.ua.UasHandler;
import io.remotebank.signaling.sip.ua.UserAgent;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rb sip-server}: a SIP user agent server that answers every call. OPTIONS gets 200; an
 * INVITE with an SDP offer gets 100, 180 and a 200 with the RFC 3264 answer (PCMU, PCMA,
 * telephone-event); ACK, CANCEL and BYE are handled; what the user agent refuses gets the status
 * RFC 3261 8.2 names.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "sip-server",
        mixinStandardHelpOptions = true,
        description = {
            "Run a SIP UAS and registrar that answers every call: 200 to OPTIONS; an INVITE with SDP gets 100,",
            "180 and 200 with an SDP answer (RFC 3264); ACK, CANCEL, BYE, re-INVITE, UPDATE, INFO and MESSAGE are",
            "handled; REGISTER is served by a registrar, challenged with digest when --users is given.",
            "Runs until interrupted; with --json prints one JSON object per line, first a ready event."
        })
public final class SipServerCommand extends ServerCommand {

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            defaultValue = "127.0.0.1",
            description = "The address to bind (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(
            names = "--udp",
            paramLabel = "PORT",
            defaultValue = "5060",
            description = "The UDP port, 0 for any free one (default ${DEFAULT-VALUE}).")
    int udp;

    @Option(names = "--tcp", paramLabel = "PORT", description = "Also listen on this TCP port (0: any free one).")
    Integer tcp;

    @Option(
            names = "--ws",
            paramLabel = "PORT",
            description = "Also listen for SIP over WebSocket (RFC 7118) on this port.")
    Integer ws;

    @Option(
            names = "--tls-port",
            paramLabel = "PORT",
            description = "Also listen for SIP over TLS (sips) on this port.")
    Integer tlsPort;

    @Option(
            names = "--tls-cert",
            paramLabel = "FILE",
            description = "The TLS certificate chain (PEM); without it a self-signed certificate is made and its"
                    + " SHA-256 fingerprint printed.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "The TLS private key (PEM), with --tls-cert.")
    Path tlsKey;

    @Option(names = "--realm", paramLabel = "R", description = "The digest realm of REGISTER (default: rb).")
    String realm;

    @Option(
            names = "--users",
            paramLabel = "FILE",
            description = "A users file (user:realm:ALGORITHM=HA1,...): REGISTER is challenged with digest"
                    + " (SHA-512-256, SHA-256, MD5). Without it REGISTER is accepted unauthenticated.")
    Path users;

    @Option(
            names = "--advertise",
            paramLabel = "ADDR",
            description = "The address put in Contact and SDP (default: --bind, or this host's address when"
                    + " --bind is a wildcard).")
    String advertise;

    @Option(
            names = "--ring-ms",
            paramLabel = "MS",
            defaultValue = "0",
            description = "How long to ring before answering, in milliseconds (default ${DEFAULT-VALUE}).")
    long ringMillis;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "2",
            description = "Network threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--max-connections",
            paramLabel = "N",
            defaultValue = "10000",
            description = "The most TCP, TLS and WebSocket connections peers may hold at once; more are refused"
                    + " (default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(
            names = "--max-connections-per-address",
            paramLabel = "N",
            defaultValue = "256",
            description = "The most connections one source address may hold at once (default ${DEFAULT-VALUE}).")
    int maxConnectionsPerAddress;

    @Option(
            names = "--header-timeout",
            paramLabel = "S",
            defaultValue = "32",
            description = "Seconds a message's header block (then its body), or a WebSocket handshake, may take to"
                    + " arrive before the connection is closed (default ${DEFAULT-VALUE}).")
    int headerTimeoutSeconds;

    @Option(
            names = "--max-bindings",
            paramLabel = "N",
            defaultValue = "100000",
            description = "The most registrar bindings in all; a REGISTER past it gets 503 (default ${DEFAULT-VALUE}).")
    long maxBindings;

    @Option(
            names = "--max-bindings-per-aor",
            paramLabel = "N",
            defaultValue = "10",
            description = "The most bindings of one address-of-record; a REGISTER past it gets 403"
                    + " (default ${DEFAULT-VALUE}).")
    int maxBindingsPerAor;

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public SipServerCommand() {}

    @Override
    protected RunningServer start() throws UnknownHostException {
        checkPort("--udp", udp);
        if (tcp != null) {
            checkPort("--tcp", tcp);
        }
        if (ringMillis < 0 || ringMillis > 600_000) {
            throw new ParameterException(spec.commandLine(), "--ring-ms must be 0 to 600000 (got " + ringMillis + ")");
        }
        if (threads < 1 || threads > 64) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 to 64 (got " + threads + ")");
        }
        if (ws != null) {
            checkPort("--ws", ws);
        }
        if (tlsPort != null) {
            checkPort("--tls-port", tlsPort);
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
        }
        if (tlsCert != null && tlsPort == null) {
            throw new ParameterException(spec.commandLine(), "--tls-cert needs --tls-port");
        }
        checkRange("--max-connections", maxConnections, 1, 1_000_000);
        checkRange("--max-connections-per-address", maxConnectionsPerAddress, 1, 1_000_000);
        checkRange("--header-timeout", headerTimeoutSeconds, 1, 3600);
        checkRange("--max-bindings", maxBindings, 1, 100_000_000);
        checkRange("--max-bindings-per-aor", maxBindingsPerAor, 1, 10_000);
        if (realm != null && users == null) {
            throw new ParameterException(spec.commandLine(), "--realm needs --users");
        }
        InetAddress address = InetAddress.getByName(bind);
        InetAddress advertised = advertise != null
                ? InetAddress.getByName(advertise)
                : address.isAnyLocalAddress() ? InetAddress.getLocalHost() : address;
        SipEndpoint.Builder endpoint = SipEndpoint.builder()
                .bind(address)
                .udpPort(udp)
                .tcpPort(tcp == null ? -1 : tcp)
                .threads(threads)
                .maxConnections(maxConnections)
                .maxConnectionsPerAddress(maxConnectionsPerAddress)
                .headerTimeout(Duration.ofSeconds(headerTimeoutSeconds));
        if (ws != null) {
            endpoint.wsPort(ws);
        }
        if (tlsPort != null) {
            TlsIdentity identity;
            if (tlsCert != null) {
                identity = TlsIdentity.fromPem(tlsCert, tlsKey);
            } else {
                identity = TlsIdentity.selfSigned(Clocks.system(), advertised.getHostAddress(), "localhost");
                PrintWriter err = spec.commandLine().getErr();
                err.println(
                        "sip-server: self-signed TLS certificate, SHA-256 fingerprint " + identity.sha256Fingerprint());
                err.flush();
            }
            endpoint.tlsPort(tlsPort).tlsIdentity(identity);
        }
        Registrar.Builder registrar = Registrar.builder(new InMemoryLocationService(Clocks.system()))
                .maxBindings(maxBindings)
                .maxBindingsPerAddressOfRecord(maxBindingsPerAor);
        if (users != null) {
            InMemoryCredentialStore store = UsersFile.load(users);
            registrar.authenticator(DigestAuthenticator.builder(realm == null ? "rb" : realm, store)
                    .build());
        }
        Registrar reg = registrar.build();
        Answering handler = new Answering(advertised.getHostAddress(), Duration.ofMillis(ringMillis));
        UserAgent[] holder = new UserAgent[1];
        SipEndpoint e = endpoint.start(layer -> {
            reg.startPurging(layer.scheduler()); // expired bindings leave memory
            return reg.inFrontOf(holder[0] = new UserAgent(layer, UserAgent.Settings.ofDefaults(), handler));
        });
        UserAgent ua = holder[0].attach(Network.of(e, advertised));
        handler.ua = ua;
        return new RunningServer() {
            @Override
            public Map<String, Integer> ports() {
                Map<String, Integer> ports = new LinkedHashMap<>();
                e.udpAddress().ifPresent(a -> ports.put("udp", a.getPort()));
                e.tcpAddress().ifPresent(a -> ports.put("tcp", a.getPort()));
                e.address(SipTransport.WS).ifPresent(a -> ports.put("ws", a.getPort()));
                e.address(SipTransport.TLS).ifPresent(a -> ports.put("tls", a.getPort()));
                return ports;
            }

            @Override
            public void close() {
                e.close();
            }
        };
    }

    private void checkRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(
                    spec.commandLine(), name + " must be " + min + " to " + max + " (got " + value + ")");
        }
    }

    private void checkPort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), name + " must be 0 to 65535 (got " + port + ")");
        }
    }

    /** Answers every call with the RFC 3264 answer to its offer. */
    static final class Answering implements UasHandler {
        private final String mediaAddress;
        private final Duration ring;
        private final List<OfferAnswer.Capability> capabilities;
        private final AtomicLong sessions = new AtomicLong(Clocks.system().millis() / 1000);
        volatile UserAgent ua;

        Answering(String mediaAddress, Duration ring) {
            this.mediaAddress = mediaAddress;
            this.ring = ring;
            this.capabilities = List.of(new OfferAnswer.Capability(
                    "audio",
                    30_000,
                    List.of("PCMU/8000", "PCMA/8000", "telephone-event/8000"),
                    Direction.SENDRECV,
                    List.of()));
        }

        @Override
        public void onInvite(IncomingCall call) {
            Optional<String> answer = answer(call.offer());
            if (answer.isEmpty()) {
                call.reject(488, "Not Acceptable Here");
                return;
            }
            call.listener(new CallListener() {
                @Override
                public Optional<String> onOffer(Call c, String offer) {
                    return answer(Optional.of(offer)); // a re-INVITE or UPDATE
                }
            });
            call.ring();
            if (ring.isZero()) {
                call.accept(answer.get());
            } else {
                ua.layer().scheduler().schedule(ring, () -> call.accept(answer.get()));
            }
        }

        Optional<String> answer(Optional<String> offer) {
            if (offer.isEmpty()) {
                return Optional.empty();
            }
            try {
                SessionDescription o = SessionDescription.parse(offer.get());
                String type = mediaAddress.indexOf(':') >= 0 ? "IP6" : "IP4";
                return Optional.of(OfferAnswer.answer(
                                o,
                                new Origin(
                                        "-", Long.toString(sessions.incrementAndGet()), "1", "IN", type, mediaAddress),
                                Connection.of(mediaAddress),
                                capabilities)
                        .toString());
            } catch (SdpParseException e) {
                return Optional.empty();
            }
        }
    }
}
