package io.remotebank.signaling.internal.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The connection limits, in all and per address. */
class ConnectionAdmissionTest {

    private final TransportCounters counters = new TransportCounters();
    private final ConnectionAdmission admission = new ConnectionAdmission(5, 2, counters);

    private static InetAddress address(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    @Test
    void oneAddressGetsItsShare_andAPlaceComesBackWhenAConnectionCloses() throws Exception {
        assertThat(admission.admit(address(1))).isTrue();
        assertThat(admission.admit(address(1))).isTrue();
        assertThat(admission.admit(address(1))).isFalse();
        assertThat(admission.admit(address(2)))
                .as("another address is not affected")
                .isTrue();
        assertThat(counters.refusedOverAddressLimit.sum()).isEqualTo(1);

        admission.release(address(1));
        assertThat(admission.admit(address(1))).isTrue();
        assertThat(admission.admitted()).isEqualTo(3);
    }

    @Test
    void theTotalLimitHoldsAcrossAddresses() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(admission.admit(address(i))).isTrue();
        }
        assertThat(admission.admit(address(6))).isFalse();
        assertThat(counters.refusedOverTotalLimit.sum()).isEqualTo(1);
        assertThat(admission.admitted()).isEqualTo(5);
        admission.release(address(3));
        assertThat(admission.admit(address(6))).isTrue();
    }
}
