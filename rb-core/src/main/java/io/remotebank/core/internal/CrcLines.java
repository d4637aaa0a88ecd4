package io.remotebank.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.apiguardian.api.API;

/**
 * The line framing of every embedded append-only file (consent log, audit segments, audit
 * checkpoints): {@code <CRC-32C of the body as 8 lower-case hex digits> <body>\n}. The CRC tells a
 * complete line from one torn by a crash; integrity against tampering is other code's business.
 */
@API(status = INTERNAL, since = "0.1")
public final class CrcLines {

    /** The bytes in front of a body: 8 hex digits and a space. */
    public static final int FRAME = 9;

    private CrcLines() {}

    /** The framed length of a body, line feed included. */
    public static int framedLength(byte[] body) {
        return FRAME + body.length + 1;
    }

    /**
     * Writes one framed line.
     *
     * @param out where (needs {@link #framedLength} bytes)
     * @param crc a CRC instance to reuse
     * @param body the body, without line breaks
     */
    public static void write(ByteBuffer out, CRC32C crc, byte[] body) {
        crc.reset();
        crc.update(body);
        long value = crc.getValue();
        for (int shift = 28; shift >= 0; shift -= 4) {
            out.put((byte) Character.forDigit((int) (value >>> shift) & 0xf, 16));
        }
        out.put((byte) ' ').put(body).put((byte) '\n');
    }

    /** One framed line. */
    public static byte[] frame(byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(framedLength(body));
        write(out, new CRC32C(), body);
        return out.array();
    }

    /** The index of the line feed ending the line that starts at {@code start}, or {@code limit}. */
    public static int lineEnd(byte[] bytes, int start, int limit) {
        int end = start;
        while (end < limit && bytes[end] != '\n') {
            end++;
        }
        return end;
    }

    /**
     * Whether the line {@code [start, end)} (line feed excluded) is framed and its CRC matches; the
     * CRC must be in lower case, as written.
     */
    public static boolean intact(byte[] bytes, int start, int end, CRC32C crc) {
        if (end - start < FRAME || bytes[start + 8] != ' ') {
            return false;
        }
        long expected = 0;
        for (int i = 0; i < 8; i++) {
            // Only the form the writer produces (lower case): a line has exactly one valid framing,
            // so changing any byte of it, even 'a' to 'A' in the CRC, is seen.
            int b = bytes[start + i];
            int digit = b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
            if (digit < 0) {
                return false;
            }
            expected = (expected << 4) | digit;
        }
        crc.reset();
        crc.update(bytes, start + FRAME, end - start - FRAME);
        return crc.getValue() == expected;
    }
}
