package io.remotebank.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @ParameterizedTest
    @EnumSource(CoreError.class)
    void everyCode_declaresItsOneExceptionClass_andTheGuideListsItWithIt(CoreError error) throws IOException {
        String guide = Files.readString(Path.of(System.getProperty("rb.root"), "docs", "rb-core.md"));

        assertThat(error.exceptionType()).isNotEqualTo(RbException.class);
        assertThat(guide)
                .contains("| `" + error.code() + "` | `" + error.exceptionType().getSimpleName() + "` |");
    }

    @Test
    void aCodeThrownWithAnotherClassThanItsOwn_failsAssertions() {
        assertThat(RbException.class.desiredAssertionStatus())
                .as("tests run with -ea")
                .isTrue();

        assertThatThrownBy(() -> new ValidationException(CoreError.STORAGE_FAILED, "disk full"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("core.storage.failed is declared with io.remotebank.core.StorageException but thrown as"
                        + " io.remotebank.core.ValidationException");
        assertThat(new StorageException(CoreError.STORAGE_FAILED, "disk full").code())
                .isEqualTo(CoreError.STORAGE_FAILED);
    }

    @Test
    void aCodeThatDeclaresNoClass_goesWithAnySubclass() {
        ErrorCode vendors = new ErrorCode() {
            @Override
            public String code() {
                return "vendor.ocr.unavailable";
            }

            @Override
            public String meaning() {
                return "The vendor's OCR service did not answer.";
            }
        };

        assertThat(new ValidationException(vendors, "x").code()).isSameAs(vendors);
        assertThat(new StorageException(vendors, "x").code()).isSameAs(vendors);
    }

    @Test
    void codes_areUnique() {
        assertThat(Arrays.stream(CoreError.values()).map(CoreError::code)).doesNotHaveDuplicates();
    }
}
