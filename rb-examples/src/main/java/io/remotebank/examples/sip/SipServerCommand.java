package io.remotebank.examples.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.examples.cli.ServerCommand;
import io.remotebank.signaling.sdp.Connection;
import io.remotebank.signaling.sdp.Direction;
import io.remotebank.signaling.sdp.OfferAnswer;
import io.remotebank.signaling.sdp.Origin;
import io.remotebank.signaling.sdp.SdpParseException;
import io.remotebank.signaling.sdp.SessionDescription;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.ua.Call;
import io.remotebank.signaling.sip.ua.CallListener;
import io.remotebank.signaling.sip.ua.IncomingCall;
import io.remotebank.signaling.sip.ua.UasHandler;
import io.remotebank.signaling.sip.ua.UserAgent;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
            "Run a SIP UAS that answers every call: 200 to OPTIONS; an INVITE with SDP gets 100, 180 and 200",
            "with an SDP answer (RFC 3264); ACK, CANCEL, BYE, re-INVITE, UPDATE, INFO and MESSAGE are handled.",
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
        InetAddress address = InetAddress.getByName(bind);
        InetAddress advertised = advertise != null
                ? InetAddress.getByName(advertise)
                : address.isAnyLocalAddress() ? InetAddress.getLocalHost() : address;
        SipEndpoint.Builder endpoint = SipEndpoint.builder()
                .bind(address)
                .udpPort(udp)
                .tcpPort(tcp == null ? -1 : tcp)
                .threads(threads);
        Answering handler = new Answering(advertised.getHostAddress(), Duration.ofMillis(ringMillis));
        UserAgent ua = UserAgent.start(endpoint, advertised, UserAgent.Settings.ofDefaults(), handler);
        handler.ua = ua;
        SipEndpoint e = ua.endpoint().orElseThrow();
        return new RunningServer() {
            @Override
            public Map<String, Integer> ports() {
                Map<String, Integer> ports = new LinkedHashMap<>();
                e.udpAddress().ifPresent(a -> ports.put("udp", a.getPort()));
                e.tcpAddress().ifPresent(a -> ports.put("tcp", a.getPort()));
                return ports;
            }

            @Override
            public void close() {
                ua.close();
            }
        };
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
        private final AtomicLong sessions = new AtomicLong(System.currentTimeMillis() / 1000);
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
