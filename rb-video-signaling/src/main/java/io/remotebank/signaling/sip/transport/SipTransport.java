package io.remotebank.signaling.sip.transport;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The transports an {@link SipEndpoint} offers. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SipTransport {
    /** UDP (RFC 3261 18): unreliable, the transactions retransmit. */
    UDP,
    /** TCP (RFC 3261 18): a byte stream framed by Content-Length. */
    TCP
}
