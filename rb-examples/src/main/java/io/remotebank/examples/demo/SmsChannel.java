package io.remotebank.examples.demo;

import io.remotebank.channels.smpp.DeliveryReceipt;
import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.smpp.SmppProvider;
import io.remotebank.channels.smpp.pdu.SmeAddress;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.ChannelProvider;
import java.time.Duration;

/**
 * The bank's SMS channel in the demo: the SDK's SMPP 3.4 client, bound as a transceiver over
 * loopback to the SMSC simulator, which acknowledges each submit_sm and sends a delivery receipt a
 * moment later. A bank points the same client at its carrier's SMSC instead.
 */
final class SmsChannel implements AutoCloseable {

    private final SmscSimulator smsc;
    private final SmppProvider provider;

    private SmsChannel(SmscSimulator smsc, SmppProvider provider) {
        this.smsc = smsc;
        this.provider = provider;
    }

    /** Starts the SMSC simulator on an ephemeral loopback port and configures a client for it. */
    static SmsChannel smppToSimulator() {
        char[] password = "demo-pw".toCharArray();
        SmscSimulator smsc = SmscSimulator.builder()
                .credentials("remotebank", password.clone())
                .receipts(true, Duration.ofMillis(200), DeliveryReceipt.State.DELIVERED)
                .build()
                .start();
        SmppProvider provider = SmppProvider.create(SmppClientConfig.builder("127.0.0.1", smsc.port())
                .credentials("remotebank", password)
                .sourceAddress(new SmeAddress(5, 0, "RemoteBank")) // alphanumeric sender (TON 5)
                .build());
        return new SmsChannel(smsc, provider);
    }

    /** The provider the messaging API submits to (it binds when the messaging API starts it). */
    ChannelProvider provider() {
        return provider;
    }

    String description() {
        return "the SMPP client (transceiver, system id remotebank) to the SMSC simulator on 127.0.0.1:" + smsc.port();
    }

    /** submit_sm PDUs the SMSC received. */
    int submitsReceived() {
        return smsc.messages().size();
    }

    @Override
    public void close() {
        provider.close();
        smsc.close();
    }
}
