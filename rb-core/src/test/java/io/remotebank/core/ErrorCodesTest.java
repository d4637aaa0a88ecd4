package io.remotebank.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodesTest {

    @ParameterizedTest
    @EnumSource(CoreError.class)
    void everyCode_isNamespacedLowerCase_andDocumented(CoreError error) throws IOException {
        String guide = Files.readString(Path.of(System.getProperty("rb.root"), "docs", "rb-core.md"));

        assertThat(error.code()).matches("core(\\.[a-z][a-z0-9-]*){2}");
        assertThat(guide).as("docs/rb-core.md lists " + error.code()).contains("`" + error.code() + "`");
    }

    @Test
    void codes_areUnique() {
        assertThat(Arrays.stream(CoreError.values()).map(CoreError::code)).doesNotHaveDuplicates();
    }
}
