package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import io.remotebank.core.internal.crypto.InternationalSuite;
import io.remotebank.core.internal.crypto.SmSuite;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One set of algorithms for everything the SDK hashes, authenticates, signs and encrypts, so that a
 * bank switches between the international algorithms and China's SM2/SM3/SM4 by configuration
 * ({@link #named(String)}), not by code.
 *
 * <table>
 *   <caption>The two suites</caption>
 *   <tr><th></th><th>{@link #international()}</th><th>{@link #sm()}</th></tr>
 *   <tr><td>hash</td><td>SHA-256</td><td>SM3 (GB/T 32905)</td></tr>
 *   <tr><td>MAC</td><td>HMAC-SHA256</td><td>HMAC-SM3</td></tr>
 *   <tr><td>signature</td><td>ECDSA P-256 with SHA-256</td><td>SM2 with SM3 and a user ID (GB/T 32918.2)</td></tr>
 *   <tr><td>authenticated encryption</td><td>AES-256-GCM</td><td>SM4-GCM (GB/T 32907, RFC 8998)</td></tr>
 *   <tr><td>CBC (legacy)</td><td>AES-256-CBC</td><td>SM4-CBC</td></tr>
 *   <tr><td>public-key encryption</td><td>none</td><td>SM2, C1||C3||C2 (GB/T 32918.4)</td></tr>
 * </table>
 *
 * <p>The international suite runs on the JDK's providers (hardware-accelerated, and replaceable by
 * a bank's FIPS provider); the SM suite on BouncyCastle's lightweight API, without registering a
 * global JCA provider. Suites are thread-safe; every nonce, IV and key comes from {@link
 * java.security.SecureRandom}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface CryptoSuite {

    /** SHA-256, HMAC-SHA256, ECDSA P-256, AES-256-GCM. */
    static CryptoSuite international() {
        return InternationalSuite.INSTANCE;
    }

    /** SM3, HMAC-SM3, SM2, SM4-GCM / SM4-CBC, SM2 encryption. */
    static CryptoSuite sm() {
        return SmSuite.INSTANCE;
    }

    /**
     * A suite by name, for configuration files.
     *
     * @param name {@code INTERNATIONAL} or {@code SM} (any case)
     * @return the suite
     * @throws ValidationException with {@link CoreError#ARGUMENT_INVALID} for another name
     */
    static CryptoSuite named(String name) {
        Arguments.notBlank(name, "crypto suite name");
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "INTERNATIONAL" -> international();
            case "SM" -> sm();
            default ->
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "unknown crypto suite '" + name + "'; known: INTERNATIONAL, SM");
        };
    }

    /** {@code INTERNATIONAL} or {@code SM}. */
    String name();

    /** The hash, {@code SHA-256} or {@code SM3}. */
    String digestAlgorithm();

    /**
     * Hashes bytes.
     *
     * @param data the bytes
     * @return the 32-byte hash
     */
    byte[] digest(byte[] data);

    /** A new incremental hash. */
    MessageDigester newDigester();

    /**
     * Computes an HMAC.
     *
     * @param key the key (any length; 32 bytes recommended)
     * @param data the data
     * @return the 32-byte MAC
     */
    byte[] hmac(byte[] key, byte[] data);

    /** The signature algorithm, {@code ECDSA-P256-SHA256} or {@code SM2-SM3}. */
    String signatureAlgorithm();

    /** The key type of this suite's signing keys. */
    KeyType signingKeyType();

    /** Generates a signing key pair. */
    KeyPairMaterial generateSigningKeyPair();

    /**
     * Signs data.
     *
     * @param privateKey PKCS#8 DER of a {@link #signingKeyType()} key
     * @param data the data (hashed by the algorithm)
     * @param options the encoding, and for SM2 the user ID
     * @return the signature
     * @throws io.remotebank.core.CryptoException with {@code core.crypto.key-type-mismatch} or
     *     {@code core.crypto.malformed} for a wrong or damaged key
     * @throws ValidationException when the options do not fit the algorithm (SM2 needs a user ID,
     *     ECDSA takes none)
     */
    byte[] sign(byte[] privateKey, byte[] data, SignatureOptions options);

    /**
     * Verifies a signature. Malformed signatures verify as false.
     *
     * @param publicKey the signer's public key
     * @param data the data
     * @param signature the signature
     * @param options the encoding, and for SM2 the user ID used when signing
     * @return whether the signature is valid
     */
    boolean verify(PublicKeyInfo publicKey, byte[] data, byte[] signature, SignatureOptions options);

    /** The authenticated encryption, {@code AES-256-GCM} or {@code SM4-GCM}. */
    String aeadAlgorithm();

    /** The key type of this suite's secret keys. */
    KeyType secretKeyType();

    /** A fresh random secret key for {@link #seal}: 32 bytes (AES-256) or 16 bytes (SM4). */
    byte[] generateSecretKey();

    /**
     * Encrypts and authenticates, with a fresh random 96-bit nonce and a 128-bit tag.
     *
     * @param key the secret key
     * @param plaintext the data
     * @param associatedData authenticated but not encrypted (may be empty)
     * @return nonce (12 bytes) || ciphertext || tag (16 bytes)
     */
    byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData);

    /**
     * Decrypts and checks what {@link #seal} produced.
     *
     * @param key the secret key
     * @param ciphertext nonce || ciphertext || tag
     * @param associatedData the same associated data as when sealing
     * @return the plaintext
     * @throws io.remotebank.core.CryptoException with {@code core.crypto.authentication-failed}
     *     when anything was altered or the key is wrong, {@code core.crypto.malformed} when too short
     */
    byte[] open(byte[] key, byte[] ciphertext, byte[] associatedData);

    /** CBC with PKCS#7 padding, for legacy interfaces. */
    CbcCipher cbc();

    /** Public-key encryption, if the suite has one (SM2 in the SM suite). */
    Optional<PublicKeyEncryption> publicKeyEncryption();
}
