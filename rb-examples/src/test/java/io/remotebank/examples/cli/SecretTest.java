package io.remotebank.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

    private static final Function<String, String> ENV = Map.of("RB_PASSWORD", "s3cret-env", "EMPTY", "")::get;

    @TempDir
    Path dir;

    @Test
    void value_isUsedAsGiven() {
        Secret secret = Secret.resolve("--password", "s3cret", null, null, ENV).orElseThrow();

        assertThat(secret.reveal()).containsExactly("s3cret".toCharArray());
        assertThat(secret.source()).isEqualTo("--password");
    }

    @Test
    void file_dropsOneTrailingLineBreak() throws IOException {
        Path file = dir.resolve("pw");
        Files.writeString(file, "s3cret-file\n");

        Secret secret = Secret.resolve("--password", null, file, null, ENV).orElseThrow();

        assertThat(new String(secret.reveal())).isEqualTo("s3cret-file");
    }

    @Test
    void env_readsTheVariable() {
        Secret secret =
                Secret.resolve("--password", null, null, "RB_PASSWORD", ENV).orElseThrow();

        assertThat(new String(secret.reveal())).isEqualTo("s3cret-env");
        assertThat(secret.source()).isEqualTo("--password-env RB_PASSWORD");
    }

    @Test
    void none_isEmpty() {
        assertThat(Secret.resolve("--password", null, null, null, ENV)).isEmpty();
    }

    @Test
    void twoSources_areRejected_withoutEchoingTheSecret() {
        assertThatThrownBy(() -> Secret.resolve("--password", "s3cret", null, "RB_PASSWORD", ENV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give only one of --password, --password-file and --password-env");
    }

    @Test
    void unsetOrEmptyVariable_isRejected() {
        assertThatThrownBy(() -> Secret.resolve("--password", null, null, "NOPE", ENV))
                .hasMessageContaining("NOPE is not set or empty");
        assertThatThrownBy(() -> Secret.resolve("--password", null, null, "EMPTY", ENV))
                .hasMessageContaining("EMPTY is not set or empty");
    }

    @Test
    void missingOrEmptyFile_isRejected() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");

        assertThatThrownBy(() -> Secret.resolve("--password", null, dir.resolve("nope"), null, ENV))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> Secret.resolve("--password", null, empty, null, ENV))
                .hasMessageContaining("is empty");
    }

    @Test
    void emptyValue_isRejected() {
        assertThatThrownBy(() -> Secret.resolve("--password", "", null, null, ENV))
                .hasMessageContaining("the secret is empty");
    }

    @Test
    void toString_neverShowsTheSecret() {
        Secret secret = Secret.resolve("--password", "s3cret", null, null, ENV).orElseThrow();

        assertThat(secret.toString()).doesNotContain("s3cret").contains("****");
    }

    @Test
    void reveal_returnsACopy() {
        Secret secret = Secret.resolve("--password", "s3cret", null, null, ENV).orElseThrow();
        char[] first = secret.reveal();
        java.util.Arrays.fill(first, '\0');

        assertThat(new String(secret.reveal())).isEqualTo("s3cret");
    }
}
