package io.remotebank.channels.smpp;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The long form of {@link SmppFloodTest} ({@code -Psoak}): the security tester's floods, each kind
 * kept up for 15 s against the client (his run: 1.1-2.4 GB queued in that time) and 20 s against the
 * simulator (3.3 GB). What was taken must stay bounded throughout, and every request be answered
 * once the flooding side reads. {@code SmppFloodSoakIT} in rb-examples runs them against a forked
 * {@code rb sms-send} and {@code rb smsc-sim} with 256 MB of heap.
 */
class SmppFloodSoakIT {

    private final SmppFloodTest scenarios = new SmppFloodTest();

    @BeforeAll
    static void sampleLeaksOnly() {
        SmppFloodTest.sampleLeaksOnly();
    }

    @AfterAll
    static void restoreLeakDetection() {
        SmppFloodTest.restoreLeakDetection();
    }

    @AfterEach
    void close() {
        scenarios.close();
    }

    @ParameterizedTest
    @EnumSource(SmppFloodTest.SmscFlood.class)
    void theClient_underAFifteenSecondFlood_takesABoundedAmount_andAnswersEverythingAfterwards(
            SmppFloodTest.SmscFlood flood) throws Exception {
        scenarios.smscFlood(flood, Duration.ofSeconds(15));
    }

    @ParameterizedTest
    @EnumSource(SmppFloodTest.EsmeFlood.class)
    void theSimulator_underATwentySecondFlood_takesABoundedAmount_andAnswersEverythingAfterwards(
            SmppFloodTest.EsmeFlood flood) throws Exception {
        scenarios.esmeFlood(flood, Duration.ofSeconds(20));
    }
}
