package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.transport.SipTransportException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * How a {@link UserAgent} reaches a next hop and names itself in Via and Contact (for a connection
 * transport it has no listener for, a random {@code .invalid} host as RFC 7118 5 does). {@link
 * #of(SipEndpoint, InetAddress)} adapts a running {@link SipEndpoint}; tests supply their own.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Network {

    /**
     * A channel to a next hop.
     *
     * @param transport the transport
     * @param nextHop the address
     * @return the channel, once it can send
     */
    CompletionStage<SipTransportChannel> channel(SipTransport transport, InetSocketAddress nextHop);

    /**
     * The sent-by of the Via (and the host and port of the Contact) for a transport, e.g. {@code
     * 192.0.2.1:5060}.
     *
     * @param transport the transport
     * @return host and port
     * @throws SipTransportException when this network does not offer the transport
     */
    String sentBy(SipTransport transport);

    /**
     * The network of an endpoint.
     *
     * @param endpoint the running endpoint
     * @param advertised the address to put in Via and Contact (the bound address unless it is the
     *     wildcard, which a peer cannot reach)
     * @return the network
     */
    static Network of(SipEndpoint endpoint, InetAddress advertised) {
        Arguments.notNull(endpoint, "endpoint");
        Arguments.notNull(advertised, "advertised");
        String host = advertised.getHostAddress();
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        String clientHost = Long.toHexString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE) + ".invalid";
        return new Network() {
            @Override
            public CompletionStage<SipTransportChannel> channel(SipTransport transport, InetSocketAddress nextHop) {
                try {
                    return endpoint.channel(transport, nextHop);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public String sentBy(SipTransport transport) {
                return endpoint.address(transport)
                        .map(a -> h + ":" + a.getPort())
                        // RFC 7118 5: a client without a listener of that transport names itself
                        // with an invalid host; responses come back on the connection
                        .orElseGet(() -> transport.reliable()
                                ? clientHost
                                : h + ":"
                                        + endpoint.udpAddress()
                                                .orElseThrow(
                                                        () -> new SipTransportException(transport + " is not on", null))
                                                .getPort());
            }
        };
    }
}
