package io.remotebank.channels.smpp;

import org.junit.jupiter.api.Test;

/** The full fault run: 100,000 messages, the connection dropped 100 times. {@code -Psoak}. */
class SmppSoakIT {

    @Test
    void hundredThousandMessages_hundredDrops_noneLost() throws Exception {
        DropScenario.run(100_000, 100);
    }
}
