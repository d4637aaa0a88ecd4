package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.crypto.SignatureEncoding;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.apiguardian.api.API;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSAEncoding;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * SM2 signatures (GB/T 32918.2) and encryption (GB/T 32918.4) over BouncyCastle's lightweight API,
 * on any curve: the suite passes sm2p256v1, the tests the standards' example curves.
 */
@API(status = INTERNAL, since = "0.1")
public final class Sm2 {

    private Sm2() {}

    /**
     * Signs: e = SM3(Z_A || M), Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA) (clause 5.5).
     *
     * @param key the private key
     * @param userId the signer's ID
     * @param data the message M
     * @param encoding DER or r||s
     * @param random source of k
     * @return the signature
     */
    public static byte[] sign(
            ECPrivateKeyParameters key, String userId, byte[] data, SignatureEncoding encoding, SecureRandom random) {
        SM2Signer signer = new SM2Signer(encoding(encoding), new SM3Digest());
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), id(userId)));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "SM2 signing failed", e);
        }
    }

    /**
     * Verifies; a malformed signature is simply invalid.
     *
     * @param key the public key
     * @param userId the signer's ID
     * @param data the message
     * @param signature the signature
     * @param encoding DER or r||s
     * @return whether it is valid
     */
    public static boolean verify(
            ECPublicKeyParameters key, String userId, byte[] data, byte[] signature, SignatureEncoding encoding) {
        SM2Signer verifier = new SM2Signer(encoding(encoding), new SM3Digest());
        verifier.init(false, new ParametersWithID(key, id(userId)));
        verifier.update(data, 0, data.length);
        try {
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Encrypts: C1 || C3 || C2 (clause 6.1 of GB/T 32918.4-2016).
     *
     * @param key the recipient's public key
     * @param plaintext the data, not empty
     * @param random source of k
     * @return the ciphertext
     */
    public static byte[] encrypt(ECPublicKeyParameters key, byte[] plaintext, SecureRandom random) {
        Arguments.length(plaintext, 1, Integer.MAX_VALUE, "plaintext");
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(key, random));
        try {
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "SM2 encryption failed", e);
        }
    }

    /**
     * Decrypts C1 || C3 || C2.
     *
     * @param key the private key
     * @param ciphertext the ciphertext
     * @return the plaintext
     */
    public static byte[] decrypt(ECPrivateKeyParameters key, byte[] ciphertext) {
        Arguments.notNull(ciphertext, "ciphertext");
        int fieldBytes = (key.getParameters().getCurve().getFieldSize() + 7) / 8;
        if (ciphertext.length < 1 + 2 * fieldBytes + 32 + 1) {
            throw new CryptoException(
                    CoreError.CRYPTO_MALFORMED, "an SM2 ciphertext holds C1, C3 and at least one byte of C2");
        }
        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(false, key);
        try {
            return engine.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException(
                    CoreError.AUTHENTICATION_FAILED,
                    "SM2 decryption failed: C3 does not match (altered or wrong key)",
                    e);
        } catch (RuntimeException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "not an SM2 ciphertext: " + e.getMessage(), e);
        }
    }

    private static byte[] id(String userId) {
        return userId.getBytes(StandardCharsets.UTF_8);
    }

    private static DSAEncoding encoding(SignatureEncoding encoding) {
        return encoding == SignatureEncoding.DER ? StandardDSAEncoding.INSTANCE : PlainDSAEncoding.INSTANCE;
    }
}
