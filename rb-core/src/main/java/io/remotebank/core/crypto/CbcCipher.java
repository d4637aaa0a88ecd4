package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A block cipher in CBC mode with PKCS#7 padding (AES-256-CBC or SM4-CBC), for exchanging data with
 * systems that predate authenticated encryption. It gives confidentiality only: prefer {@link
 * CryptoSuite#seal}. The IV is the first block of the output.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CbcCipher {

    /** The algorithm, {@code AES-256-CBC} or {@code SM4-CBC}. */
    String algorithm();

    /**
     * Encrypts with a fresh random IV.
     *
     * @param key the key (32 bytes for AES-256, 16 for SM4)
     * @param plaintext the data
     * @return IV || ciphertext
     */
    byte[] encrypt(byte[] key, byte[] plaintext);

    /**
     * Encrypts with a given IV (for interoperability tests and protocols that fix the IV).
     *
     * @param key the key
     * @param iv the IV, one block (16 bytes)
     * @param plaintext the data
     * @return the ciphertext alone (without the IV)
     */
    byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext);

    /**
     * Decrypts what {@link #encrypt(byte[], byte[])} produced.
     *
     * @param key the key
     * @param ivAndCiphertext IV || ciphertext
     * @return the plaintext
     * @throws io.remotebank.core.CryptoException with {@code core.crypto.malformed} on a bad length
     *     or padding
     */
    byte[] decrypt(byte[] key, byte[] ivAndCiphertext);
}
