package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.crypto.KeyId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apiguardian.api.API;

/** Keys in memory, for tests and demos. */
@API(status = INTERNAL, since = "0.1")
public final class MemoryKeyStorage implements KeyStorage {

    private final ConcurrentSkipListMap<String, StoredKey> keys = new ConcurrentSkipListMap<>();

    @Override
    public Optional<StoredKey> get(KeyId id) {
        return Optional.ofNullable(keys.get(id.value()));
    }

    @Override
    public void create(StoredKey key) {
        keys.put(
                key.id().value(),
                new StoredKey(
                        key.id(),
                        key.type(),
                        key.created(),
                        key.destroyed(),
                        key.publicKey(),
                        key.material().clone()));
    }

    @Override
    public void destroy(StoredKey tombstone) {
        StoredKey old = keys.put(tombstone.id().value(), tombstone);
        if (old != null && old.material() != null) {
            Arrays.fill(old.material(), (byte) 0);
        }
    }

    @Override
    public List<KeyId> live(String prefix) {
        return livePrefix(keys, prefix);
    }

    @Override
    public byte[] reveal(StoredKey key) {
        return key.material().clone();
    }

    /** The live ids of a sorted map whose keys are id strings, starting with a prefix. */
    static List<KeyId> livePrefix(ConcurrentSkipListMap<String, StoredKey> keys, String prefix) {
        return keys.tailMap(prefix, true).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(prefix))
                .filter(e -> e.getValue().destroyed().isEmpty())
                .map(e -> e.getValue().id())
                .toList();
    }
}
