package io.remotebank.peers.smpp;

import com.cloudhopper.commons.charset.CharsetUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text to short messages and back, for both peers: cloudhopper's GSM 03.38 charset (ch-commons-charset)
 * does the 7-bit work, since jSMPP leaves text coding to the application, and UCS-2 is the JDK's
 * UTF-16BE (the same octets for the basic plane, and tolerant of surrogate pairs); splitting and joining
 * follow 3GPP TS 23.040 9.2.3.24.1 (concatenated short messages, 8-bit reference) and 9.2.3.24.8
 * (16-bit reference).
 */
public final class ShortMessages {

    /** data_coding 0: the SMSC default alphabet, here GSM 03.38 unpacked, one septet per octet. */
    public static final byte GSM = 0x00;
    /** data_coding 8: UCS-2 (big-endian UTF-16 as sent on the wire). */
    public static final byte UCS2 = 0x08;
    /** esm_class bit 6: the short message starts with a user data header. */
    public static final int UDHI = 0x40;

    private final Map<String, Part[]> pending = new ConcurrentHashMap<>();

    /** One segment as sent. */
    public record Segment(byte esmClass, byte dataCoding, byte[] shortMessage) {}

    /** A message joined from its segments. */
    public record Joined(String text, int parts, String reference) {}

    private record Part(byte[] body, String messageId) {}

    /**
     * Splits text into segments: one when it fits 160 septets (GSM) or 70 characters (UCS-2), else
     * parts of 153 septets or 67 characters behind an 8-bit-reference UDH, never splitting an escape
     * sequence or a surrogate pair.
     *
     * @param text the text
     * @param alphabet {@code GSM} or {@code UCS2}
     * @param reference the concatenation reference (0-255)
     * @return the segments in order
     */
    public static List<Segment> split(String text, String alphabet, int reference) {
        boolean gsm = alphabet.equals("GSM");
        byte dcs = gsm ? GSM : UCS2;
        byte[] all = gsm
                ? CharsetUtil.encode(text, CharsetUtil.CHARSET_GSM)
                : text.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        int single = gsm ? 160 : 140;
        if (all.length <= single) {
            return List.of(new Segment((byte) 0, dcs, all));
        }
        int room = gsm ? 153 : 134;
        List<byte[]> bodies = new ArrayList<>();
        int at = 0;
        while (at < all.length) {
            int end = Math.min(all.length, at + room);
            if (gsm && end < all.length && all[end - 1] == 0x1B) {
                end--; // keep the escape with the character it escapes
            }
            if (!gsm
                    && end < all.length
                    && Character.isHighSurrogate((char) (((all[end - 2] & 0xFF) << 8) | (all[end - 1] & 0xFF)))) {
                end -= 2; // keep a surrogate pair together
            }
            bodies.add(Arrays.copyOfRange(all, at, end));
            at = end;
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            byte[] body = bodies.get(i);
            byte[] message = new byte[6 + body.length];
            message[0] = 5; // UDHL
            message[1] = 0x00; // IEI: concatenated short messages, 8-bit reference
            message[2] = 3;
            message[3] = (byte) reference;
            message[4] = (byte) bodies.size();
            message[5] = (byte) (i + 1);
            System.arraycopy(body, 0, message, 6, body.length);
            segments.add(new Segment((byte) UDHI, dcs, message));
        }
        return segments;
    }

    /**
     * Decodes a message body in the given data coding.
     *
     * @param body the octets after any UDH
     * @param dataCoding 0 (GSM), 8 (UCS-2); anything else is taken as Latin-1
     * @return the text
     */
    public static String decode(byte[] body, int dataCoding) {
        return switch (dataCoding) {
            case GSM -> CharsetUtil.decode(body, CharsetUtil.CHARSET_GSM);
            case UCS2 -> new String(body, java.nio.charset.StandardCharsets.UTF_16BE);
            default -> CharsetUtil.decode(body, CharsetUtil.CHARSET_ISO_8859_1);
        };
    }

    /**
     * The {@code text:} field of a receipt: the first 20 characters of the message, as real SMSCs
     * write it, kept to printable ASCII (what is not becomes {@code ?}).
     *
     * @param shortMessage the segment as submitted
     * @param esmClass its esm_class
     * @param dataCoding its data_coding
     * @return up to 20 characters
     */
    public static String receiptText(byte[] shortMessage, int esmClass, int dataCoding) {
        if (shortMessage == null || shortMessage.length == 0) {
            return "";
        }
        byte[] body = (esmClass & UDHI) == 0
                ? shortMessage
                : Arrays.copyOfRange(shortMessage, 1 + (shortMessage[0] & 0xFF), shortMessage.length);
        String text = decode(body, dataCoding);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < text.length() && field.length() < 20; i++) {
            char c = text.charAt(i);
            field.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return field.toString();
    }

    /**
     * Takes one received segment; returns the whole message once every part is in.
     *
     * @param key who sent it to whom (parts are joined per key and reference)
     * @param esmClass the PDU's esm_class
     * @param dataCoding the PDU's data_coding
     * @param shortMessage short_message, or the message_payload TLV's value when short_message is empty
     * @param messageId the id given to this segment
     * @param ids receives the ids of the message's parts in order, once it is complete
     * @return the message and the ids of its parts, when complete
     */
    public Optional<Joined> join(
            String key, int esmClass, int dataCoding, byte[] shortMessage, String messageId, List<String> ids) {
        if ((esmClass & UDHI) == 0) {
            ids.add(messageId);
            return Optional.of(new Joined(decode(shortMessage, dataCoding), 1, "none"));
        }
        int udhl = shortMessage[0] & 0xFF;
        int reference = -1;
        int total = 1;
        int sequence = 1;
        String kind = "udh-other";
        for (int i = 1; i < 1 + udhl; ) {
            int iei = shortMessage[i] & 0xFF;
            int length = shortMessage[i + 1] & 0xFF;
            if (iei == 0x00 && length == 3) {
                reference = shortMessage[i + 2] & 0xFF;
                total = shortMessage[i + 3] & 0xFF;
                sequence = shortMessage[i + 4] & 0xFF;
                kind = "udh8";
            } else if (iei == 0x08 && length == 4) {
                reference = ((shortMessage[i + 2] & 0xFF) << 8) | (shortMessage[i + 3] & 0xFF);
                total = shortMessage[i + 4] & 0xFF;
                sequence = shortMessage[i + 5] & 0xFF;
                kind = "udh16";
            }
            i += 2 + length;
        }
        byte[] body = Arrays.copyOfRange(shortMessage, 1 + udhl, shortMessage.length);
        if (reference < 0 || total <= 1) {
            ids.add(messageId);
            return Optional.of(new Joined(decode(body, dataCoding), 1, kind));
        }
        if (sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("segment " + sequence + " of " + total);
        }
        String slot = key + "/" + kind + "/" + reference + "/" + total;
        int count = total;
        Part[] parts = pending.computeIfAbsent(slot, k -> new Part[count]);
        synchronized (parts) {
            parts[sequence - 1] = new Part(body, messageId);
            for (Part part : parts) {
                if (part == null) {
                    return Optional.empty();
                }
            }
            pending.remove(slot);
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            all.writeBytes(part.body());
            ids.add(part.messageId());
        }
        return Optional.of(new Joined(decode(all.toByteArray(), dataCoding), total, kind));
    }
}
