package io.remotebank.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class PeerProcessTest {

    @TempDir
    Path dir;

    @Test
    void aPeerThatFails_failsTheTest_withItsExitCodeAndOutput() throws Exception {
        PeerProcess.Result result =
                PeerProcess.run(List.of("/bin/sh", "-c", "echo 'call 7 failed'; exit 3"), dir, Duration.ofSeconds(30));

        assertThat(result.ended()).isTrue();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThatThrownBy(result::assertSucceeded)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("exit code")
                .hasMessageContaining("call 7 failed");
    }

    @Test
    void aPeerThatHangs_isKilled_andFailsTheTest() throws Exception {
        PeerProcess.Result result = PeerProcess.run(List.of("/bin/sh", "-c", "sleep 30"), dir, Duration.ofMillis(300));

        assertThat(result.ended()).isFalse();
        assertThatThrownBy(result::assertSucceeded).hasMessageContaining("did not end in time");
    }

    @Test
    void aPeerThatSucceeds_passes() throws Exception {
        PeerProcess.Result result = PeerProcess.run(List.of("/bin/sh", "-c", "exit 0"), dir, Duration.ofSeconds(30));

        assertThatCode(result::assertSucceeded).doesNotThrowAnyException();
    }
}
