package io.remotebank.signaling.sdp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import org.apiguardian.api.API;

/**
 * An SDP session description is malformed (RFC 8866 9) or cannot be answered; carries the line
 * number (1-based, 0 when it has no one line). A UAS answers a bad offer with 488 or 400.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SdpParseException extends SignalingException {

    private static final long serialVersionUID = 1L;

    private final int line;

    /**
     * Creates the exception.
     *
     * @param code the code
     * @param line the 1-based line, or 0
     * @param detail what is wrong
     */
    public SdpParseException(SignalingError code, int line, String detail) {
        super(code, detail + (line > 0 ? " (line " + line + ")" : ""), null);
        this.line = line;
    }

    /** The 1-based line of the fault, or 0. */
    public int line() {
        return line;
    }
}
