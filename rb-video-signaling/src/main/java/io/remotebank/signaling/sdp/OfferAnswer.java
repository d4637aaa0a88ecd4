package io.remotebank.signaling.sdp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.SignalingError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Answers an SDP offer (RFC 3264 6): per media description, the codecs both sides have (matched by
 * static payload type, or by rtpmap encoding name and clock rate for dynamic ones) in the offer's
 * order and with the offer's payload type numbers; the direction mirrored (sendonly becomes
 * recvonly); port 0 for a stream that is rejected; {@code mid} and {@code rtcp-mux} carried over;
 * the answerer's own ICE and DTLS attributes added, with {@code a=setup} answered per RFC 5763 5.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class OfferAnswer {

    // RFC 3551 table 4 and 5: static payload types by number.
    private static final Map<String, String> STATIC = Map.ofEntries(
            Map.entry("0", "pcmu/8000"),
            Map.entry("3", "gsm/8000"),
            Map.entry("4", "g723/8000"),
            Map.entry("8", "pcma/8000"),
            Map.entry("9", "g722/8000"),
            Map.entry("13", "cn/8000"),
            Map.entry("18", "g729/8000"),
            Map.entry("26", "jpeg/90000"),
            Map.entry("31", "h261/90000"),
            Map.entry("34", "h263/90000"));

    private static final Set<String> PASS_THROUGH = Set.of("mid", "rtcp-mux", "rtcp-rsize");

    private OfferAnswer() {}

    /**
     * What one kind of media the answerer can do.
     *
     * @param media {@code audio}, {@code video}...
     * @param port the local port to answer with
     * @param codecs the codecs as {@code name/clock[/channels]}, e.g. {@code opus/48000/2}, {@code
     *     PCMU/8000}, {@code telephone-event/8000}
     * @param direction what the answerer can do at most
     * @param attributes the answerer's own attributes for this media (ICE candidates, ice-ufrag,
     *     ice-pwd, fingerprint...)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Capability(
            String media, int port, List<String> codecs, Direction direction, List<Attribute> attributes) {

        /** Checks and copies. */
        public Capability {
            Arguments.notNull(media, "media");
            codecs = List.copyOf(codecs);
            Arguments.notNull(direction, "direction");
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * Answers an offer.
     *
     * @param offer the offer
     * @param origin the answerer's origin
     * @param connection the answerer's connection address
     * @param capabilities what the answerer can do, per media type
     * @return the answer: one media description per offered one, in the same order
     * @throws SdpParseException (negotiation) when no stream at all could be accepted
     */
    public static SessionDescription answer(
            SessionDescription offer, Origin origin, Connection connection, List<Capability> capabilities) {
        SessionDescription.Builder b = SessionDescription.builder(origin).connection(connection);
        // RFC 3264 6: the answer's t= line equals the offer's.
        offer.times().stream().filter(t -> t.startsWith("t=")).limit(1).forEach(b::timeLine);
        offer.attribute("group").ifPresent(g -> b.attribute(Attribute.of("group", g)));
        boolean any = false;
        for (MediaDescription m : offer.media()) {
            MediaDescription a = answerOne(offer, m, capabilities);
            any |= a.port() != 0;
            b.media(a);
        }
        if (!any && !offer.media().isEmpty()) {
            throw new SdpParseException(SignalingError.SDP_NEGOTIATION, 0, "no offered stream can be accepted");
        }
        return b.build();
    }

    private static MediaDescription answerOne(SessionDescription offer, MediaDescription m, List<Capability> caps) {
        Optional<Capability> cap =
                caps.stream().filter(c -> c.media().equals(m.media())).findFirst();
        List<String> common = new ArrayList<>();
        if (cap.isPresent() && m.port() != 0) {
            for (String pt : m.formats()) {
                String codec = codecOf(m, pt);
                if (codec != null && supports(cap.get(), codec)) {
                    common.add(pt);
                }
            }
        }
        if (common.isEmpty()) {
            // RFC 3264 6: a rejected stream keeps its line with port 0 and at least one format.
            MediaDescription.Builder r = MediaDescription.builder(m.media(), 0, m.proto());
            r.format(m.formats().isEmpty() ? "0" : m.formats().get(0));
            m.attribute("mid").ifPresent(v -> r.attribute(Attribute.of("mid", v)));
            return r.build();
        }
        Capability c = cap.get();
        MediaDescription.Builder a = MediaDescription.builder(m.media(), c.port(), m.proto());
        for (String pt : common) {
            a.format(pt);
        }
        for (Attribute at : m.attributes()) {
            if (PASS_THROUGH.contains(at.name())) {
                a.attribute(at);
            }
        }
        for (String pt : common) {
            m.rtpmap(pt).ifPresent(v -> a.attribute(Attribute.of("rtpmap", pt + " " + v)));
            m.fmtp(pt).ifPresent(v -> a.attribute(Attribute.of("fmtp", pt + " " + v)));
        }
        a.direction(combine(offer.directionOf(m).answer(), c.direction()));
        m.attribute("setup").ifPresent(s -> a.attribute(Attribute.of("setup", answerSetup(s))));
        c.attributes().forEach(a::attribute);
        return a.build();
    }

    private static String answerSetup(String offered) {
        // RFC 5763 5 / RFC 4145 4: actpass -> active; active -> passive; passive -> active.
        switch (offered.strip().toLowerCase(Locale.ROOT)) {
            case "active":
                return "passive";
            default:
                return "active";
        }
    }

    private static Direction combine(Direction wanted, Direction possible) {
        boolean send = can(wanted, true) && can(possible, true);
        boolean recv = can(wanted, false) && can(possible, false);
        if (send && recv) {
            return Direction.SENDRECV;
        }
        return send ? Direction.SENDONLY : recv ? Direction.RECVONLY : Direction.INACTIVE;
    }

    private static boolean can(Direction d, boolean send) {
        return d == Direction.SENDRECV || d == (send ? Direction.SENDONLY : Direction.RECVONLY);
    }

    private static String codecOf(MediaDescription m, String pt) {
        Optional<String> map = m.rtpmap(pt);
        if (map.isPresent()) {
            return normalise(map.get());
        }
        return STATIC.get(pt);
    }

    private static boolean supports(Capability cap, String codec) {
        for (String c : cap.codecs()) {
            if (normalise(c).equals(codec)) {
                return true;
            }
        }
        return false;
    }

    /** {@code name/clock} in lower case; one channel is the same as none (RFC 8866 6.6). */
    private static String normalise(String encoding) {
        String e = encoding.strip().toLowerCase(Locale.ROOT);
        return e.endsWith("/1") && e.chars().filter(ch -> ch == '/').count() == 2 ? e.substring(0, e.length() - 2) : e;
    }
}
