package io.remotebank.channels.smpp.charset;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.smpp.SmppError;
import io.remotebank.channels.smpp.SmppException;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038, formerly GSM 03.38,
 * section 6.2.1), one septet per octet as SMPP carries it (unpacked). A character of the extension
 * table takes two septets: the escape 0x1B and its code.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Gsm7 {

    /** The escape to the extension table. */
    public static final int ESCAPE = 0x1B;

    // 3GPP TS 23.038 6.2.1: the default alphabet, septets 0x00-0x7F (0x1B is the escape).
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // 3GPP TS 23.038 6.2.1.1: the extension table (after the escape).
    private static final char[] EXTENSION_CHARS = {'\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'};
    private static final int[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    /** Septet code per char for chars below 0x400 and the euro: low 7 bits the code, 0x80 = escaped, -1 none. */
    private static final short[] ENCODE = new short[0x400];

    private static final char[] DECODE_EXTENSION = new char[0x80];

    static {
        if (BASIC.length() != 128) {
            throw new ExceptionInInitializerError("the GSM 7-bit table has " + BASIC.length() + " entries");
        }
        Arrays.fill(ENCODE, (short) -1);
        for (int i = 0; i < 128; i++) {
            if (i != ESCAPE) {
                ENCODE[BASIC.charAt(i)] = (short) i;
            }
        }
        for (int i = 0; i < EXTENSION_CHARS.length; i++) {
            char c = EXTENSION_CHARS[i];
            if (c < ENCODE.length) {
                ENCODE[c] = (short) (0x80 | EXTENSION_CODES[i]);
            }
            DECODE_EXTENSION[EXTENSION_CODES[i]] = c;
        }
    }

    private Gsm7() {}

    private static int code(char c) {
        if (c < ENCODE.length) {
            return ENCODE[c];
        }
        return c == '€' ? 0x80 | 0x65 : -1;
    }

    /**
     * How many septets a text takes, the escapes counted.
     *
     * @param text the text
     * @return the septets, or -1 when a character is not in the alphabet or its extension
     */
    public static int septets(CharSequence text) {
        int n = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            int code = code(text.charAt(i));
            if (code < 0) {
                return -1;
            }
            n += code >= 0x80 ? 2 : 1;
        }
        return n;
    }

    /**
     * Whether every character is in the default alphabet or its extension.
     *
     * @param text the text
     * @return whether it can be encoded
     */
    public static boolean canEncode(CharSequence text) {
        return septets(text) >= 0;
    }

    /**
     * The septets of one character (1 or 2), or -1 when it is not in the alphabet.
     *
     * @param c the character
     * @return its septets
     */
    public static int septetsOf(char c) {
        int code = code(c);
        return code < 0 ? -1 : code >= 0x80 ? 2 : 1;
    }

    /**
     * Encodes a text, one septet per octet.
     *
     * @param text the text
     * @return the septets
     * @throws SmppException with {@link SmppError#ENCODING_FAILED} for a character outside the
     *     alphabet (its position is named, never the text)
     */
    public static byte[] encode(CharSequence text) {
        int n = septets(text);
        if (n < 0) {
            for (int i = 0; i < text.length(); i++) {
                if (code(text.charAt(i)) < 0) {
                    throw new SmppException(
                            SmppError.ENCODING_FAILED,
                            "the character at index " + i + " is not in the GSM 7-bit alphabet");
                }
            }
        }
        byte[] out = new byte[n];
        int p = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            int code = code(text.charAt(i));
            if (code >= 0x80) {
                out[p++] = ESCAPE;
                out[p++] = (byte) (code & 0x7F);
            } else {
                out[p++] = (byte) code;
            }
        }
        return out;
    }

    /**
     * Decodes unpacked septets. An escape followed by a code the extension table does not define
     * reads as the default alphabet's character for that code (23.038 6.2.1.1); a trailing escape
     * reads as a space.
     *
     * @param octets the septets
     * @param offset where to start
     * @param length how many
     * @return the text
     */
    public static String decode(byte[] octets, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int s = octets[i] & 0x7F;
            if (s == ESCAPE) {
                if (i + 1 >= end) {
                    sb.append(' ');
                    break;
                }
                int e = octets[++i] & 0x7F;
                char x = DECODE_EXTENSION[e];
                sb.append(x != 0 ? x : e == ESCAPE ? ' ' : BASIC.charAt(e));
            } else {
                sb.append(BASIC.charAt(s));
            }
        }
        return sb.toString();
    }
}
