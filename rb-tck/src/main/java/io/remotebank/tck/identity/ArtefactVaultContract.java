package io.remotebank.tck.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.CustomerId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import io.remotebank.identity.spi.ArtefactVault;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link ArtefactVault}: extend it, return a fresh, empty vault from
 * {@link #newVault()}, and from {@link #reopen(ArtefactVault)} the same vault as a restarted process
 * would see it (the same instance for a vault in memory).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ArtefactVaultContract {

    private static final CustomerId ALICE = CustomerId.of("C3001");
    private static final CustomerId BOB = CustomerId.of("C3002");
    private static final Artefact IMAGE =
            Artefact.of(ArtefactKind.DOCUMENT_IMAGE, "image/png", "a document image".getBytes(StandardCharsets.UTF_8));

    /** The vault under test, fresh for each test. */
    protected ArtefactVault vault;

    /** For subclasses. */
    protected ArtefactVaultContract() {}

    /**
     * A new, empty vault.
     *
     * @return the vault
     */
    protected abstract ArtefactVault newVault();

    /**
     * The vault after a restart.
     *
     * @param vault the vault in use
     * @return the vault as reopened
     */
    protected abstract ArtefactVault reopen(ArtefactVault vault);

    /** Creates the vault under test. */
    @BeforeEach
    void createVault() {
        vault = newVault();
    }

    @Test
    void kept_isReturnedAsGiven() {
        ArtefactRef ref = vault.put(ALICE, IMAGE);

        Artefact back = vault.get(ALICE, ref).orElseThrow();

        assertThat(ref).isEqualTo(IMAGE.ref());
        assertThat(back.bytes()).isEqualTo(IMAGE.bytes());
        assertThat(back.kind()).isEqualTo(ArtefactKind.DOCUMENT_IMAGE);
        assertThat(back.ref().mediaType()).isEqualTo("image/png");
    }

    @Test
    void keptTwice_givesTheSameReference() {
        assertThat(vault.put(ALICE, IMAGE)).isEqualTo(vault.put(ALICE, IMAGE));
    }

    @Test
    void neverKept_isEmpty() {
        assertThat(vault.get(ALICE, IMAGE.ref())).isEmpty();
    }

    @Test
    void anotherCustomersArtefact_isNotReturned() {
        ArtefactRef ref = vault.put(ALICE, IMAGE);

        assertThat(vault.get(BOB, ref)).isEmpty();
    }

    @Test
    void kept_survivesARestart() {
        ArtefactRef ref = vault.put(ALICE, IMAGE);

        vault = reopen(vault);

        assertThat(vault.get(ALICE, ref).orElseThrow().bytes()).isEqualTo(IMAGE.bytes());
    }

    @Test
    void shred_removesEveryArtefactOfTheCustomerOnly() {
        ArtefactRef ref = vault.put(ALICE, IMAGE);
        Artefact other = Artefact.of(ArtefactKind.LIVENESS_FRAME, "image/jpeg", new byte[] {9, 8, 7});
        vault.put(ALICE, other);
        ArtefactRef bobs = vault.put(BOB, IMAGE);

        assertThat(vault.shred(ALICE)).isEqualTo(2);

        assertThat(vault.get(ALICE, ref)).isEmpty();
        assertThat(vault.get(BOB, bobs)).isPresent();
    }

    @Test
    void shreddedCustomer_isRefusedAfterwards_alsoAfterARestart() {
        vault.put(ALICE, IMAGE);
        vault.shred(ALICE);
        vault = reopen(vault);

        IdentityException e = catchThrowableOfType(IdentityException.class, () -> vault.put(ALICE, IMAGE));

        assertThat(e).isNotNull();
        assertThat(e.error()).isEqualTo(IdentityError.ARTEFACT_SHREDDED);
        assertThat(vault.get(ALICE, IMAGE.ref())).isEmpty();
    }
}
