package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import org.apiguardian.api.API;

/**
 * Limits the parser enforces before it spends memory on a message: total size (start line, header
 * fields and body), number of header fields, and length of one header field (folded lines
 * included). A message over a limit fails with 413 (size) or 400 (header count, line length).
 *
 * @param maxMessageSize the largest message in bytes
 * @param maxHeaders the most header fields (a folded field counts once)
 * @param maxLineLength the longest start line or header field in bytes, folding included
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SipLimits(int maxMessageSize, int maxHeaders, int maxLineLength) {

    /** Creates limits, rejecting values outside 1..64 MiB, 1..10,000 and 1..maxMessageSize. */
    public SipLimits {
        check("maxMessageSize", maxMessageSize, 64 * 1024 * 1024);
        check("maxHeaders", maxHeaders, 10_000);
        check("maxLineLength", maxLineLength, maxMessageSize);
    }

    /** 64 KiB messages, 256 header fields, 8 KiB per field: generous for SIP over any transport. */
    public static SipLimits ofDefaults() {
        return new SipLimits(65_536, 256, 8_192);
    }

    private static void check(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, name + " must be between 1 and " + max + ", was " + value);
        }
    }
}
