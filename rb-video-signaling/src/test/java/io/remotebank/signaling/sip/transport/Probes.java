package io.remotebank.signaling.sip.transport;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transaction.ClientTransaction;
import io.remotebank.signaling.sip.transaction.ClientTransactionListener;
import io.remotebank.signaling.sip.transaction.SipTransportChannel;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import io.remotebank.testsupport.Await;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Requests and small waits shared by the transport tests. */
final class Probes {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Probes() {}

    /** The auto-answering UAS (200 to OPTIONS). */
    static AutoAnswerUas.Settings uas() {
        return AutoAnswerUas.Settings.audio("sip:uas@127.0.0.1", "127.0.0.1", 30000);
    }

    static String request(String method, String viaTransportAndHost, String branch) {
        return method + " sip:uas@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + viaTransportAndHost + ";branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@example.com>;tag=p1\r\n"
                + "To: <sip:uas@127.0.0.1>\r\n"
                + "Call-ID: probe-" + branch + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + (method.equals("INVITE") ? "Contact: <sip:probe@127.0.0.1>\r\n" : "")
                + "Content-Length: 0\r\n\r\n";
    }

    static String options(String viaTransportAndHost, String branch) {
        return request("OPTIONS", viaTransportAndHost, branch);
    }

    static SipRequest parseRequest(String text) {
        return (SipRequest) SipParser.ofDefaults().parse(text.getBytes(UTF_8));
    }

    /** Sends OPTIONS through a client endpoint's transaction layer and returns the final status. */
    static SipResponse optionsThrough(SipEndpoint client, SipTransport transport, SipTransportChannel channel)
            throws Exception {
        SipRequest request =
                parseRequest(options(transport.viaName() + " client.invalid", TransactionLayer.newBranch()));
        CompletableFuture<SipResponse> response = new CompletableFuture<>();
        client.transactions().sendRequest(request, channel, new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction transaction, SipResponse r) {
                if (r.statusCode() >= 200) {
                    response.complete(r);
                }
            }

            @Override
            public void onTransportError(ClientTransaction transaction, Throwable cause) {
                response.completeExceptionally(cause);
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                response.completeExceptionally(new AssertionError("timed out"));
            }
        });
        return response.get(10, TimeUnit.SECONDS);
    }

    /** A self-signed identity for 127.0.0.1 that the test clients trust. */
    static final TlsIdentity IDENTITY = TlsIdentity.selfSigned(Clock.systemUTC(), "127.0.0.1");

    /** A blocking client socket to a TCP or TLS port of the endpoint (TLS trusting {@link #IDENTITY}). */
    static Socket connect(SipEndpoint server, SipTransport transport) throws Exception {
        int port = server.address(transport).orElseThrow().getPort();
        if (transport == SipTransport.TCP) {
            Socket s = new Socket(LOOPBACK, port);
            s.setSoTimeout(10_000);
            return s;
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", IDENTITY.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, tmf.getTrustManagers(), null);
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(LOOPBACK, port);
        s.setSoTimeout(10_000);
        s.startHandshake();
        return s;
    }

    /** Reads one message's header block from a stream. */
    static String readHead(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    /**
     * Awaits a state an event loop reaches (a connection forgotten, a transaction released), which
     * the endpoint announces with no event of its own.
     */
    static void await(BooleanSupplier condition, String what) {
        Await.until(what, condition);
    }
}
