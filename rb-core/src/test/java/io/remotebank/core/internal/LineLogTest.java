package io.remotebank.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.StorageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineLogTest {

    @TempDir
    Path dir;

    @Test
    void interruptedAppend_failsThatRecordOnly_andTheLogGoesOn() {
        Path file = dir.resolve("log");
        try (LineLog log = LineLog.open(file)) {
            log.append("first");
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> log.append("interrupted"))
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("interrupted");
            } finally {
                assertThat(Thread.interrupted())
                        .as("the interrupt is kept for the caller")
                        .isTrue();
            }
            log.append("second");
        }
        try (LineLog reopened = LineLog.open(file)) {
            assertThat(reopened.records()).containsExactly("first", "second");
        }
    }

    @Test
    void recordsWithLineBreaks_areRefused() {
        try (LineLog log = LineLog.open(dir.resolve("log"))) {
            assertThatThrownBy(() -> log.append("a\nb")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void readOnlySnapshot_leavesATornTailInPlace() throws Exception {
        Path file = dir.resolve("log");
        try (LineLog log = LineLog.open(file)) {
            log.append("whole");
        }
        java.nio.file.Files.writeString(file, "0000 half", java.nio.file.StandardOpenOption.APPEND);
        long size = java.nio.file.Files.size(file);

        LineLog.Snapshot snapshot = LineLog.read(file);

        assertThat(snapshot.records()).containsExactly("whole");
        assertThat(snapshot.tornBytes()).isEqualTo(9);
        assertThat(java.nio.file.Files.size(file)).isEqualTo(size);
    }
}
