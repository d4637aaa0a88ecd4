package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a key provider says about a key, without its material.
 *
 * @param id the key's id
 * @param type its type
 * @param created when it was generated
 * @param destroyed when it was destroyed, if it was (its id stays taken for good)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record KeyDescription(KeyId id, KeyType type, Instant created, Optional<Instant> destroyed) {

    /** Validates the fields. */
    public KeyDescription {
        Arguments.notNull(id, "id");
        Arguments.notNull(type, "type");
        Arguments.notNull(created, "created");
        Arguments.notNull(destroyed, "destroyed");
    }

    /** Whether the key can still be used. */
    public boolean usable() {
        return destroyed.isEmpty();
    }
}
