package io.remotebank.core.spi;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.crypto.KeyDescription;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.crypto.SignatureOptions;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Holds keys and uses them without handing them out, the way a KMS or an HSM does: callers name a
 * key by {@link KeyId} and ask for an operation.
 *
 * <p>Embedded defaults: {@code KeyProviders.inMemory()} and {@code KeyProviders.keystore(dir,
 * password)}, a password-protected keystore directory. A KMS or HSM implements this interface and
 * proves it with {@code io.remotebank.tck.core.KeyProviderContract} from rb-tck.
 *
 * <p>Rules every implementation keeps:
 *
 * <ul>
 *   <li>An id names one key for good: after {@link #destroy} it is never reused, and using it fails
 *       with {@code core.crypto.key-destroyed} (not {@code key-not-found}), so that callers can tell
 *       erased data from a configuration error.
 *   <li>An unknown id fails with {@code core.crypto.key-not-found}; a secret-key operation on a key
 *       pair, or the reverse, with {@code core.crypto.key-type-mismatch}.
 *   <li>Secret keys encrypt with their suite's authenticated encryption ({@link
 *       io.remotebank.core.crypto.CryptoSuite#seal}), key pairs sign with their suite's signature, so
 *       results verify with the suite alone.
 *   <li>All methods are safe to call from many threads.
 * </ul>
 */
@API(status = STABLE, since = "0.1")
public interface KeyProvider {

    /**
     * Generates a new key.
     *
     * @param id its id
     * @param type its type
     * @throws io.remotebank.core.CryptoException with {@code core.crypto.key-exists} when the id is
     *     taken (by a live or a destroyed key)
     */
    void generate(KeyId id, KeyType type);

    /**
     * Describes a key, live or destroyed.
     *
     * @param id the id
     * @return its description, or empty when the id was never used
     */
    Optional<KeyDescription> describe(KeyId id);

    /**
     * The live keys whose ids start with a prefix, in id order.
     *
     * @param prefix e.g. {@code subject/C1001/}; empty for all
     * @return the ids
     */
    List<KeyId> list(String prefix);

    /**
     * Encrypts with a secret key (authenticated; a fresh nonce each time).
     *
     * @param id a secret key
     * @param plaintext the data
     * @param associatedData authenticated, not encrypted
     * @return the sealed data
     */
    byte[] encrypt(KeyId id, byte[] plaintext, byte[] associatedData);

    /**
     * Decrypts what {@link #encrypt} produced.
     *
     * @param id the same secret key
     * @param ciphertext the sealed data
     * @param associatedData the same associated data
     * @return the plaintext
     * @throws io.remotebank.core.CryptoException with {@code core.crypto.authentication-failed} when
     *     the data or associated data were altered
     */
    byte[] decrypt(KeyId id, byte[] ciphertext, byte[] associatedData);

    /**
     * Signs with a key pair.
     *
     * @param id a key pair
     * @param data the data
     * @param options the encoding, and for SM2 the user ID
     * @return the signature
     */
    byte[] sign(KeyId id, byte[] data, SignatureOptions options);

    /**
     * The public key of a key pair.
     *
     * @param id a key pair
     * @return its public key
     */
    PublicKeyInfo publicKey(KeyId id);

    /**
     * Destroys a key: its material is gone and everything it protected is unreadable for good
     * (crypto-shredding). Destroying a destroyed key does nothing.
     *
     * @param id the key
     * @throws io.remotebank.core.CryptoException with {@code core.crypto.key-not-found} for an unknown id
     */
    void destroy(KeyId id);

    /**
     * Verifies a signature made with one of this provider's key pairs.
     *
     * @param id the key pair
     * @param data the data
     * @param signature the signature
     * @param options as when signing
     * @return whether it is valid
     */
    default boolean verify(KeyId id, byte[] data, byte[] signature, SignatureOptions options) {
        PublicKeyInfo key = publicKey(id);
        return key.type().suite().verify(key, data, signature, options);
    }
}
