package io.remotebank.signaling.sip.ua;

import io.remotebank.signaling.sip.SipParseException;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipUri;
import io.remotebank.signaling.sip.transaction.ServerTransaction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checks of RFC 3261 8.2 a UAS makes of a new request before any dialog or call sees it, in the
 * RFC's order: the message itself (8.2.1 and 7), the Request-URI's scheme (8.2.2.1), Max-Forwards
 * (16.3 as a UAS applies it), merged requests (8.2.2.2), Require (8.2.2.3), then the body's encoding
 * and type (8.2.3). Each refusal carries its status and the header field that tells the client what
 * to fix. Requests without a To tag are remembered while their transaction lives, so that a request
 * that looped back through a forking proxy is recognised ({@link #forget} when it ends).
 */
final class RequestChecks {

    /** What a refused request is answered with: a status, its reason, and at most one header field. */
    record Refusal(int status, String reason, String headerName, String headerValue) {
        static Refusal of(int status, String reason) {
            return new Refusal(status, reason, null, null);
        }
    }

    private static final Set<String> HANDLED =
            Set.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "INFO", "UPDATE", "MESSAGE");
    static final String SDP = "application/sdp";
    private static final List<String> INFO_TYPES = List.of("application/dtmf-relay", "application/dtmf", "text/plain");

    private final Set<String> supported;
    private final ConcurrentHashMap<String, ServerTransaction> inProgress = new ConcurrentHashMap<>();
    /**
     * The merge key each remembered transaction is under, so that {@link #forget} needs nothing of
     * its request (which a transaction that lingered may hold only as bytes by then).
     */
    private final ConcurrentHashMap<ServerTransaction, String> keys = new ConcurrentHashMap<>();

    /**
     * @param supported the option tags the user agent supports, lower case
     */
    RequestChecks(Set<String> supported) {
        this.supported = supported;
    }

    /**
     * Checks a new request.
     *
     * @param tx its server transaction
     * @return the refusal, or empty when the request may go on
     */
    Optional<Refusal> check(ServerTransaction tx) {
        SipRequest request = tx.request();
        String method = request.method();
        try {
            request.validate();
        } catch (SipParseException e) {
            return Optional.of(Refusal.of(e.statusCode(), e.reasonPhrase()));
        }
        if (request.requestUri().kind() == SipUri.Kind.OTHER) {
            return Optional.of(Refusal.of(416, "Unsupported URI Scheme"));
        }
        if (request.maxForwards().orElse(70) == 0 && !method.equals("OPTIONS")) {
            return Optional.of(Refusal.of(483, "Too Many Hops"));
        }
        if (request.toTag().isEmpty() && !method.equals("CANCEL")) {
            // RFC 3261 8.2.2.2: a merged request (it looped back through a forking proxy)
            String key = mergeKey(request);
            ServerTransaction first = inProgress.putIfAbsent(key, tx);
            if (first != null && first != tx) {
                return Optional.of(Refusal.of(482, "Loop Detected"));
            }
            keys.put(tx, key);
        }
        if (!method.equals("CANCEL")) {
            // RFC 3261 8.2.2.3: every option tag in Require must be supported
            List<String> unsupported = request.require().stream()
                    .filter(tag -> !supported.contains(tag.toLowerCase(Locale.ROOT)))
                    .toList();
            if (!unsupported.isEmpty()) {
                return Optional.of(new Refusal(420, "Bad Extension", "Unsupported", String.join(", ", unsupported)));
            }
        }
        if (request.bodyLength() > 0 && HANDLED.contains(method)) {
            // RFC 3261 8.2.3: an encoding or a type the UAS does not understand gets 415 and what it does
            Optional<String> encoding = request.header("Content-Encoding");
            if (encoding.isPresent() && !encoding.get().strip().equalsIgnoreCase("identity")) {
                return Optional.of(new Refusal(415, "Unsupported Media Type", "Accept-Encoding", "identity"));
            }
            List<String> accepted = accepted(method);
            String type = request.contentType()
                    .map(c -> (c.type() + "/" + c.subtype()).toLowerCase(Locale.ROOT))
                    .orElse("");
            if (!accepted.isEmpty() && !accepted.contains(type)) {
                return Optional.of(new Refusal(415, "Unsupported Media Type", "Accept", String.join(", ", accepted)));
            }
        }
        return Optional.empty();
    }

    /**
     * Forgets a request whose transaction has ended.
     *
     * @param tx the ended server transaction
     */
    void forget(ServerTransaction tx) {
        String key = keys.remove(tx);
        if (key != null) {
            inProgress.remove(key, tx);
        }
    }

    private static String mergeKey(SipRequest r) {
        return r.fromTag().orElse("")
                + '|'
                + r.callId().orElse("")
                + '|'
                + r.cseq().map(Object::toString).orElse("");
    }

    private static List<String> accepted(String method) {
        return switch (method) {
            case "INVITE", "UPDATE", "ACK" -> List.of(SDP);
            case "INFO" -> INFO_TYPES;
            default -> List.of(); // MESSAGE, OPTIONS, BYE: any type (RFC 3428 leaves the type to the user)
        };
    }
}
