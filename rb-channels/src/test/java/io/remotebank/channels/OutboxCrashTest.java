package io.remotebank.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crash test on the embedded H2 outbox. */
class OutboxCrashTest {

    @TempDir
    Path dir;

    @Test
    void killedWithSigkill_midRun_everyAcceptedMessageReachesTheProviderExactlyOnceAfterDeduplication()
            throws Exception {
        CrashHarness.Outcome outcome =
                CrashHarness.run(dir, List.of("h2", dir.resolve("outbox").toString()));

        System.out.println("H2 crash run: " + outcome);
        assertThat(outcome.stored()).isGreaterThanOrEqualTo(outcome.acceptedBeforeKill());
    }
}
