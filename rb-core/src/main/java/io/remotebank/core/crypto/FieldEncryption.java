package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.CustomerId;
import io.remotebank.core.spi.KeyProvider;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Envelope encryption of personal data with one key per data subject (customer).
 *
 * <p>Each field gets a fresh data key; the data key is sealed ("wrapped") by the subject's current
 * key in the {@link KeyProvider} ({@code subject/<customer id>/v<n>}); the field names that key and
 * its algorithm ({@link EncryptedField}). So:
 *
 * <ul>
 *   <li>{@link #rotate} starts a new key version; fields under older versions stay readable;
 *   <li>changing the suite changes new fields only; old ones name their own algorithm;
 *   <li>{@link #shred} destroys every version of a subject's key: every field of that customer,
 *       wherever it was copied (databases, backups, the audit trail), becomes unreadable for good,
 *       which answers a PIPL erasure request without touching the copies. Reading one then fails
 *       with {@code core.crypto.key-destroyed}.
 * </ul>
 *
 * <p>A caller may bind a field to its context (e.g. a record id) as associated data, so that a
 * field moved to another record no longer decrypts. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FieldEncryption {

    private static final String PREFIX = "subject/";

    private final KeyProvider keys;
    private final CryptoSuite suite;

    private FieldEncryption(KeyProvider keys, CryptoSuite suite) {
        this.keys = keys;
        this.suite = suite;
    }

    /**
     * Field encryption over a key provider.
     *
     * @param keys where the subjects' keys live
     * @param suite the suite of new fields and new subject keys
     * @return the field encryption
     */
    public static FieldEncryption create(KeyProvider keys, CryptoSuite suite) {
        return new FieldEncryption(Arguments.notNull(keys, "keys"), Arguments.notNull(suite, "suite"));
    }

    /**
     * Encrypts a field of a subject, creating the subject's first key if needed.
     *
     * @param subject the customer the data is about
     * @param plaintext the data
     * @param context associated data the field is bound to (may be empty, not null)
     * @return the encrypted field
     */
    public EncryptedField encrypt(CustomerId subject, byte[] plaintext, byte[] context) {
        Arguments.notNull(subject, "subject");
        Arguments.notNull(plaintext, "plaintext");
        Arguments.notNull(context, "context");
        KeyId keyId = currentKey(subject);
        String algorithm = suite.aeadAlgorithm();
        byte[] dataKey = suite.generateSecretKey();
        try {
            byte[] payload = suite.seal(dataKey, plaintext, payloadBinding(algorithm, keyId, context));
            byte[] wrapped = keys.encrypt(keyId, dataKey, wrapBinding(algorithm, keyId));
            return new EncryptedField(algorithm, keyId, wrapped, payload);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Encrypts a text field.
     *
     * @param subject the customer
     * @param plaintext the text
     * @return the encrypted field, not bound to a context
     */
    public EncryptedField encrypt(CustomerId subject, String plaintext) {
        Arguments.notNull(plaintext, "plaintext");
        return encrypt(subject, plaintext.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    /**
     * Decrypts a field.
     *
     * @param field the field
     * @param context the same associated data as when encrypting
     * @return the plaintext
     * @throws CryptoException with {@code core.crypto.key-destroyed} when the subject was shredded,
     *     {@code core.crypto.authentication-failed} when the field or context was altered
     */
    public byte[] decrypt(EncryptedField field, byte[] context) {
        Arguments.notNull(field, "field");
        Arguments.notNull(context, "context");
        CryptoSuite payloadSuite = suiteOf(field.algorithm());
        byte[] dataKey = keys.decrypt(field.keyId(), field.wrappedKey(), wrapBinding(field.algorithm(), field.keyId()));
        try {
            return payloadSuite.open(
                    dataKey, field.payload(), payloadBinding(field.algorithm(), field.keyId(), context));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Decrypts a text field encrypted without context.
     *
     * @param field the field
     * @return the text
     */
    public String decryptString(EncryptedField field) {
        return new String(decrypt(field, new byte[0]), StandardCharsets.UTF_8);
    }

    /**
     * The subject's current key, created (version after the highest ever used) when it has none.
     *
     * @param subject the customer
     * @return the key id
     */
    public KeyId currentKey(CustomerId subject) {
        Arguments.notNull(subject, "subject");
        // Start from version 1 (skipping destroyed versions), not from a fresh listing: a thread that
        // lost the race to create the first key must use that key, not create a second one.
        return latest(subject).orElseGet(() -> createFrom(subject, 1));
    }

    /**
     * Starts a new key version for a subject; fields under older versions stay readable.
     *
     * @param subject the customer
     * @return the new key id
     */
    public KeyId rotate(CustomerId subject) {
        Arguments.notNull(subject, "subject");
        return createFrom(
                subject, latest(subject).map(id -> version(subject, id)).orElse(0) + 1);
    }

    /**
     * Destroys every key version of a subject (crypto-shredding): all of that customer's fields
     * become unreadable everywhere. New fields encrypted afterwards get a new key.
     *
     * @param subject the customer
     * @return how many key versions were destroyed
     */
    public int shred(CustomerId subject) {
        Arguments.notNull(subject, "subject");
        List<KeyId> versions = keys.list(prefix(subject));
        for (KeyId id : versions) {
            keys.destroy(id);
        }
        return versions.size();
    }

    private Optional<KeyId> latest(CustomerId subject) {
        KeyId best = null;
        int bestVersion = 0;
        for (KeyId id : keys.list(prefix(subject))) {
            int version = version(subject, id);
            if (version > bestVersion) {
                best = id;
                bestVersion = version;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Creates the first free version from {@code version} on; a live key made meanwhile by another thread wins. */
    private KeyId createFrom(CustomerId subject, int firstVersion) {
        int version = firstVersion;
        for (int attempts = 0; attempts < 10_000; attempts++, version++) {
            KeyId id = KeyId.of(prefix(subject) + "v" + version);
            try {
                keys.generate(id, suite.secretKeyType());
                return id;
            } catch (CryptoException e) {
                if (e.code() != CoreError.KEY_EXISTS) {
                    throw e;
                }
                // Taken by a destroyed version, or by another thread just now: use theirs if live.
                Optional<KeyDescription> taken = keys.describe(id);
                if (taken.isPresent() && taken.get().usable()) {
                    return id;
                }
            }
        }
        throw new CryptoException(CoreError.KEY_EXISTS, "cannot find a free key version for subject " + subject);
    }

    private static String prefix(CustomerId subject) {
        return PREFIX + subject.value() + "/";
    }

    private static int version(CustomerId subject, KeyId id) {
        String rest = id.value().substring(prefix(subject).length());
        if (!rest.matches("v[1-9][0-9]{0,8}")) {
            return 0;
        }
        return Integer.parseInt(rest.substring(1));
    }

    private static CryptoSuite suiteOf(String algorithm) {
        return switch (algorithm) {
            case "AES-256-GCM" -> CryptoSuite.international();
            case "SM4-GCM" -> CryptoSuite.sm();
            default ->
                throw new CryptoException(CoreError.ALGORITHM_UNSUPPORTED, "unknown field algorithm " + algorithm);
        };
    }

    private static byte[] wrapBinding(String algorithm, KeyId keyId) {
        return (EncryptedField.VERSION + "|dek|" + algorithm + "|" + keyId.value()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] payloadBinding(String algorithm, KeyId keyId, byte[] context) {
        byte[] head = (EncryptedField.VERSION + "|data|" + algorithm + "|" + keyId.value() + "|")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + context.length);
        System.arraycopy(context, 0, out, head.length, context.length);
        return out;
    }

    @Override
    public String toString() {
        return "FieldEncryption[" + suite.name() + " over " + keys + "]";
    }
}
