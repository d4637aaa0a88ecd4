package io.remotebank.channels.cmpp.sms;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import io.remotebank.core.Arguments;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Splits a text into the parts of a concatenated message (TP_udhi 1, 3GPP TS 23.040 section
 * 9.2.3.24.1) and reads the text of one part back. Each part's Msg_Content is at most 140 bytes (one
 * GSM user data field, CMPP 3.0 section 7.4.3.1), the concatenation header included; a character is
 * never cut between two parts: a UCS2 surrogate pair or a GBK double byte stays whole.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LongMessage {

    /** The most bytes a part's Msg_Content holds when it carries a user data header. */
    public static final int MAX_PART_LENGTH = 140;

    private LongMessage() {}

    /**
     * Splits a text. A text that fits one message is one part without a header.
     *
     * @param text the text
     * @param format the Msg_Fmt to write it in
     * @param reference the concatenation reference shared by the parts: 0-255, or 0-65535 with a
     *     16-bit reference; the caller keeps it distinct among a recipient's messages in flight
     * @param sixteenBitReference whether to use the 16-bit reference element (IEI 0x08), which
     *     leaves one byte less for text per part
     * @return the parts, in order
     * @throws CmppException with {@link CmppError#ENCODING_FAILED} when a character does not exist in
     *     the format, or the text needs more than 255 parts
     */
    public static List<MessagePart> split(
            String text, MessageFormat format, int reference, boolean sixteenBitReference) {
        Arguments.notNull(text, "text");
        Arguments.notNull(format, "format");
        Arguments.inRange(reference, 0, sixteenBitReference ? 0xFFFF : 0xFF, "concatenation reference");
        byte[] whole = format.encode(text);
        if (whole.length <= format.maxSingleLength()) {
            return List.of(new MessagePart(1, 1, 0, whole));
        }
        int capacity = MAX_PART_LENGTH - (sixteenBitReference ? 7 : 6);
        List<byte[]> chunks = chunks(text, format, capacity);
        if (chunks.size() > 255) {
            throw new CmppException(
                    CmppError.ENCODING_FAILED,
                    "the text needs " + chunks.size() + " parts; a concatenated message has at most 255");
        }
        List<MessagePart> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] header = new ConcatenationHeader(reference, chunks.size(), i + 1, sixteenBitReference).encode();
            byte[] content = Arrays.copyOf(header, header.length + chunks.get(i).length);
            System.arraycopy(chunks.get(i), 0, content, header.length, chunks.get(i).length);
            parts.add(new MessagePart(chunks.size(), i + 1, 1, content));
        }
        return List.copyOf(parts);
    }

    /** Cuts the encoded text at character boundaries into chunks of at most {@code capacity} bytes. */
    private static List<byte[]> chunks(String text, MessageFormat format, int capacity) {
        List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream(capacity);
        int i = 0;
        while (i < text.length()) {
            int next = text.offsetByCodePoints(i, 1);
            byte[] character = format.encode(text.substring(i, next));
            if (current.size() + character.length > capacity) {
                chunks.add(current.toByteArray());
                current.reset();
            }
            current.writeBytes(character);
            i = next;
        }
        if (current.size() > 0) {
            chunks.add(current.toByteArray());
        }
        return chunks;
    }

    /**
     * The text of one part: the user data header (when TP_udhi is 1) skipped, the rest decoded.
     *
     * @param msgContent the Msg_Content
     * @param tpUdhi the TP_udhi flag
     * @param format the Msg_Fmt
     * @return the text
     * @throws CmppException with {@link CmppError#UDH_INVALID} for a malformed header, {@link
     *     CmppError#ENCODING_FAILED} for bytes that are not valid in the format
     */
    public static String text(byte[] msgContent, int tpUdhi, MessageFormat format) {
        Arguments.notNull(msgContent, "content");
        Arguments.inRange(tpUdhi, 0, 1, "TP_udhi");
        Arguments.notNull(format, "format");
        int skip = tpUdhi == 1 ? ConcatenationHeader.headerLength(msgContent) : 0;
        return format.decode(Arrays.copyOfRange(msgContent, skip, msgContent.length));
    }
}
