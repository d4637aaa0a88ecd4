package io.remotebank.channels.cmpp.pdu;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import io.remotebank.core.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks shared by the PDU records: CMPP's Octet String is a fixed-width field of single-byte
 * characters, left-aligned and padded with binary zeros (CMPP 3.0 section 7.1), so a value is kept
 * as ISO-8859-1 text (one char per byte, lossless both ways).
 */
final class Octets {

    private Octets() {}

    static String octetString(String value, int width, String name) {
        Arguments.notNull(value, name);
        if (value.length() > width) {
            throw new CmppException(
                    CmppError.FIELD_TOO_LONG, name + " is " + value.length() + " characters, its field holds " + width);
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF || value.charAt(i) == 0) {
                throw new CmppException(
                        CmppError.VALUE_INVALID, name + " has a character that is not a single non-zero byte");
            }
        }
        return value;
    }

    static int unsignedByte(int value, String name) {
        return (int) Arguments.inRange(value, 0, 0xFF, name);
    }

    static int flag(int value, String name) {
        return (int) Arguments.inRange(value, 0, 1, name);
    }

    static long unsignedInt(long value, String name) {
        return Arguments.inRange(value, 0, 0xFFFF_FFFFL, name);
    }

    static byte[] copy(byte[] value, String name) {
        return Arguments.notNull(value, name).clone();
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static int hash(Object fields, byte[] bytes) {
        return 31 * fields.hashCode() + Arrays.hashCode(bytes);
    }
}
