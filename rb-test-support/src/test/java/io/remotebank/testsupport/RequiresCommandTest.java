package io.remotebank.testsupport;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs a nested fixture through the JUnit engine to see how the annotation behaves. */
class RequiresCommandTest {

    @Test
    void missingCommand_isSkipped_byDefault() {
        Events tests = run("false").testEvents();

        tests.assertStatistics(stats -> stats.started(2).succeeded(1).aborted(1).failed(0));
    }

    @Test
    void missingCommand_fails_whenPeersRequired() {
        Events tests = run("true").testEvents();

        tests.assertStatistics(stats -> stats.succeeded(1).failed(1).aborted(0));
        tests.assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("needsMissingCommand"),
                                finishedWithFailure(
                                        message(m -> m.contains("rb-no-such-command-42 is not installed")))));
    }

    private static org.junit.platform.testkit.engine.EngineExecutionResults run(String required) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(PeerPolicy.REQUIRE_PEERS_PARAMETER, required)
                .selectors(selectClass(Fixture.class))
                .execute();
    }

    /** Not run directly: its enclosing test drives it through the engine. */
    static class Fixture {
        @Test
        @RequiresCommand(value = "rb-no-such-command-42", debianPackage = "rb-none")
        void needsMissingCommand() {}

        // tag::requires-command[]
        @Test
        @RequiresCommand(value = "sh", debianPackage = "dash")
        void needsShell() {}
        // end::requires-command[]
    }
}
