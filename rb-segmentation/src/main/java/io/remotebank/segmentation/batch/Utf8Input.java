package io.remotebank.segmentation.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;

/**
 * UTF-8 text that keeps going past bad bytes: each malformed sequence becomes U+FFFD and is remembered
 * with its byte offset in the file, so that the record holding it can be refused with a clear
 * message ({@code invalid UTF-8 at byte offset 1234 (0xFF)}) while the rest of the file is read.
 * The JDK's own decoder either stops at the first bad byte with "Input length = 1", naming neither
 * line nor offset, or replaces it silently. A byte order mark at the start (Excel's "CSV UTF-8") is
 * skipped.
 */
final class Utf8Input extends Reader {

    /**
     * A malformed byte sequence.
     *
     * @param chars how many characters were decoded before it, a byte order mark included (its U+FFFD
     *     is the next)
     * @param byteOffset its first byte's offset in the input, counted from 0
     * @param firstByte its first byte, 0-255
     */
    record Malformed(long chars, long byteOffset, int firstByte) {
        /** What a person reads: where, and which byte. */
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "invalid UTF-8 at byte offset %d (0x%s)",
                    byteOffset,
                    HexFormat.of().withUpperCase().toHexDigits((byte) firstByte));
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private final Deque<Malformed> malformed = new ArrayDeque<>();
    /** Bytes dropped from the front of {@link #bytes} so far. */
    private long bytesBefore;
    /** Characters handed to the buffer so far. */
    private long decoded;

    private boolean endOfInput;
    private boolean done;
    private boolean first = true;
    /** 1 once a byte order mark was skipped: positions callers count start after it. */
    private int skipped;

    Utf8Input(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    /**
     * Takes the malformed sequences among the first {@code chars} characters read.
     *
     * @param chars a count of characters from the start
     * @return the first such sequence, or null; the others among them are dropped
     */
    Malformed takeMalformedBefore(long chars) {
        Malformed first = null;
        while (!malformed.isEmpty() && malformed.peekFirst().chars() - skipped < chars) {
            Malformed m = malformed.pollFirst();
            if (first == null) {
                first = m;
            }
        }
        return first;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes more characters; false at the end of input. */
    private boolean fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0 && !done) {
                if (!bytes.hasRemaining() && !endOfInput) {
                    readBytes();
                }
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    if (!chars.hasRemaining()) {
                        break; // no room for its U+FFFD: the next fill meets it again
                    }
                    int at = bytes.position();
                    malformed.addLast(
                            new Malformed(decoded + chars.position(), bytesBefore + at, bytes.get(at) & 0xFF));
                    bytes.position(at + result.length());
                    chars.put('\uFFFD');
                } else if (result.isUnderflow()) {
                    if (endOfInput) {
                        decoder.flush(chars);
                        done = true;
                    } else {
                        readBytes();
                    }
                }
                // Overflow: the character buffer is full, hand it out.
            }
        } finally {
            chars.flip();
        }
        decoded += chars.remaining();
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(0) == '\uFEFF') {
                chars.get();
                skipped = 1;
            }
        }
        return chars.hasRemaining();
    }

    /** Keeps the undecoded tail (a sequence cut by the buffer's end) and reads after it. */
    private void readBytes() throws IOException {
        bytesBefore += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
