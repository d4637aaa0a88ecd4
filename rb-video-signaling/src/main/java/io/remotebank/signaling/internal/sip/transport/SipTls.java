package io.remotebank.signaling.internal.sip.transport;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.remotebank.core.tls.TlsPolicy;
import javax.net.ssl.SSLEngine;
import org.apiguardian.api.API;

/**
 * The TLS of SIP's TLS and WSS transports: each engine comes from the application's context (or the
 * endpoint's own default one) and passes rb-core's {@link TlsPolicy}, which only ever narrows what the
 * context enables: an obsolete protocol goes, a GM/TLCP protocol of the bank's provider stays, and a
 * protocol the context left off is never turned on.
 */
@API(status = INTERNAL, since = "0.1")
public final class SipTls {

    /** What the contexts the SDK makes itself enable (RFC 8996: TLS 1.2 and later), newest first. */
    public static final String[] DEFAULT_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private SipTls() {}

    /**
     * Fails now, at the endpoint's start, when the policy leaves a context no protocol, rather than
     * at each connection.
     *
     * @param context a server or client context
     * @param policy the policy
     * @throws io.remotebank.core.ValidationException with {@code core.tls.no-protocol}
     */
    public static void check(SslContext context, TlsPolicy policy) {
        SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
        try {
            policy.allowed(engine.getEnabledProtocols());
        } finally {
            ReferenceCountUtil.release(engine); // an OpenSSL engine is reference-counted
        }
    }

    /**
     * A server-side handler.
     *
     * @param context the server context
     * @param alloc the allocator
     * @param policy the policy
     * @return the handler
     */
    static SslHandler server(SslContext context, ByteBufAllocator alloc, TlsPolicy policy) {
        return new SslHandler(policy.applyToServer(context.newEngine(alloc)));
    }

    /**
     * A client-side handler; unless the policy says otherwise it checks the server's certificate
     * against the host (as HTTPS does, RFC 2818 3.1; RFC 5922 asks the same of a SIP domain
     * certificate).
     *
     * @param context the client context
     * @param alloc the allocator
     * @param host the host name or IP literal the connection is for
     * @param port the port
     * @param policy the policy
     * @return the handler
     */
    static SslHandler client(SslContext context, ByteBufAllocator alloc, String host, int port, TlsPolicy policy) {
        return new SslHandler(policy.applyToClient(context.newEngine(alloc, host, port)));
    }
}
