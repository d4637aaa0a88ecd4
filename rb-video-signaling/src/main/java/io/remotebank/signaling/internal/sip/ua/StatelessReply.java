package io.remotebank.signaling.internal.sip.ua;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.signaling.sip.SipParseException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The stateless answer to a request that does not parse, so no transaction can exist for it (RFC
 * 3261 8.2 and 21.4; 16.3 for a proxy): the status the parser names (400, 413, 416, 420, 505...)
 * with the Via, From, To, Call-ID and CSeq lines copied as they came, a To tag added. Nothing is
 * sent when the message is a response (RFC 3261 18.1.2: dropped), an ACK, or lacks one of those
 * lines or has one of them more than once (except Via), because a response could not be matched.
 */
@API(status = INTERNAL, since = "0.1")
public final class StatelessReply {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_FIELD = 1024;

    private StatelessReply() {}

    /**
     * The response to send back, if any.
     *
     * @param raw the message as received
     * @param failure why the parser refused it
     * @return the response bytes
     */
    public static Optional<byte[]> forMalformed(byte[] raw, SipParseException failure) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.replace("\r\n ", " ").replace("\r\n\t", " ").split("\r\n|\n");
        if (lines.length == 0) {
            return Optional.empty();
        }
        String start = lines[0];
        if (start.startsWith("SIP/") || start.regionMatches(true, 0, "ACK ", 0, 4) || !start.contains(" ")) {
            return Optional.empty();
        }
        List<String> vias = new ArrayList<>();
        String from = null;
        String to = null;
        String callId = null;
        String cseq = null;
        int[] seen = new int[4];
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            if (value.length() > MAX_FIELD || value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                return Optional.empty();
            }
            switch (name) {
                case "via", "v" -> vias.add(value);
                case "from", "f" -> {
                    from = value;
                    seen[0]++;
                }
                case "to", "t" -> {
                    to = value;
                    seen[1]++;
                }
                case "call-id", "i" -> {
                    callId = value;
                    seen[2]++;
                }
                case "cseq" -> {
                    cseq = value;
                    seen[3]++;
                }
                default -> {}
            }
        }
        if (vias.isEmpty() || from == null || to == null || callId == null || cseq == null) {
            return Optional.empty();
        }
        for (int n : seen) {
            if (n != 1) {
                return Optional.empty();
            }
        }
        StringBuilder r = new StringBuilder(256);
        r.append("SIP/2.0 ")
                .append(failure.statusCode())
                .append(' ')
                .append(failure.reasonPhrase())
                .append("\r\n");
        for (String v : vias) {
            r.append("Via: ").append(v).append("\r\n");
        }
        r.append("From: ").append(from).append("\r\n");
        r.append("To: ").append(to);
        if (!to.toLowerCase(Locale.ROOT).contains(";tag=")) {
            byte[] tag = new byte[8];
            RANDOM.nextBytes(tag);
            r.append(";tag=").append(HexFormat.of().formatHex(tag));
        }
        r.append("\r\n");
        r.append("Call-ID: ").append(callId).append("\r\n");
        r.append("CSeq: ").append(cseq).append("\r\n");
        r.append("Content-Length: 0\r\n\r\n");
        return Optional.of(r.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
