package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A field encrypted by {@link FieldEncryption}: it names the key that wraps its data key and the
 * algorithm of its payload, so it stays readable after keys rotate and suites change.
 *
 * <p>Text form: {@code rbf1.<algorithm>.<key id>.<wrapped data key>.<payload>}, the last three in
 * unpadded Base64url (the key id in UTF-8), e.g. {@code rbf1.SM4-GCM.c3ViamVjdC9DMS92MQ.…}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EncryptedField {

    static final String VERSION = "rbf1";

    private final String algorithm;
    private final KeyId keyId;
    private final byte[] wrappedKey;
    private final byte[] payload;

    /**
     * Creates a field.
     *
     * @param algorithm the payload's AEAD, {@code AES-256-GCM} or {@code SM4-GCM}
     * @param keyId the key that wraps the data key
     * @param wrappedKey the data key, sealed by {@code keyId}
     * @param payload the data, sealed by the data key
     */
    public EncryptedField(String algorithm, KeyId keyId, byte[] wrappedKey, byte[] payload) {
        this.algorithm = Arguments.notBlank(algorithm, "algorithm");
        this.keyId = Arguments.notNull(keyId, "keyId");
        this.wrappedKey = Arguments.notNull(wrappedKey, "wrappedKey").clone();
        this.payload = Arguments.notNull(payload, "payload").clone();
        if (!algorithm.equals("AES-256-GCM") && !algorithm.equals("SM4-GCM")) {
            throw new CryptoException(
                    CoreError.ALGORITHM_UNSUPPORTED,
                    "unknown field algorithm '" + algorithm + "'; known: AES-256-GCM, SM4-GCM");
        }
    }

    /**
     * Parses the text form.
     *
     * @param text the text
     * @return the field
     * @throws CryptoException with {@link CoreError#CRYPTO_MALFORMED} when it is not one
     */
    public static EncryptedField parse(String text) {
        Arguments.notNull(text, "text");
        String[] parts = text.split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION)) {
            throw new CryptoException(
                    CoreError.CRYPTO_MALFORMED, "an encrypted field reads rbf1.<alg>.<key>.<wrapped key>.<payload>");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            return new EncryptedField(
                    parts[1],
                    KeyId.of(new String(b64.decode(parts[2]), StandardCharsets.UTF_8)),
                    b64.decode(parts[3]),
                    b64.decode(parts[4]));
        } catch (IllegalArgumentException | io.remotebank.core.ValidationException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "a part of the encrypted field is malformed", e);
        }
    }

    /** The text form. */
    public String encode() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return VERSION + "." + algorithm + "."
                + b64.encodeToString(keyId.value().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(wrappedKey) + "." + b64.encodeToString(payload);
    }

    /** The payload's algorithm. */
    public String algorithm() {
        return algorithm;
    }

    /** The key that wraps the data key. */
    public KeyId keyId() {
        return keyId;
    }

    /** The wrapped data key (a copy). */
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /** The sealed payload (a copy). */
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedField f
                && f.algorithm.equals(algorithm)
                && f.keyId.equals(keyId)
                && Arrays.equals(f.wrappedKey, wrappedKey)
                && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, keyId, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "EncryptedField[" + algorithm + ", key " + keyId + ", " + payload.length + " bytes]";
    }
}
