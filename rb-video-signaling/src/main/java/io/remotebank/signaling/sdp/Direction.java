package io.remotebank.signaling.sdp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The direction attributes of RFC 8866 6.7 / RFC 3264 6.1. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Direction {
    /** Send and receive (the default). */
    SENDRECV,
    /** Send only. */
    SENDONLY,
    /** Receive only. */
    RECVONLY,
    /** Neither. */
    INACTIVE;

    /** The attribute name, e.g. {@code sendrecv}. */
    public String attributeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the answerer puts in reply to this direction when it can do both (RFC 3264 6.1). */
    public Direction answer() {
        switch (this) {
            case SENDONLY:
                return RECVONLY;
            case RECVONLY:
                return SENDONLY;
            default:
                return this;
        }
    }
}
