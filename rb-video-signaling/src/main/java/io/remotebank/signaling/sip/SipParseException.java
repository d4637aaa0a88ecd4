package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import org.apiguardian.api.API;

/**
 * The one exception the SIP parser throws: what is wrong, where (byte offset from the start of the
 * message), and what a UAS should answer (RFC 3261 8.2 and 21: 400, 413, 416, 420, 505...).
 *
 * <p>A proxy or UAS answers a request that fails with {@link #statusCode()} and {@link
 * #reasonPhrase()}; a response that fails is dropped (RFC 3261 18.1.2). The message never contains
 * header values, so it cannot leak personal data.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipParseException extends SignalingException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String reasonPhrase;
    private final int offset;
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param code the stable error code
     * @param statusCode the status a UAS should answer with
     * @param reasonPhrase the reason phrase to answer with
     * @param offset the byte offset of the fault in the message, or -1 when unknown
     * @param detail what is wrong, for people
     */
    public SipParseException(SignalingError code, int statusCode, String reasonPhrase, int offset, String detail) {
        super(
                code,
                detail + (offset >= 0 ? " (at byte " + offset + ")" : "") + " -> " + statusCode + " " + reasonPhrase,
                null);
        this.statusCode = statusCode;
        this.reasonPhrase = Arguments.notNull(reasonPhrase, "reasonPhrase");
        this.offset = offset;
        this.detail = detail;
    }

    /** The status code a UAS should answer with (400, 413, 416, 420, 505 ...). */
    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase that goes with {@link #statusCode()}. */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** The byte offset of the fault from the start of the message, or -1 when it has no one place. */
    public int offset() {
        return offset;
    }

    /** What is wrong, without the position. */
    public String detail() {
        return detail;
    }

    static SipParseException badRequest(int offset, String detail) {
        return new SipParseException(SignalingError.SIP_MALFORMED, 400, "Bad Request", offset, detail);
    }
}
