package io.remotebank.channels.smpp.charset;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.smpp.SmppError;
import io.remotebank.channels.smpp.SmppException;
import io.remotebank.core.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Chooses the alphabet of each message, splits long ones and decodes what arrives.
 *
 * <p>A text the SMSC's default alphabet can carry goes as data_coding 0 (GSM 7-bit: 160 septets in
 * one message, 153 or 152 per segment; Latin-1: 140 octets, 134 or 133; ASCII counts as 7-bit like
 * GSM); anything else goes as UCS-2 (data_coding 8: 70 characters, 67 or 66 per segment), and a
 * surrogate pair never straddles two segments. An escape pair of the GSM extension table is never
 * split either. Per 3GPP TS 23.040 9.2.3.24.1 a message has at most 255 segments.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SmsCodec {

    /** data_coding 0: the SMSC default alphabet. */
    public static final int DC_DEFAULT = 0x00;
    /** data_coding 1: IA5 (ASCII). */
    public static final int DC_IA5 = 0x01;
    /** data_coding 2: 8-bit binary. */
    public static final int DC_BINARY = 0x02;
    /** data_coding 3: Latin-1. */
    public static final int DC_LATIN1 = 0x03;
    /** data_coding 4: 8-bit binary. */
    public static final int DC_BINARY_2 = 0x04;
    /** data_coding 8: UCS-2 (UTF-16BE). */
    public static final int DC_UCS2 = 0x08;

    private static final int MAX_SEGMENTS = 255;
    private static final int MAX_PAYLOAD = 0xFFFF;

    private final DefaultAlphabet defaultAlphabet;
    private final LongMessageMode longMessages;

    /**
     * A codec for one SMSC.
     *
     * @param defaultAlphabet what data_coding 0 means there
     * @param longMessages how long texts are sent
     */
    public SmsCodec(DefaultAlphabet defaultAlphabet, LongMessageMode longMessages) {
        this.defaultAlphabet = Arguments.notNull(defaultAlphabet, "default alphabet");
        this.longMessages = Arguments.notNull(longMessages, "long messages");
    }

    /** What data_coding 0 means. */
    public DefaultAlphabet defaultAlphabet() {
        return defaultAlphabet;
    }

    private boolean fitsDefault(String text) {
        return switch (defaultAlphabet) {
            case GSM7 -> Gsm7.canEncode(text);
            case LATIN1 -> text.chars().allMatch(c -> c <= 0xFF);
            case ASCII -> text.chars().allMatch(c -> c <= 0x7F);
        };
    }

    /**
     * Encodes a text, split into segments when it does not fit one message.
     *
     * @param text the text
     * @param reference the concatenation reference (only its low 8 or 16 bits are used)
     * @return the encoded message
     * @throws SmppException with {@link SmppError#ENCODING_FAILED} when it needs more than 255
     *     segments or more than 65535 octets of payload
     */
    public EncodedMessage encode(String text, int reference) {
        Arguments.notNull(text, "text");
        boolean dflt = fitsDefault(text);
        int dc = dflt ? DC_DEFAULT : DC_UCS2;
        boolean sevenBit = dflt && defaultAlphabet != DefaultAlphabet.LATIN1;
        int single = dflt ? (sevenBit ? 160 : 140) : 140;
        int units = dflt && defaultAlphabet == DefaultAlphabet.GSM7
                ? Gsm7.septets(text)
                : dflt ? text.length() : 2 * text.length();
        if (units <= single) {
            return new EncodedMessage(dc, List.of(bytes(text, dflt)), false, false);
        }
        if (longMessages == LongMessageMode.MESSAGE_PAYLOAD) {
            byte[] all = bytes(text, dflt);
            if (all.length > MAX_PAYLOAD) {
                throw new SmppException(
                        SmppError.ENCODING_FAILED,
                        "the text takes " + all.length + " octets, more than message_payload holds");
            }
            return new EncodedMessage(dc, List.of(all), false, true);
        }
        int udhLength = longMessages == LongMessageMode.UDH_8BIT_REFERENCE ? 6 : 7;
        // 3GPP TS 23.040 9.2.3.16: 7-bit user data starts on a septet boundary after the UDH.
        int capacity = sevenBit ? 160 - (udhLength * 8 + 6) / 7 : dflt ? 140 - udhLength : (140 - udhLength) / 2 * 2;
        List<int[]> cuts = cut(text, dflt, capacity);
        if (cuts.size() > MAX_SEGMENTS) {
            throw new SmppException(
                    SmppError.ENCODING_FAILED, "the text needs " + cuts.size() + " segments, more than 255");
        }
        List<byte[]> segments = new ArrayList<>(cuts.size());
        int total = cuts.size();
        for (int i = 0; i < total; i++) {
            int[] cut = cuts.get(i);
            byte[] body = bytes(text.substring(cut[0], cut[1]), dflt);
            byte[] seg = new byte[udhLength + body.length];
            if (udhLength == 6) {
                seg[0] = 5;
                seg[1] = 0x00;
                seg[2] = 3;
                seg[3] = (byte) reference;
                seg[4] = (byte) total;
                seg[5] = (byte) (i + 1);
            } else {
                seg[0] = 6;
                seg[1] = 0x08;
                seg[2] = 4;
                seg[3] = (byte) (reference >>> 8);
                seg[4] = (byte) reference;
                seg[5] = (byte) total;
                seg[6] = (byte) (i + 1);
            }
            System.arraycopy(body, 0, seg, udhLength, body.length);
            segments.add(seg);
        }
        return new EncodedMessage(dc, segments, true, false);
    }

    /** Cuts the text into [start, end) ranges of at most capacity units, never inside a unit pair. */
    private List<int[]> cut(String text, boolean dflt, int capacity) {
        List<int[]> cuts = new ArrayList<>();
        int start = 0;
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int w;
            int chars = 1;
            if (!dflt) {
                boolean pair = Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                chars = pair ? 2 : 1;
                w = 2 * chars;
            } else if (defaultAlphabet == DefaultAlphabet.GSM7) {
                w = Gsm7.septetsOf(c);
            } else {
                w = 1;
            }
            if (used + w > capacity) {
                cuts.add(new int[] {start, i});
                start = i;
                used = 0;
            }
            used += w;
            i += chars;
        }
        cuts.add(new int[] {start, text.length()});
        return cuts;
    }

    private byte[] bytes(String text, boolean dflt) {
        if (!dflt) {
            return text.getBytes(StandardCharsets.UTF_16BE);
        }
        return switch (defaultAlphabet) {
            case GSM7 -> Gsm7.encode(text);
            case LATIN1 -> text.getBytes(StandardCharsets.ISO_8859_1);
            case ASCII -> text.getBytes(StandardCharsets.US_ASCII);
        };
    }

    /**
     * Decodes short_message or message_payload octets (without a UDH) by data_coding (SMPP v3.4
     * 5.2.19; the 0xF0-0xFF message class codings per 3GPP TS 23.038 section 4).
     *
     * @param octets the octets
     * @param offset where the text starts
     * @param length how many octets
     * @param dataCoding the data_coding
     * @return the text; binary data reads as Latin-1
     */
    public String decode(byte[] octets, int offset, int length, int dataCoding) {
        int dc = dataCoding & 0xFF;
        if (dc == DC_DEFAULT) {
            return switch (defaultAlphabet) {
                case GSM7 -> Gsm7.decode(octets, offset, length);
                case LATIN1 -> new String(octets, offset, length, StandardCharsets.ISO_8859_1);
                case ASCII -> new String(octets, offset, length, StandardCharsets.US_ASCII);
            };
        }
        // 23.038 4: general data coding groups 00xx (bits 3-2 the alphabet) and the 1111 class group.
        boolean general = dc >= 0x10 && dc <= 0x3F;
        if (dc == DC_UCS2 || general && (dc & 0x0C) == 0x08) {
            return new String(octets, offset, length - (length & 1), StandardCharsets.UTF_16BE);
        }
        if ((dc & 0xF4) == 0xF0 || general && (dc & 0x0C) == 0) {
            return Gsm7.decode(octets, offset, length);
        }
        if (dc == DC_IA5) {
            return new String(octets, offset, length, StandardCharsets.US_ASCII);
        }
        return new String(octets, offset, length, StandardCharsets.ISO_8859_1);
    }
}
