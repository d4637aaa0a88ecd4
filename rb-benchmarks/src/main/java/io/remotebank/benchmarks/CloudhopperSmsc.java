package io.remotebank.benchmarks;

import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * cloudhopper's SMPP server (Netty 3) as the SMSC of {@link SmppBenchmark}: binds anyone, answers every
 * submit_sm at once with a decimal message id, and every other request with its empty response.
 */
final class CloudhopperSmsc implements AutoCloseable {

    private final DefaultSmppServer server;
    private final ExecutorService executor;
    private final int port;

    private CloudhopperSmsc(DefaultSmppServer server, ExecutorService executor, int port) {
        this.server = server;
        this.executor = executor;
        this.port = port;
    }

    static CloudhopperSmsc start() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SmppServerConfiguration configuration = new SmppServerConfiguration();
        configuration.setHost("127.0.0.1");
        configuration.setPort(port);
        configuration.setName("bench-smsc");
        configuration.setMaxConnectionSize(10);
        configuration.setNonBlockingSocketsEnabled(true);
        configuration.setDefaultWindowSize(SmppBenchmark.WINDOW);
        configuration.setDefaultSessionCountersEnabled(false);
        configuration.setJmxEnabled(false);
        ExecutorService executor = Executors.newCachedThreadPool();
        AtomicLong ids = new AtomicLong();
        DefaultSmppServer server = new DefaultSmppServer(
                configuration,
                new SmppServerHandler() {
                    @Override
                    @SuppressWarnings("rawtypes") // cloudhopper's own signature
                    public void sessionBindRequested(Long id, SmppSessionConfiguration session, BaseBind bind) {}

                    @Override
                    public void sessionCreated(Long id, SmppServerSession session, BaseBindResp response) {
                        session.serverReady(new DefaultSmppSessionHandler() {
                            @Override
                            @SuppressWarnings("rawtypes") // cloudhopper's own signature
                            public PduResponse firePduRequestReceived(PduRequest request) {
                                PduResponse answer = request.createResponse();
                                if (answer instanceof SubmitSmResp submitted) {
                                    submitted.setMessageId(Long.toString(ids.incrementAndGet()));
                                }
                                return answer;
                            }
                        });
                    }

                    @Override
                    public void sessionDestroyed(Long id, SmppServerSession session) {
                        session.destroy();
                    }
                },
                executor);
        server.start();
        return new CloudhopperSmsc(server, executor, port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.destroy();
        executor.shutdownNow();
    }
}
