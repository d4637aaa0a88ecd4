package io.remotebank.channels.cmpp.sms;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import io.remotebank.core.Arguments;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The text formats of Msg_Fmt (CMPP 3.0 section 7.4.3.1) this SDK writes and reads: ASCII (0), UCS2
 * (8, UTF-16 big-endian, as GSM 03.38 prescribes for UCS2) and GBK (15, Chinese text in one or two
 * bytes a character). Encoding and decoding are strict: a character the format cannot carry, or
 * bytes that are not valid in it, are refused rather than replaced with '?'.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum MessageFormat {
    /** Msg_Fmt 0: ASCII, one byte a character; a single message holds under 160 bytes. */
    ASCII(0, StandardCharsets.US_ASCII, 159),
    /** Msg_Fmt 8: UCS2 (UTF-16BE), two bytes a character (four for a supplementary one); 140 bytes. */
    UCS2(8, StandardCharsets.UTF_16BE, 140),
    /** Msg_Fmt 15: GBK, one byte for ASCII, two for a Chinese character; 140 bytes. */
    GBK(15, Charset.forName("GBK"), 140);

    private final int code;
    private final Charset charset;
    private final int maxSingleLength;

    MessageFormat(int code, Charset charset, int maxSingleLength) {
        this.code = code;
        this.charset = charset;
        this.maxSingleLength = maxSingleLength;
    }

    /** The Msg_Fmt value. */
    public int code() {
        return code;
    }

    /** The most bytes of text a message without a user data header may carry. */
    public int maxSingleLength() {
        return maxSingleLength;
    }

    /**
     * The format of a Msg_Fmt value.
     *
     * @param code the Msg_Fmt
     * @return the format, or empty for one that carries no text this SDK reads (3, 4) or is unknown
     */
    public static Optional<MessageFormat> of(int code) {
        for (MessageFormat f : values()) {
            if (f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Whether every character of the text can be written in this format. */
    public boolean canEncode(String text) {
        return charset.newEncoder().canEncode(Arguments.notNull(text, "text"));
    }

    /**
     * Encodes text.
     *
     * @param text the text
     * @return the bytes
     * @throws CmppException with {@link CmppError#ENCODING_FAILED} when a character does not exist in
     *     this format (or is an unpaired surrogate)
     */
    public byte[] encode(String text) {
        Arguments.notNull(text, "text");
        try {
            ByteBuffer out = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new CmppException(CmppError.ENCODING_FAILED, "the text has a character " + this + " cannot carry", e);
        }
    }

    /**
     * Decodes bytes.
     *
     * @param bytes the bytes of the text, without a user data header
     * @return the text
     * @throws CmppException with {@link CmppError#ENCODING_FAILED} when the bytes are not valid in
     *     this format (an odd length in UCS2, a truncated GBK character, a byte above 0x7F in ASCII)
     */
    public String decode(byte[] bytes) {
        Arguments.notNull(bytes, "bytes");
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CmppException(CmppError.ENCODING_FAILED, "the bytes are not valid " + this + " text", e);
        }
    }
}
