package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.identity.internal.MemoryVault;
import io.remotebank.identity.spi.ArtefactVault;
import org.apiguardian.api.API;

/** The embedded artefact vault. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ArtefactVaults {

    /** The largest artefact the embedded vault keeps: 16 MiB. */
    public static final int MAX_ARTEFACT_BYTES = 16 * 1024 * 1024;

    private ArtefactVaults() {}

    /**
     * A vault in memory that keeps each artefact encrypted with its customer's data key (rb-core's
     * field encryption), so that shredding the customer destroys the key as well as the bytes.
     *
     * @param fields the field encryption (its key provider holds the customers' keys)
     * @return the vault
     */
    public static ArtefactVault inMemory(FieldEncryption fields) {
        return new MemoryVault(Arguments.notNull(fields, "fields"), MAX_ARTEFACT_BYTES);
    }
}
