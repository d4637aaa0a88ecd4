package io.remotebank.core.consent;

import static io.remotebank.core.ErrorAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ContactChannel;
import io.remotebank.core.CoreError;
import io.remotebank.core.CustomerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the file registry does: durability across reopening, torn and damaged records. */
class FileConsentRegistryTest {

    private static final CustomerId C1 = CustomerId.of("C1");
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("consent.log");
    }

    @Test
    void records_surviveReopening() {
        try (var registry = ConsentRegistries.file(file())) {
            registry.record(ConsentRecord.granted(
                    C1, ConsentPurpose.MARKETING_SMS, T0, ContactChannel.APP_PUSH, "form:v3/123"));
            registry.record(ConsentRecord.withdrawn(
                    C1, ConsentPurpose.MARKETING_SMS, T0.plusSeconds(60), ContactChannel.SMS, "sms-reply:TD"));
        }

        try (var reopened = ConsentRegistries.file(file())) {
            assertThat(reopened.history(C1)).hasSize(2);
            assertThat(reopened.isGranted(C1, ConsentPurpose.MARKETING_SMS)).isFalse();
            assertThat(reopened.wasGranted(C1, ConsentPurpose.MARKETING_SMS, T0.plusSeconds(30)))
                    .isTrue();
            assertThat(reopened.history(C1).get(1).evidence()).isEqualTo("sms-reply:TD");
        }
    }

    @Test
    void tornLastRecord_isCutOff_earlierRecordsKept() throws IOException {
        try (var registry = ConsentRegistries.file(file())) {
            registry.record(ConsentRecord.granted(
                    C1, ConsentPurpose.FACE_BIOMETRICS, T0, ContactChannel.VIDEO, "recording:abc"));
        }
        Files.writeString(file(), "1234abcd {\"customer\":\"C1\",\"purp", StandardOpenOption.APPEND);

        try (var reopened = ConsentRegistries.file(file())) {
            assertThat(reopened.history(C1)).hasSize(1);
            reopened.record(ConsentRecord.withdrawn(
                    C1, ConsentPurpose.FACE_BIOMETRICS, T0.plusSeconds(1), ContactChannel.APP_PUSH, "app:settings"));
        }
        try (var again = ConsentRegistries.file(file())) {
            assertThat(again.history(C1)).hasSize(2);
        }
    }

    @Test
    void damagedRecordBeforeTheLast_failsOpening() throws IOException {
        try (var registry = ConsentRegistries.file(file())) {
            registry.record(ConsentRecord.granted(C1, ConsentPurpose.MARKETING_SMS, T0, ContactChannel.SMS, "e1"));
            registry.record(ConsentRecord.granted(C1, ConsentPurpose.MARKETING_VOICE, T0, ContactChannel.SMS, "e2"));
        }
        String content = Files.readString(file());
        Files.writeString(file(), content.replaceFirst("marketing.sms", "marketing.smz"));

        assertThatThrownBy(() -> ConsentRegistries.file(file()))
                .satisfies(e -> assertCode(e, CoreError.STORAGE_CORRUPT))
                .hasMessageContaining("record 1");
    }

    @Test
    void validLineWithInvalidContent_failsOpening() throws IOException {
        String body =
                "{\"customer\":\"C1\",\"purpose\":\"BAD PURPOSE\",\"state\":\"granted\",\"at\":\"2026-11-28T08:00:00Z\","
                        + "\"channel\":\"sms\",\"evidence\":\"e\"}";
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        Files.writeString(file(), String.format("%08x %s%n", crc.getValue(), body));

        assertThatThrownBy(() -> ConsentRegistries.file(file()))
                .satisfies(e -> assertCode(e, CoreError.STORAGE_CORRUPT));
    }
}
