package io.remotebank.core.crypto;

import static io.remotebank.core.ErrorAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.spi.KeyProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the keystore directory does: persistence, the password, damage on disk. */
class KeystoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private KeyProvider open(String password) {
        return KeyProviders.keystore(dir).iterations(10_000).clock(CLOCK).open(password.toCharArray());
    }

    @Test
    void keys_surviveReopening() {
        KeyProvider first = open("correct horse");
        first.generate(KeyId.of("audit/signer"), KeyType.SM2);
        first.generate(KeyId.of("subject/C1/v1"), KeyType.AES_256);
        byte[] sealed =
                first.encrypt(KeyId.of("subject/C1/v1"), "secret".getBytes(StandardCharsets.UTF_8), new byte[0]);
        PublicKeyInfo signer = first.publicKey(KeyId.of("audit/signer"));

        KeyProvider second = open("correct horse");

        assertThat(second.decrypt(KeyId.of("subject/C1/v1"), sealed, new byte[0]))
                .asString(StandardCharsets.UTF_8)
                .isEqualTo("secret");
        assertThat(second.publicKey(KeyId.of("audit/signer"))).isEqualTo(signer);
        assertThat(second.list("")).containsExactly(KeyId.of("audit/signer"), KeyId.of("subject/C1/v1"));
        assertThat(second.describe(KeyId.of("audit/signer")).orElseThrow().created())
                .isEqualTo(CLOCK.instant());
    }

    @Test
    void wrongPassword_isLocked() {
        open("correct horse").generate(KeyId.of("k"), KeyType.SM4);

        assertThatThrownBy(() -> open("battery staple")).satisfies(e -> assertCode(e, CoreError.KEYSTORE_LOCKED));
    }

    @Test
    void passwordArray_isClearedAfterOpening() {
        char[] password = "correct horse".toCharArray();

        KeyProviders.keystore(dir).iterations(10_000).open(password);

        assertThat(password).containsOnly('\0');
    }

    @Test
    void destroyedKey_leavesNoMaterialOnDisk_andStaysDestroyedAfterReopening() throws IOException {
        KeyProvider keys = open("pw-123456");
        keys.generate(KeyId.of("subject/C1/v1"), KeyType.SM4);
        Path file = onlyKeyFile();
        assertThat(Files.readString(file)).contains("\"material\"");

        keys.destroy(KeyId.of("subject/C1/v1"));

        assertThat(Files.readString(file)).doesNotContain("material").contains("\"destroyed\"");
        KeyProvider reopened = open("pw-123456");
        assertThatThrownBy(() -> reopened.encrypt(KeyId.of("subject/C1/v1"), new byte[1], new byte[0]))
                .satisfies(e -> assertCode(e, CoreError.KEY_DESTROYED));
        assertThat(reopened.list("")).isEmpty();
    }

    @Test
    void alteredKeyFile_isDetectedWhenUsed() throws IOException {
        KeyProvider keys = open("pw-123456");
        keys.generate(KeyId.of("k1"), KeyType.AES_256);
        Path file = onlyKeyFile();
        // Swap the type: the material is bound to id, type and time, so it no longer authenticates.
        Files.writeString(file, Files.readString(file).replace("AES_256", "SM4"));

        KeyProvider reopened = open("pw-123456");

        assertThatThrownBy(() -> reopened.encrypt(KeyId.of("k1"), new byte[1], new byte[0]))
                .satisfies(e -> assertCode(e, CoreError.STORAGE_CORRUPT));
    }

    @Test
    void unreadableKeyFile_failsOpening_namingIt() throws IOException {
        open("pw-123456").generate(KeyId.of("k1"), KeyType.AES_256);
        Path file = onlyKeyFile();
        Files.writeString(file, "{not json");

        assertThatThrownBy(() -> open("pw-123456"))
                .satisfies(e -> assertCode(e, CoreError.STORAGE_CORRUPT))
                .hasMessageContaining(file.getFileName().toString());
    }

    @Test
    void leftoverTemporaryFile_fromAnInterruptedWrite_isRemoved() throws IOException {
        open("pw-123456").generate(KeyId.of("k1"), KeyType.AES_256);
        Path leftover = Files.writeString(dir.resolve("keys/abc.key.1234.tmp"), "half a fi");

        KeyProvider reopened = open("pw-123456");

        assertThat(leftover).doesNotExist();
        assertThat(reopened.list("")).containsExactly(KeyId.of("k1"));
    }

    @Test
    void smProtection_isRecordedAndUsedOnReopening() throws IOException {
        KeyProviders.keystore(dir)
                .protection(CryptoSuite.sm())
                .iterations(10_000)
                .open("pw-123456".toCharArray())
                .generate(KeyId.of("k1"), KeyType.SM2);

        assertThat(Files.readString(dir.resolve("keystore.json")))
                .contains("\"protection\" : \"SM\"", "PBKDF2-HMAC-SM3");
        assertThat(open("pw-123456").publicKey(KeyId.of("k1")).type()).isEqualTo(KeyType.SM2);
    }

    @Test
    void badSettings_areRejectedAtOnce() {
        assertThatThrownBy(() -> KeyProviders.keystore(dir).iterations(999))
                .hasMessageContaining("PBKDF2 iterations must be between 10000 and 10000000, got 999");
        assertThatThrownBy(() -> KeyProviders.keystore(dir).open(new char[0]))
                .hasMessageContaining("keystore password length");
    }

    private Path onlyKeyFile() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("keys"))) {
            List<Path> keys = files.filter(p -> p.toString().endsWith(".key")).toList();
            assertThat(keys).hasSize(1);
            return keys.get(0);
        }
    }
}
