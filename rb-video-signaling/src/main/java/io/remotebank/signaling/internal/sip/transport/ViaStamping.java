package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.signaling.sip.Parameters;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.Via;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apiguardian.api.API;

/** RFC 3261 18.2.1 ({@code received}) and RFC 3581 ({@code rport}) on arrival, 18.2.2 on the way back. */
@API(status = INTERNAL, since = "0.1")
public final class ViaStamping {

    private ViaStamping() {}

    /**
     * Adds {@code received} and fills {@code rport} on the request's top Via where RFC 3261 18.2.1
     * and RFC 3581 4 say so.
     *
     * @param request the request as received
     * @param source where it came from
     * @return the request to process (the same one when nothing changes)
     */
    public static SipRequest stamp(SipRequest request, InetSocketAddress source) {
        Optional<Via> top = request.topVia();
        if (top.isEmpty()) {
            return request;
        }
        Via via = top.get();
        String ip = source.getAddress().getHostAddress();
        boolean rport = via.parameters().has("rport");
        boolean sameHost = hostEquals(via.host(), source.getAddress());
        if (sameHost && !rport) {
            return request;
        }
        Parameters p = via.parameters().with("received", ip);
        if (rport) {
            p = p.with("rport", Integer.toString(source.getPort()));
        }
        Via stamped = new Via(via.protocol(), via.version(), via.transport(), via.host(), via.port(), p);
        return request.toBuilder()
                .removeFirstValue("Via")
                .headerFirst("Via", stamped.toString())
                .build();
    }

    static boolean hostEquals(String viaHost, InetAddress source) {
        String h =
                viaHost.startsWith("[") && viaHost.endsWith("]") ? viaHost.substring(1, viaHost.length() - 1) : viaHost;
        if (!isLiteral(h)) {
            return false;
        }
        try {
            return InetAddress.getByName(h).equals(source);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isLiteral(String h) {
        if (h.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return !h.isEmpty();
    }

    /**
     * Where a response goes over UDP (RFC 3261 18.2.2, RFC 3581 4): {@code maddr}, else {@code
     * received} (or sent-by) with {@code rport}, else {@code received} and the sent-by port.
     *
     * @param via the response's top Via
     * @return the destination (resolved when the host is a name)
     */
    public static InetSocketAddress responseDestination(Via via) {
        int sentByPort = via.sentByPort().orElse(5060);
        Optional<String> maddr = via.parameters().get("maddr").filter(s -> !s.isEmpty());
        if (maddr.isPresent()) {
            return new InetSocketAddress(unbracket(maddr.get()), sentByPort);
        }
        String host = via.received().filter(s -> !s.isEmpty()).orElse(via.host());
        int port = via.rport().orElse(sentByPort);
        return new InetSocketAddress(unbracket(host), port);
    }

    private static String unbracket(String h) {
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
