package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.time.Cancellable;
import io.remotebank.signaling.sdp.Connection;
import io.remotebank.signaling.sdp.OfferAnswer;
import io.remotebank.signaling.sdp.Origin;
import io.remotebank.signaling.sdp.SdpParseException;
import io.remotebank.signaling.sdp.SessionDescription;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.transaction.TransactionState;
import io.remotebank.signaling.sip.transaction.TransactionUser;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A minimal UAS core (RFC 3261 8.2, 13.3, 15) that answers every call: 200 to OPTIONS; to an INVITE
 * with an SDP offer 180 (Ringing) and, after the configured ring time, 200 with the RFC 3264 answer
 * ({@link OfferAnswer}), retransmitted over UDP until the ACK comes (RFC 3261 13.3.1.4: T1 doubling
 * up to T2, for at most 64*T1); BYE ends the dialog (481 when it is unknown); CANCEL answers 200 and
 * ends a ringing INVITE with 487 (481 when no INVITE matches). An INVITE without an SDP offer, or
 * with one that has nothing in common with the capabilities, gets 488; another body type 415.
 *
 * <p>It serves load tests (sipp's {@code uac} scenario) and the {@code rb sip-server} command;
 * dialogs are counted by {@link #liveDialogs()}. A confirmed dialog lives until its BYE.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AutoAnswerUas implements TransactionUser {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS";
    private static final Set<String> KNOWN =
            Set.of("REGISTER", "SUBSCRIBE", "NOTIFY", "PUBLISH", "REFER", "MESSAGE", "INFO", "UPDATE", "PRACK");

    private final TransactionLayer layer;
    private final Settings settings;
    private final ConcurrentHashMap<String, Dialog> dialogs = new ConcurrentHashMap<>();
    /** RFC 4566 5.2 leaves how a sess-id is made to the tool: a random start, counted up. */
    private final AtomicLong sessionIds = new AtomicLong(Integer.toUnsignedLong(RANDOM.nextInt()));

    /**
     * What the UAS answers with.
     *
     * @param contact the Contact URI of its responses, e.g. {@code sip:uas@192.0.2.1:5060}
     * @param mediaAddress the address in the SDP answer's o= and c= lines
     * @param capabilities the media it accepts
     * @param ringTime how long it rings before it answers (zero: at once)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Settings(
            String contact, String mediaAddress, List<OfferAnswer.Capability> capabilities, Duration ringTime) {

        /** Checks and copies. */
        public Settings {
            Arguments.notNull(contact, "contact");
            Arguments.notNull(mediaAddress, "mediaAddress");
            capabilities = List.copyOf(capabilities);
            if (capabilities.isEmpty()) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "at least one media capability");
            }
            if (ringTime.isNegative()) {
                throw new ValidationException(CoreError.ARGUMENT_INVALID, "the ring time must not be negative");
            }
        }

        /**
         * Audio only (PCMU, PCMA, telephone-event), answering at once.
         *
         * @param contact the Contact URI
         * @param mediaAddress the media address
         * @param audioPort the RTP port in the answer
         * @return the settings
         */
        public static Settings audio(String contact, String mediaAddress, int audioPort) {
            return new Settings(
                    contact,
                    mediaAddress,
                    List.of(new OfferAnswer.Capability(
                            "audio",
                            audioPort,
                            List.of("PCMU/8000", "PCMA/8000", "telephone-event/8000"),
                            io.remotebank.signaling.sdp.Direction.SENDRECV,
                            List.of())),
                    Duration.ZERO);
        }

        /**
         * These settings with another ring time.
         *
         * @param ring the ring time
         * @return the new settings
         */
        public Settings withRingTime(Duration ring) {
            return new Settings(contact, mediaAddress, capabilities, ring);
        }
    }

    private enum Phase {
        EARLY,
        WAITING_FOR_ACK,
        CONFIRMED,
        ENDED
    }

    private final class Dialog {
        final String key;
        final ServerTransaction invite;
        final String localTag;
        Phase phase = Phase.EARLY;
        SipResponse ok;
        Duration interval;
        Duration waited = Duration.ZERO;
        Cancellable timer = () -> false;

        Dialog(String key, ServerTransaction invite, String localTag) {
            this.key = key;
            this.invite = invite;
            this.localTag = localTag;
            this.interval = layer.settings().t1();
        }
    }

    /**
     * Creates the UAS.
     *
     * @param layer the transaction layer it answers through
     * @param settings what it answers with
     */
    public AutoAnswerUas(TransactionLayer layer, Settings settings) {
        this.layer = Arguments.notNull(layer, "layer");
        this.settings = Arguments.notNull(settings, "settings");
    }

    /**
     * A factory for {@code SipEndpoint.Builder#start}.
     *
     * @param settings what it answers with
     * @return the factory
     */
    public static Function<TransactionLayer, AutoAnswerUas> factory(Settings settings) {
        return layer -> new AutoAnswerUas(layer, settings);
    }

    /** Dialogs (early, waiting for the ACK or confirmed) that have not ended. */
    public int liveDialogs() {
        return dialogs.size();
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        switch (request.method()) {
            case "OPTIONS" ->
                tx.respond((SipResponse) SipResponse.to(request, 200, "OK", newTag())
                        .header("Allow", ALLOW)
                        .header("Accept", "application/sdp")
                        .header("Contact", "<" + settings.contact() + ">")
                        .build());
            case "INVITE" -> invite(tx);
            case "BYE" -> bye(tx);
            case "CANCEL" -> cancel(tx);
            default -> {
                boolean known = KNOWN.contains(request.method());
                tx.respond((SipResponse) SipResponse.to(
                                request, known ? 405 : 501, known ? "Method Not Allowed" : "Not Implemented", newTag())
                        .header("Allow", ALLOW)
                        .build());
            }
        }
    }

    private void invite(ServerTransaction tx) {
        SipRequest request = tx.request();
        Optional<String> toTag = request.toTag();
        if (toTag.isPresent()) {
            Dialog existing = dialogs.get(key(request.callId().orElseThrow(), toTag.get(), request.fromTag()));
            if (existing == null) {
                tx.respond(simple(request, 481, "Call/Transaction Does Not Exist"));
                return;
            }
            // a re-INVITE: answer its offer within the dialog
            Optional<SessionDescription> answer = answerOrReject(tx, toTag.get());
            answer.ifPresent(sdp -> {
                Dialog d = new Dialog(existing.key, tx, existing.localTag);
                dialogs.put(d.key, d);
                existing.timer.cancel();
                accept(d, sdp);
            });
            return;
        }
        String localTag = newTag();
        Optional<SessionDescription> answer = answerOrReject(tx, localTag);
        if (answer.isEmpty()) {
            return;
        }
        Dialog d = new Dialog(key(request.callId().orElseThrow(), localTag, request.fromTag()), tx, localTag);
        dialogs.put(d.key, d);
        tx.respond((SipResponse) SipResponse.to(request, 180, "Ringing", localTag)
                .header("Contact", "<" + settings.contact() + ">")
                .build());
        if (settings.ringTime().isZero()) {
            accept(d, answer.get());
        } else {
            synchronized (d) {
                d.timer = layer.scheduler().schedule(settings.ringTime(), () -> accept(d, answer.get()));
            }
        }
    }

    private Optional<SessionDescription> answerOrReject(ServerTransaction tx, String localTag) {
        SipRequest request = tx.request();
        boolean type =
                request.contentType().map(c -> c.is("application", "sdp")).orElse(false);
        if (request.bodyLength() > 0 && !type) {
            tx.respond((SipResponse) SipResponse.to(request, 415, "Unsupported Media Type", localTag)
                    .header("Accept", "application/sdp")
                    .build());
            return Optional.empty();
        }
        if (request.bodyLength() == 0) {
            tx.respond(simple(request, 488, "Not Acceptable Here", localTag));
            return Optional.empty();
        }
        try {
            SessionDescription offer = SessionDescription.parse(request.body());
            String id = Long.toString(sessionIds.incrementAndGet());
            String addrType = settings.mediaAddress().indexOf(':') >= 0 ? "IP6" : "IP4";
            return Optional.of(OfferAnswer.answer(
                    offer,
                    new Origin("-", id, "1", "IN", addrType, settings.mediaAddress()),
                    Connection.of(settings.mediaAddress()),
                    settings.capabilities()));
        } catch (SdpParseException e) {
            tx.respond(simple(request, 488, "Not Acceptable Here", localTag));
            return Optional.empty();
        }
    }

    private void accept(Dialog d, SessionDescription answer) {
        SipResponse ok;
        synchronized (d) {
            if (d.phase != Phase.EARLY) {
                return;
            }
            ok = (SipResponse) SipResponse.to(d.invite.request(), 200, "OK", d.localTag)
                    .header("Contact", "<" + settings.contact() + ">")
                    .header("Allow", ALLOW)
                    .body("application/sdp", answer.toString())
                    .build();
            d.ok = ok;
            d.phase = Phase.WAITING_FOR_ACK;
            d.timer = layer.scheduler().schedule(d.interval, () -> retransmit(d));
        }
        try {
            d.invite.respond(ok);
        } catch (IllegalStateException e) {
            end(d); // the INVITE transaction ended meanwhile (transport error)
        }
    }

    /** RFC 3261 13.3.1.4: the 2xx again (over UDP) until the ACK, for at most 64*T1. */
    private void retransmit(Dialog d) {
        SipResponse again = null;
        boolean expired = false;
        synchronized (d) {
            if (d.phase != Phase.WAITING_FOR_ACK) {
                return;
            }
            d.waited = d.waited.plus(d.interval);
            if (d.waited.compareTo(layer.settings().timeout()) >= 0) {
                d.phase = Phase.ENDED;
                expired = true;
            } else {
                if (!d.invite.channel().reliable()) {
                    again = d.ok;
                }
                Duration doubled = d.interval.multipliedBy(2);
                d.interval = doubled.compareTo(layer.settings().t2()) <= 0
                        ? doubled
                        : layer.settings().t2();
                d.timer = layer.scheduler().schedule(d.interval, () -> retransmit(d));
            }
        }
        if (expired) {
            dialogs.remove(d.key, d); // no ACK: the dialog is over (13.3.1.4)
        }
        if (again == null) {
            return;
        }
        try {
            d.invite.respond(again);
        } catch (IllegalStateException e) {
            end(d);
        }
    }

    @Override
    public void onAck(SipRequest ack, SipTransportChannel channel) {
        Optional<String> toTag = ack.toTag();
        if (toTag.isEmpty() || ack.callId().isEmpty()) {
            return;
        }
        Dialog d = dialogs.get(key(ack.callId().get(), toTag.get(), ack.fromTag()));
        if (d == null) {
            return;
        }
        synchronized (d) {
            if (d.phase == Phase.WAITING_FOR_ACK
                    && ack.cseq().map(c -> c.number()).orElse(-1L)
                            == d.invite.request().cseq().orElseThrow().number()) {
                d.phase = Phase.CONFIRMED;
                d.timer.cancel();
            }
        }
    }

    private void bye(ServerTransaction tx) {
        SipRequest request = tx.request();
        Dialog d = request.toTag()
                .map(t -> dialogs.get(key(request.callId().orElseThrow(), t, request.fromTag())))
                .orElse(null);
        if (d == null) {
            tx.respond(simple(request, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        end(d);
        tx.respond(simple(request, 200, "OK"));
    }

    private void cancel(ServerTransaction tx) {
        SipRequest cancel = tx.request();
        Optional<ServerTransaction> invite = layer.findInvite(cancel);
        if (invite.isEmpty()) {
            tx.respond(simple(cancel, 481, "Call/Transaction Does Not Exist", newTag()));
            return;
        }
        Dialog d = dialogs.values().stream()
                .filter(x -> x.invite == invite.get())
                .findFirst()
                .orElse(null);
        String tag = d == null ? newTag() : d.localTag;
        tx.respond(simple(cancel, 200, "OK", tag));
        if (d == null || invite.get().state() != TransactionState.PROCEEDING) {
            return;
        }
        boolean wasEarly;
        synchronized (d) {
            wasEarly = d.phase == Phase.EARLY;
        }
        if (wasEarly) {
            end(d);
            invite.get().respond(simple(invite.get().request(), 487, "Request Terminated", tag));
        }
    }

    @Override
    public void onTransportError(ServerTransaction transaction, Throwable cause) {
        dialogs.values().stream().filter(d -> d.invite == transaction).toList().forEach(this::end);
    }

    private void end(Dialog d) {
        synchronized (d) {
            d.phase = Phase.ENDED;
            d.timer.cancel();
        }
        dialogs.remove(d.key, d);
    }

    private static SipResponse simple(SipRequest request, int status, String reason) {
        return simple(request, status, reason, null);
    }

    private static SipResponse simple(SipRequest request, int status, String reason, String toTag) {
        return (SipResponse) SipResponse.to(request, status, reason, toTag).build();
    }

    private static String key(String callId, String localTag, Optional<String> remoteTag) {
        return callId + '|' + localTag + '|' + remoteTag.orElse("");
    }

    private static String newTag() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
