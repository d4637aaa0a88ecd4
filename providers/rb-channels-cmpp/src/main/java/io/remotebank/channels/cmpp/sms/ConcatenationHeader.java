package io.remotebank.channels.cmpp.sms;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import io.remotebank.core.Arguments;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The concatenation element of a user data header, which CMPP carries at the start of Msg_Content
 * when TP_udhi is 1 (3GPP TS 23.040 section 9.2.3.24.1 for an 8-bit reference, IEI 0x00; 9.2.3.24.8
 * for a 16-bit reference, IEI 0x08). As a whole header: {@code 05 00 03 ref total number} or {@code
 * 06 08 04 refHi refLo total number}.
 *
 * @param reference the message's reference, the same in every part: 0-255, or 0-65535 when 16-bit
 * @param total the number of parts, 1-255
 * @param number this part's number, 1-total
 * @param sixteenBitReference whether the reference takes two bytes (IEI 0x08)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConcatenationHeader(int reference, int total, int number, boolean sixteenBitReference) {

    /** Validates the ranges. */
    public ConcatenationHeader {
        Arguments.inRange(reference, 0, sixteenBitReference ? 0xFFFF : 0xFF, "concatenation reference");
        Arguments.inRange(total, 1, 255, "number of parts");
        Arguments.inRange(number, 1, total, "part number");
    }

    /** The header's length on the wire, its length byte included: 6 or 7. */
    public int length() {
        return sixteenBitReference ? 7 : 6;
    }

    /** The whole user data header holding only this element. */
    public byte[] encode() {
        return sixteenBitReference
                ? new byte[] {6, 8, 4, (byte) (reference >>> 8), (byte) reference, (byte) total, (byte) number}
                : new byte[] {5, 0, 3, (byte) reference, (byte) total, (byte) number};
    }

    /**
     * Finds the concatenation element in a Msg_Content that starts with a user data header (TP_udhi
     * 1), walking the header's information elements (TS 23.040 section 9.2.3.24).
     *
     * @param content the Msg_Content
     * @return the element, or empty if the header has none
     * @throws CmppException with {@link CmppError#UDH_INVALID} when the header's length runs past the
     *     content, an element's length runs past the header, or a concatenation element has the wrong
     *     length, zero parts or a part number above the total
     */
    public static Optional<ConcatenationHeader> find(byte[] content) {
        int headerLength = headerLength(content);
        int i = 1;
        while (i < headerLength) {
            if (i + 2 > headerLength) {
                throw new CmppException(CmppError.UDH_INVALID, "an information element is cut off by the header's end");
            }
            int iei = content[i] & 0xFF;
            int iedl = content[i + 1] & 0xFF;
            if (i + 2 + iedl > headerLength) {
                throw new CmppException(
                        CmppError.UDH_INVALID,
                        "information element 0x" + Integer.toHexString(iei) + " runs past the header");
            }
            if (iei == 0x00 || iei == 0x08) {
                boolean wide = iei == 0x08;
                if (iedl != (wide ? 4 : 3)) {
                    throw new CmppException(
                            CmppError.UDH_INVALID,
                            "a concatenation element 0x0" + iei + " has length " + iedl + ", not " + (wide ? 4 : 3));
                }
                int p = i + 2;
                int reference = wide ? ((content[p] & 0xFF) << 8) | (content[p + 1] & 0xFF) : content[p] & 0xFF;
                int total = content[p + (wide ? 2 : 1)] & 0xFF;
                int number = content[p + (wide ? 3 : 2)] & 0xFF;
                if (total == 0 || number == 0 || number > total) {
                    throw new CmppException(
                            CmppError.UDH_INVALID, "a concatenation element says part " + number + " of " + total);
                }
                return Optional.of(new ConcatenationHeader(reference, total, number, wide));
            }
            i += 2 + iedl;
        }
        return Optional.empty();
    }

    /**
     * The length of the user data header at the start of a Msg_Content, its length byte (UDHL)
     * included.
     *
     * @param content the Msg_Content of a message with TP_udhi 1
     * @return 1 + UDHL
     * @throws CmppException with {@link CmppError#UDH_INVALID} when the content is empty or UDHL runs
     *     past it
     */
    public static int headerLength(byte[] content) {
        Arguments.notNull(content, "content");
        if (content.length == 0) {
            throw new CmppException(CmppError.UDH_INVALID, "TP_udhi is 1 but Msg_Content is empty");
        }
        int length = 1 + (content[0] & 0xFF);
        if (length > content.length) {
            throw new CmppException(
                    CmppError.UDH_INVALID,
                    "the user data header claims " + length + " bytes of a " + content.length + "-byte content");
        }
        return length;
    }
}
