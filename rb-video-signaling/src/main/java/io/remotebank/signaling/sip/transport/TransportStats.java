package io.remotebank.signaling.sip.transport;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * What an endpoint's transports hold now and what they refused, closed or dropped since it started:
 * read-only figures for monitoring ({@link SipEndpoint#stats()}). The counters only grow.
 *
 * @param openConnections established connections (TCP, TLS, WS and WSS, either direction)
 * @param pendingOutboundBytes bytes queued on every socket and not yet taken by the operating system
 * @param refusedOverTotalLimit connections refused at once because the endpoint held {@code
 *     maxConnections} peer-opened connections
 * @param refusedOverAddressLimit connections refused at once because their source address held
 *     {@code maxConnectionsPerAddress}
 * @param closedHeaderTimeout connections closed because a message, or a WebSocket handshake, did
 *     not arrive whole within {@code headerTimeout}
 * @param closedIdle connections closed after {@code idleTimeout} of silence
 * @param closedOutboundOverflow connections closed because their peer did not read what was sent to
 *     it and the queue went past {@code maxPendingOutboundBytes}
 * @param droppedDatagramReplies UDP messages dropped because the socket's queue was past {@code
 *     maxPendingOutboundBytes}
 * @param truncatedDatagrams datagrams that filled the receive buffer, so may have been cut, and were
 *     not processed (a request among them got 513)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TransportStats(
        int openConnections,
        long pendingOutboundBytes,
        long refusedOverTotalLimit,
        long refusedOverAddressLimit,
        long closedHeaderTimeout,
        long closedIdle,
        long closedOutboundOverflow,
        long droppedDatagramReplies,
        long truncatedDatagrams) {

    /** Checks that no figure is negative. */
    public TransportStats {
        Arguments.inRange(openConnections, 0, Integer.MAX_VALUE, "openConnections");
        Arguments.inRange(pendingOutboundBytes, 0, Long.MAX_VALUE, "pendingOutboundBytes");
        Arguments.inRange(refusedOverTotalLimit, 0, Long.MAX_VALUE, "refusedOverTotalLimit");
        Arguments.inRange(refusedOverAddressLimit, 0, Long.MAX_VALUE, "refusedOverAddressLimit");
        Arguments.inRange(closedHeaderTimeout, 0, Long.MAX_VALUE, "closedHeaderTimeout");
        Arguments.inRange(closedIdle, 0, Long.MAX_VALUE, "closedIdle");
        Arguments.inRange(closedOutboundOverflow, 0, Long.MAX_VALUE, "closedOutboundOverflow");
        Arguments.inRange(droppedDatagramReplies, 0, Long.MAX_VALUE, "droppedDatagramReplies");
        Arguments.inRange(truncatedDatagrams, 0, Long.MAX_VALUE, "truncatedDatagrams");
    }
}
