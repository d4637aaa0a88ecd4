package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.CustomerId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where evidence is kept, by customer and content hash. The embedded default {@link
 * io.remotebank.identity.flow.ArtefactVaults#inMemory(io.remotebank.core.crypto.FieldEncryption)}
 * encrypts each artefact with the customer's data key, so that {@link #shred} makes them
 * unreadable for good. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ArtefactVault {

    /**
     * Keeps an artefact. Keeping the same bytes twice keeps them once.
     *
     * @param customer whose it is
     * @param artefact the artefact
     * @return its reference
     * @throws IdentityException with {@link IdentityError#ARTEFACT_TOO_LARGE} above the vault's limit,
     *     {@link IdentityError#ARTEFACT_SHREDDED} after the customer was shredded
     */
    ArtefactRef put(CustomerId customer, Artefact artefact);

    /**
     * An artefact.
     *
     * @param customer whose it is
     * @param ref its reference
     * @return the artefact, empty when it is not kept (never stored, removed by retention or
     *     shredded)
     */
    Optional<Artefact> get(CustomerId customer, ArtefactRef ref);

    /**
     * Destroys every artefact of a customer.
     *
     * @param customer whose
     * @return how many were destroyed
     */
    int shred(CustomerId customer);
}
