package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Public-key encryption: SM2 encryption (GB/T 32918.4) with ciphertext in C1||C3||C2 order. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface PublicKeyEncryption {

    /** The algorithm, {@code SM2-C1C3C2}. */
    String algorithm();

    /**
     * Encrypts for the holder of a private key.
     *
     * @param recipient the recipient's public key
     * @param plaintext the data (not empty)
     * @return C1 (uncompressed point, 65 bytes) || C3 (32 bytes) || C2
     */
    byte[] encrypt(PublicKeyInfo recipient, byte[] plaintext);

    /**
     * Decrypts with a private key.
     *
     * @param privateKey the recipient's private key (PKCS#8 DER)
     * @param ciphertext C1 || C3 || C2
     * @return the plaintext
     * @throws io.remotebank.core.CryptoException with {@code core.crypto.authentication-failed}
     *     when C3 does not match, {@code core.crypto.malformed} when the input is not a ciphertext
     */
    byte[] decrypt(byte[] privateKey, byte[] ciphertext);
}
