package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.internal.crypto.KeyCodec;
import java.util.Arrays;
import java.util.Base64;
import org.apiguardian.api.API;

/**
 * A public key as X.509 {@code SubjectPublicKeyInfo} (DER): what a third party needs to verify a
 * signature, writable as PEM.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PublicKeyInfo {

    private final KeyType type;
    private final byte[] encoded;

    private PublicKeyInfo(KeyType type, byte[] encoded) {
        this.type = type;
        this.encoded = encoded;
    }

    /**
     * Reads a DER {@code SubjectPublicKeyInfo}.
     *
     * @param der the encoding
     * @return the key
     * @throws CryptoException with {@link CoreError#CRYPTO_MALFORMED} when it is not an EC P-256 or
     *     SM2 public key
     */
    public static PublicKeyInfo fromDer(byte[] der) {
        Arguments.notNull(der, "der");
        byte[] copy = der.clone();
        return new PublicKeyInfo(KeyCodec.publicKeyType(copy), copy);
    }

    /**
     * Reads a PEM {@code PUBLIC KEY} block.
     *
     * @param pem the text
     * @return the key
     * @throws CryptoException with {@link CoreError#CRYPTO_MALFORMED} when it is not one
     */
    public static PublicKeyInfo fromPem(String pem) {
        Arguments.notNull(pem, "pem");
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "not a PEM PUBLIC KEY block");
        }
        try {
            return fromDer(Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e)));
        } catch (IllegalArgumentException ex) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "the PEM block is not valid Base64", ex);
        }
    }

    /** The key's type: {@link KeyType#EC_P256} or {@link KeyType#SM2}. */
    public KeyType type() {
        return type;
    }

    /** The DER {@code SubjectPublicKeyInfo} (a copy). */
    public byte[] der() {
        return encoded.clone();
    }

    /** The PEM {@code PUBLIC KEY} block. */
    public String toPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(encoded)
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKeyInfo p && Arrays.equals(p.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "PublicKeyInfo[" + type + ", " + encoded.length + " bytes]";
    }
}
