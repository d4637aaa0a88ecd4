package io.remotebank.identity.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One open store per file, so two review processes cannot both claim a case from their own copies. */
class FileStoreLockTest {

    @Test
    void aSecondStoreOnTheSameFile_isRefused_whileTheFirstIsOpen(@TempDir Path dir) {
        Path file = dir.resolve("flows.log");
        try (FlowStores.FileStore first = FlowStores.file(file)) {
            IdentityException e = catchThrowableOfType(IdentityException.class, () -> FlowStores.file(file));

            assertThat(e).isNotNull();
            assertThat(e.error()).isEqualTo(IdentityError.STORE_FAILED);
            assertThat(e.getMessage()).contains("is open in another process or store");
        }
    }

    @Test
    void closingTheStore_releasesTheLock(@TempDir Path dir) {
        Path file = dir.resolve("flows.log");
        FlowStores.file(file).close();

        try (FlowStores.FileStore again = FlowStores.file(file)) {
            assertThat(again.unfinished()).isEmpty();
        }
    }
}
