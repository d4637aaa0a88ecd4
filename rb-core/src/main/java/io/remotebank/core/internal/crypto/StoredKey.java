package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.crypto.KeyDescription;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyType;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A key as a software key provider keeps it. {@code material} is the secret key or the PKCS#8
 * private key, possibly sealed by the storage; {@code publicKey} the SubjectPublicKeyInfo of a key
 * pair. A destroyed key keeps neither.
 *
 * @param id the id
 * @param type the type
 * @param created when generated
 * @param destroyed when destroyed
 * @param publicKey SPKI of a key pair, else null
 * @param material the secret or private key (as the storage holds it), null once destroyed
 */
@API(status = INTERNAL, since = "0.1")
public record StoredKey(
        KeyId id, KeyType type, Instant created, Optional<Instant> destroyed, byte[] publicKey, byte[] material) {

    KeyDescription description() {
        return new KeyDescription(id, type, created, destroyed);
    }

    StoredKey tombstone(Instant when) {
        return new StoredKey(id, type, created, Optional.of(when), null, null);
    }

    @Override
    public String toString() {
        return "StoredKey[" + id + ", " + type + (destroyed.isPresent() ? ", destroyed" : "") + "]";
    }
}
