package io.remotebank.tck.channels;

import io.remotebank.channels.smpp.SmppClientConfig;
import io.remotebank.channels.smpp.SmppProvider;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import io.remotebank.channels.spi.ChannelProvider;
import org.junit.jupiter.api.AfterEach;

/** rb-channels' SMPP client, bound to its SMSC simulator, passes the provider kit. */
class SmppProviderContractTest extends ChannelProviderContract {

    private SmscSimulator smsc;

    // tag::smpp-kit[]
    @Override
    protected ChannelProvider newProvider() {
        smsc = SmscSimulator.builder().build().start();
        return SmppProvider.create(SmppClientConfig.builder("127.0.0.1", smsc.port())
                .name("smpp:simulator")
                .credentials("bank", "secret".toCharArray())
                .build());
    }
    // end::smpp-kit[]

    @AfterEach
    void stopSmsc() {
        provider.close();
        smsc.close();
    }
}
