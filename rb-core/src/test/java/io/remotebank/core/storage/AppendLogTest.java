package io.remotebank.core.storage;

import static io.remotebank.core.ErrorAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.remotebank.core.CoreError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendLogTest {

    @TempDir
    Path dir;

    @Test
    void records_surviveReopening_inOrder() {
        Path file = dir.resolve("sub/flows.log");
        try (AppendLog log = AppendLog.open(file)) {
            log.append("one");
            log.append("two {\"json\":true}");
            assertThat(log.records()).containsExactly("one", "two {\"json\":true}");
        }
        try (AppendLog reopened = AppendLog.open(file)) {
            assertThat(reopened.records()).containsExactly("one", "two {\"json\":true}");
            assertThat(reopened.file()).isEqualTo(file);
        }
    }

    @Test
    void recordWithALineBreak_isRefusedWithACode_andNothingIsWritten() throws Exception {
        Path file = dir.resolve("flows.log");
        try (AppendLog log = AppendLog.open(file)) {
            log.append("kept");
            long size = Files.size(file);

            assertCode(catchThrowable(() -> log.append("a\nb")), CoreError.ARGUMENT_INVALID);
            assertCode(catchThrowable(() -> log.append("a\rb")), CoreError.ARGUMENT_INVALID);
            assertCode(catchThrowable(() -> log.append(null)), CoreError.ARGUMENT_MISSING);

            assertThat(Files.size(file)).isEqualTo(size);
            assertThat(log.records()).containsExactly("kept");
        }
    }

    @Test
    void tornLastRecord_isCutOffOnOpen() throws Exception {
        Path file = dir.resolve("flows.log");
        try (AppendLog log = AppendLog.open(file)) {
            log.append("whole");
        }
        Files.writeString(file, "0000 half", StandardOpenOption.APPEND);

        try (AppendLog reopened = AppendLog.open(file)) {
            assertThat(reopened.records()).containsExactly("whole");
            reopened.append("after");
        }
        try (AppendLog again = AppendLog.open(file)) {
            assertThat(again.records()).containsExactly("whole", "after");
        }
    }

    @Test
    void damageBeforeTheLastRecord_failsTheOpenAsCorrupt() throws Exception {
        Path file = dir.resolve("flows.log");
        try (AppendLog log = AppendLog.open(file)) {
            log.append("first");
            log.append("second");
        }
        byte[] bytes = Files.readAllBytes(file);
        int i = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).indexOf("first");
        bytes[i] = 'F';
        Files.write(file, bytes);

        assertCode(catchThrowable(() -> AppendLog.open(file)), CoreError.STORAGE_CORRUPT);
    }

    @Test
    void toString_namesTheFileOnly() {
        try (AppendLog log = AppendLog.open(dir.resolve("flows.log"))) {
            log.append("secret-ish");
            assertThat(log.toString()).contains("flows.log").doesNotContain("secret-ish");
        }
    }
}
