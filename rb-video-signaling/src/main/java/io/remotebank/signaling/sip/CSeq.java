package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * The CSeq header field (RFC 3261 20.16): a sequence number below 2^31 and a method.
 *
 * @param number the sequence number, 0..2^31-1
 * @param method the method, case-sensitive
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CSeq(long number, String method) {

    /** Checks the parts. */
    public CSeq {
        Arguments.notNull(method, "method");
        if (number < 0 || number > Integer.MAX_VALUE) {
            throw SipParseException.badRequest(-1, "CSeq number must be below 2^31");
        }
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
