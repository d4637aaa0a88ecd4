package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyDescription;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyPairMaterial;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.crypto.SignatureOptions;
import io.remotebank.core.spi.KeyProvider;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A key provider that does the cryptography itself, over a {@link KeyStorage}. */
@API(status = INTERNAL, since = "0.1")
public final class SoftwareKeyProvider implements KeyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SoftwareKeyProvider.class);

    private final KeyStorage storage;
    private final Clock clock;
    private final String name;

    /**
     * Creates the provider.
     *
     * @param storage where keys live
     * @param clock the time of generation and destruction
     * @param name for toString and logs
     */
    public SoftwareKeyProvider(KeyStorage storage, Clock clock, String name) {
        this.storage = storage;
        this.clock = clock;
        this.name = name;
    }

    @Override
    public synchronized void generate(KeyId id, KeyType type) {
        Arguments.notNull(id, "id");
        Arguments.notNull(type, "type");
        Optional<StoredKey> existing = storage.get(id);
        if (existing.isPresent()) {
            throw new CryptoException(
                    CoreError.KEY_EXISTS,
                    "key " + id + " already exists"
                            + (existing.get().destroyed().isPresent() ? " (destroyed; ids are never reused)" : ""));
        }
        CryptoSuite suite = type.suite();
        byte[] material;
        byte[] publicKey = null;
        if (type.asymmetric()) {
            KeyPairMaterial pair = suite.generateSigningKeyPair();
            material = pair.privateKey();
            publicKey = pair.publicKey().der();
        } else {
            material = suite.generateSecretKey();
        }
        try {
            storage.create(new StoredKey(id, type, clock.instant(), Optional.empty(), publicKey, material));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
        LOG.debug("{}: generated {} key {}", name, type, id);
    }

    @Override
    public Optional<KeyDescription> describe(KeyId id) {
        Arguments.notNull(id, "id");
        return storage.get(id).map(StoredKey::description);
    }

    @Override
    public List<KeyId> list(String prefix) {
        Arguments.notNull(prefix, "prefix");
        return storage.live(prefix);
    }

    @Override
    public byte[] encrypt(KeyId id, byte[] plaintext, byte[] associatedData) {
        Arguments.notNull(plaintext, "plaintext");
        StoredKey key = usable(id, false);
        byte[] secret = storage.reveal(key);
        try {
            return key.type().suite().seal(secret, plaintext, associatedData);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public byte[] decrypt(KeyId id, byte[] ciphertext, byte[] associatedData) {
        Arguments.notNull(ciphertext, "ciphertext");
        StoredKey key = usable(id, false);
        byte[] secret = storage.reveal(key);
        try {
            return key.type().suite().open(secret, ciphertext, associatedData);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public byte[] sign(KeyId id, byte[] data, SignatureOptions options) {
        Arguments.notNull(data, "data");
        Arguments.notNull(options, "options");
        StoredKey key = usable(id, true);
        byte[] privateKey = storage.reveal(key);
        try {
            return key.type().suite().sign(privateKey, data, options);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    @Override
    public PublicKeyInfo publicKey(KeyId id) {
        return PublicKeyInfo.fromDer(usable(id, true).publicKey());
    }

    @Override
    public synchronized void destroy(KeyId id) {
        Arguments.notNull(id, "id");
        StoredKey key = storage.get(id)
                .orElseThrow(() -> new CryptoException(CoreError.KEY_NOT_FOUND, "no key " + id + " in " + name));
        if (key.destroyed().isPresent()) {
            return;
        }
        storage.destroy(key.tombstone(clock.instant()));
        LOG.info("{}: destroyed key {}", name, id);
    }

    @Override
    public String toString() {
        return name;
    }

    private StoredKey usable(KeyId id, boolean asymmetric) {
        Arguments.notNull(id, "id");
        StoredKey key = storage.get(id)
                .orElseThrow(() -> new CryptoException(CoreError.KEY_NOT_FOUND, "no key " + id + " in " + name));
        if (key.destroyed().isPresent()) {
            throw new CryptoException(
                    CoreError.KEY_DESTROYED,
                    "key " + id + " was destroyed at " + key.destroyed().get());
        }
        if (key.type().asymmetric() != asymmetric) {
            throw new CryptoException(
                    CoreError.KEY_TYPE_MISMATCH,
                    "key " + id + " is " + key.type() + ", which cannot " + (asymmetric ? "sign" : "encrypt"));
        }
        return key;
    }
}
