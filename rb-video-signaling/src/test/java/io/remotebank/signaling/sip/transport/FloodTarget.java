package io.remotebank.signaling.sip.transport;

import io.remotebank.signaling.sip.ua.AutoAnswerUas;
import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;

/**
 * A SIP server with the default limits on UDP, TCP and WS, run in a forked JVM by {@code
 * PingFloodSoakIT}: prints {@code ready UDP TCP WS} (the ports), runs until SIGTERM, then closes
 * and prints {@code stopped}.
 */
public final class FloodTarget {

    private FloodTarget() {}

    /**
     * Runs the server.
     *
     * @param args none
     * @throws InterruptedException never in practice: the main thread waits for the shutdown
     */
    public static void main(String[] args) throws InterruptedException {
        SipEndpoint server = SipEndpoint.builder()
                .bind(InetAddress.getLoopbackAddress())
                .udpPort(0)
                .tcpPort(0)
                .wsPort(0)
                .start(AutoAnswerUas.factory(AutoAnswerUas.Settings.audio("sip:uas@127.0.0.1", "127.0.0.1", 30000)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("stopped " + server.stats());
            System.out.flush();
            stopped.countDown();
        }));
        System.out.println("ready " + server.udpAddress().orElseThrow().getPort() + " "
                + server.tcpAddress().orElseThrow().getPort() + " "
                + server.address(SipTransport.WS).orElseThrow().getPort());
        System.out.flush();
        stopped.await();
    }
}
