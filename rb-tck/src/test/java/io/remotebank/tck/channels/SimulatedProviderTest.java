package io.remotebank.tck.channels;

import io.remotebank.channels.simulator.SimulatedProvider;
import io.remotebank.channels.spi.ChannelProvider;
import io.remotebank.core.ContactChannel;
import java.time.Duration;
import org.junit.jupiter.api.Nested;

/** rb-channels' simulator passes the provider kit, without and with latency, on every channel. */
class SimulatedProviderTest {

    // tag::provider-kit[]
    @Nested
    class Sms extends ChannelProviderContract {
        @Override
        protected ChannelProvider newProvider() {
            return SimulatedProvider.sms();
        }
    }
    // end::provider-kit[]

    @Nested
    class SlowWeChat extends ChannelProviderContract {
        @Override
        protected ChannelProvider newProvider() {
            return SimulatedProvider.builder()
                    .name("sim-wechat")
                    .channels(ContactChannel.WECHAT, ContactChannel.MINI_PROGRAM)
                    .latency(Duration.ofMillis(20))
                    .build();
        }
    }

    @Nested
    class WeComWithoutReports extends ChannelProviderContract {
        @Override
        protected ChannelProvider newProvider() {
            return SimulatedProvider.builder()
                    .name("sim-wecom")
                    .channels(ContactChannel.WECOM)
                    .reportDelivery(false)
                    .build();
        }
    }
}
