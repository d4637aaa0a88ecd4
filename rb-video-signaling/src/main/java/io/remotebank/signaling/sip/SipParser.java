package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.remotebank.core.Arguments;
import io.remotebank.signaling.internal.sip.MessageScanner;
import io.remotebank.signaling.internal.sip.MessageScanner.Frame;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Parses SIP messages from bytes or Netty buffers (one datagram, or one frame of a stream that a
 * {@link SipStreamDecoder} cut by Content-Length). Thread-safe and stateless apart from its limits.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipParser {

    private static final SipParser DEFAULT = new SipParser(SipLimits.ofDefaults());

    private final SipLimits limits;

    private SipParser(SipLimits limits) {
        this.limits = Arguments.notNull(limits, "limits");
    }

    /** A parser with {@link SipLimits#ofDefaults()}. */
    public static SipParser ofDefaults() {
        return DEFAULT;
    }

    /**
     * A parser with the given limits.
     *
     * @param limits the limits
     * @return the parser
     */
    public static SipParser withLimits(SipLimits limits) {
        return new SipParser(limits);
    }

    /** The limits. */
    public SipLimits limits() {
        return limits;
    }

    /**
     * Parses one datagram (RFC 3261 18.3: without Content-Length the body runs to the end; bytes
     * after Content-Length are ignored). The buffer's readable bytes are consumed; the caller still
     * owns (and releases) the buffer.
     *
     * @param datagram the datagram
     * @return the message
     * @throws SipParseException when it is malformed or over a limit
     */
    public SipMessage parse(ByteBuf datagram) {
        int n = datagram.readableBytes();
        checkSize(n);
        byte[] b = new byte[n];
        datagram.readBytes(b);
        return datagram(b);
    }

    /**
     * Parses one datagram from an array, which is copied: the caller may reuse the array at once.
     *
     * @param datagram the bytes
     * @return the message
     * @throws SipParseException when it is malformed or over a limit
     */
    public SipMessage parse(byte[] datagram) {
        checkSize(datagram.length);
        return datagram(Arrays.copyOf(datagram, datagram.length));
    }

    /**
     * Parses one datagram from an array the caller hands over: the message keeps this array instead
     * of a copy, since it reads its fields from the bytes when they are asked for. The caller must
     * not change the array afterwards; the message would read the changed bytes. For a transport
     * that reads each datagram into an array of its own, which would otherwise be copied once more.
     *
     * @param datagram the bytes, taken over without copying
     * @return the message
     * @throws SipParseException when it is malformed or over a limit
     */
    public SipMessage parseOwned(byte[] datagram) {
        checkSize(datagram.length);
        return datagram(datagram);
    }

    private SipMessage datagram(byte[] owned) {
        return of(MessageScanner.scan(owned, owned.length, limits, true));
    }

    /**
     * Parses one stream frame: exactly one message whose Content-Length is required.
     *
     * @param frame the bytes, taken over without copying
     * @return the message
     */
    SipMessage parseFrame(byte[] frame) {
        return of(MessageScanner.scan(frame, frame.length, limits, false));
    }

    private void checkSize(int n) {
        // RFC 3261 18.1.1 / 21.4.11: refuse before copying what is over the limit.
        if (n > limits.maxMessageSize() + 4) {
            throw new SipParseException(
                    io.remotebank.signaling.SignalingError.SIP_TOO_LARGE,
                    413,
                    "Request Entity Too Large",
                    limits.maxMessageSize(),
                    "message larger than " + limits.maxMessageSize() + " bytes");
        }
    }

    static SipMessage of(Frame f) {
        return f.request ? new SipRequest(f) : new SipResponse(f);
    }
}
