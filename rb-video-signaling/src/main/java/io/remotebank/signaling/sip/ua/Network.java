package io.remotebank.signaling.sip.ua;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.transport.SipTransport;
import io.remotebank.signaling.sip.transport.SipTransportException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * How a {@link UserAgent} reaches a next hop and names itself in Via and Contact. {@link
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
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(advertised, "advertised");
        String host = advertised.getHostAddress();
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
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
                InetSocketAddress a = (transport == SipTransport.UDP
                                ? endpoint.udpAddress()
                                : transport == SipTransport.TCP
                                        ? endpoint.tcpAddress()
                                        : java.util.Optional.<InetSocketAddress>empty())
                        .orElseThrow(() -> new SipTransportException(transport + " is not on", null));
                return h + ":" + a.getPort();
            }
        };
    }
}
