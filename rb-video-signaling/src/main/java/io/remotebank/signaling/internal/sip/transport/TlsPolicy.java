package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.apiguardian.api.API;

/**
 * TLS 1.2 and later only (RFC 8996 deprecates TLS 1.0 and 1.1), enforced on every engine, also on
 * those of a context the application supplies.
 */
@API(status = INTERNAL, since = "0.1")
public final class TlsPolicy {

    /** The protocols the transports accept, newest first. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsPolicy() {}

    /**
     * A server-side handler.
     *
     * @param context the server context
     * @param alloc the allocator
     * @return the handler
     */
    public static SslHandler server(SslContext context, ByteBufAllocator alloc) {
        SSLEngine engine = context.newEngine(alloc);
        restrict(engine);
        return new SslHandler(engine);
    }

    /**
     * A client-side handler that checks the server's certificate against the host (as HTTPS does,
     * RFC 2818 3.1; RFC 5922 asks the same of a SIP domain certificate).
     *
     * @param context the client context
     * @param alloc the allocator
     * @param host the host name or IP literal the connection is for
     * @param port the port
     * @return the handler
     */
    public static SslHandler client(SslContext context, ByteBufAllocator alloc, String host, int port) {
        SSLEngine engine = context.newEngine(alloc, host, port);
        restrict(engine);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return new SslHandler(engine);
    }

    private static void restrict(SSLEngine engine) {
        List<String> allowed = Arrays.asList(PROTOCOLS);
        String[] enabled = Arrays.stream(engine.getEnabledProtocols())
                .filter(allowed::contains)
                .toArray(String[]::new);
        if (enabled.length == 0) {
            throw new IllegalStateException("the TLS context enables neither TLS 1.2 nor TLS 1.3");
        }
        engine.setEnabledProtocols(enabled);
    }
}
