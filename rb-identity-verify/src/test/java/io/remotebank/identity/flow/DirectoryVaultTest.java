package io.remotebank.identity.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.CustomerId;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.KeyProvider;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import io.remotebank.testing.ManualTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file vault's retention, encryption at rest and damage handling (the kit in rb-tck covers the rest). */
class DirectoryVaultTest {

    private static final CustomerId ALICE = CustomerId.of("C2001");
    private static final String SECRET = "ERIKSSON ANNA MARIA L898902C3";

    @TempDir
    Path dir;

    private final ManualTime time = ManualTime.at(Instant.parse("2026-12-07T10:00:00Z"));
    private final KeyProvider keys = KeyProviders.inMemory();
    private final Artefact data =
            Artefact.of(ArtefactKind.APPLICATION, "text/plain", SECRET.getBytes(StandardCharsets.UTF_8));

    private ArtefactVaults.DirectoryVault vault() {
        return ArtefactVaults.directory(
                dir, FieldEncryption.create(keys, CryptoSuite.international()), Duration.ofDays(30), time.clock());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void artefact_isEncryptedAtRest_andNoFileNameNamesTheCustomer() throws IOException {
        vault().put(ALICE, data);

        assertThat(files()).singleElement().satisfies(f -> {
            assertThat(Files.readString(f)).doesNotContain("ERIKSSON").doesNotContain("L898902C3");
            assertThat(f.toString()).doesNotContain("C2001");
        });
    }

    @Test
    void pastItsRetention_theArtefactIsNotReturned_andRemoveExpiredDeletesIt() throws IOException {
        ArtefactVaults.DirectoryVault vault = vault();
        ArtefactRef ref = vault.put(ALICE, data);
        time.advance(Duration.ofDays(29));
        assertThat(vault.get(ALICE, ref)).isPresent();
        assertThat(vault.removeExpired()).isZero();

        time.advance(Duration.ofDays(1));

        assertThat(vault.get(ALICE, ref)).isEmpty();
        assertThat(vault.removeExpired()).isEqualTo(1);
        assertThat(files()).isEmpty();
    }

    @Test
    void retentionCountsFromTheFirstTimeTheBytesWereKept() {
        ArtefactVaults.DirectoryVault vault = vault();
        ArtefactRef ref = vault.put(ALICE, data);
        time.advance(Duration.ofDays(20));
        vault.put(ALICE, data);

        time.advance(Duration.ofDays(10));

        assertThat(vault.get(ALICE, ref)).isEmpty();
    }

    @Test
    void shred_destroysTheKeyAndTheFiles() throws IOException {
        ArtefactVaults.DirectoryVault vault = vault();
        ArtefactRef ref = vault.put(ALICE, data);

        assertThat(vault.shred(ALICE)).isEqualTo(1);

        assertThat(files())
                .allSatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("shredded"));
        assertThat(vault().get(ALICE, ref)).isEmpty();
    }

    @Test
    void alteredFile_isReportedCorrupt_notReturned() throws IOException {
        ArtefactVaults.DirectoryVault vault = vault();
        ArtefactRef ref = vault.put(ALICE, data);
        Path file = files().get(0);
        // Pass the encrypted bytes off as another kind of artefact: the bound context no longer matches.
        Path renamed = file.resolveSibling(ref.sha256() + ".DOCUMENT_DATA.artefact");
        Files.writeString(renamed, Files.readString(file).replace("\nAPPLICATION\n", "\nDOCUMENT_DATA\n"));
        Files.delete(file);
        Artefact relabelled = Artefact.of(ArtefactKind.DOCUMENT_DATA, "text/plain", data.bytes());

        IdentityException e = catchThrowableOfType(() -> vault.get(ALICE, relabelled.ref()), IdentityException.class);

        assertThat(e).isNotNull();
        assertThat(e.error()).isEqualTo(IdentityError.STORE_CORRUPT);
        assertThat(vault.get(ALICE, ref)).isEmpty(); // its own file is gone
    }

    @Test
    void truncatedFile_isReportedCorrupt() throws IOException {
        ArtefactVaults.DirectoryVault vault = vault();
        ArtefactRef ref = vault.put(ALICE, data);
        Path file = files().get(0);
        Files.writeString(file, "rb-identity-artefact 1\nAPPLICATION\n");

        IdentityException e = catchThrowableOfType(() -> vault.get(ALICE, ref), IdentityException.class);

        assertThat(e.error()).isEqualTo(IdentityError.STORE_CORRUPT);
    }

    @Test
    void nonPositiveRetention_isRefused() {
        assertThat(catchThrowableOfType(
                        () -> ArtefactVaults.directory(
                                dir,
                                FieldEncryption.create(keys, CryptoSuite.international()),
                                Duration.ZERO,
                                time.clock()),
                        io.remotebank.core.RbException.class))
                .hasMessageContaining("retention");
    }
}
