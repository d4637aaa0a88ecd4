package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.crypto.KeyId;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Where a {@link SoftwareKeyProvider} keeps its keys. Calls are serialised by the provider for writes. */
@API(status = INTERNAL, since = "0.1")
public interface KeyStorage {

    /** The key (live or tombstone), with its material as {@link #reveal} takes it. */
    Optional<StoredKey> get(KeyId id);

    /** Stores a new key; the id is known to be unused. Material arrives in plain form. */
    void create(StoredKey key);

    /** Replaces a key by its tombstone, erasing its material. */
    void destroy(StoredKey tombstone);

    /** The live ids starting with a prefix, sorted. */
    List<KeyId> live(String prefix);

    /** The plain material of a stored key (the storage may keep it sealed). */
    byte[] reveal(StoredKey key);
}
