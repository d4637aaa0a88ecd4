package io.remotebank.testsupport.logging;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs fixtures through the JUnit engine with the guard auto-detected, as in every module's build. */
class PiiLogGuardTest {

    private static Events run(String method) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectMethod(Fixture.class, method))
                .execute()
                .testEvents();
    }

    @Test
    void unmaskedPhoneInALog_failsTheTest_withoutRepeatingIt() {
        Events events = run("logsAnUnmaskedPhone");

        events.assertStatistics(stats -> stats.failed(1));
        events.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("logsAnUnmaskedPhone"),
                                finishedWithFailure(message(m -> m.contains("unmasked personal data in log output")
                                        && m.contains("<unmasked phone number>")
                                        && !m.contains("13812345678")))));
    }

    @Test
    void unmaskedIdInAnExceptionLog_failsTheTest() {
        run("logsAnExceptionWithAnId").assertStatistics(stats -> stats.failed(1));
    }

    @Test
    void maskedLog_passes() {
        run("logsMasked").assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    /** Not run directly. */
    static class Fixture {
        private static final Logger LOG = LoggerFactory.getLogger(Fixture.class);

        @Test
        void logsAnUnmaskedPhone() {
            LOG.debug("sending an OTP to {}", "13812345678");
        }

        @Test
        void logsAnExceptionWithAnId() {
            LOG.warn("verification failed", new IllegalStateException("bad id 11010519491231002X"));
        }

        @Test
        void logsMasked() {
            LOG.info("sending an OTP to {}", "138****5678");
        }
    }
}
