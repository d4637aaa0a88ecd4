package io.remotebank.core.internal.crypto;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.crypto.CbcCipher;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyType;
import java.util.Arrays;

/**
 * The part of a suite that both suites share around their block cipher: a fresh nonce or IV per
 * message, written in front of the ciphertext, and the checks of key and input lengths. Each suite
 * supplies only the raw GCM and CBC operations of its cipher (AES-256 or SM4).
 */
abstract class SymmetricSuite implements CryptoSuite {

    private final int keyLength;
    private final String aead;
    private final KeyType secretKeyType;
    private final CbcCipher cbc;

    SymmetricSuite(int keyLength, String aead, KeyType secretKeyType, String cbcName) {
        this.keyLength = keyLength;
        this.aead = aead;
        this.secretKeyType = secretKeyType;
        this.cbc = new Cbc(cbcName);
    }

    /** GCM with a given nonce and a 128-bit tag; the output of encryption is ciphertext || tag. */
    abstract byte[] gcmOperation(
            boolean encrypt, byte[] key, byte[] nonce, byte[] input, int offset, int length, byte[] aad);

    /** CBC with PKCS#7 padding and a given IV. */
    abstract byte[] cbcOperation(boolean encrypt, byte[] key, byte[] iv, byte[] input, int offset, int length);

    @Override
    public final String aeadAlgorithm() {
        return aead;
    }

    @Override
    public final KeyType secretKeyType() {
        return secretKeyType;
    }

    @Override
    public final byte[] generateSecretKey() {
        byte[] key = new byte[keyLength];
        Checks.RANDOM.nextBytes(key);
        return key;
    }

    @Override
    public final CbcCipher cbc() {
        return cbc;
    }

    @Override
    public final byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData) {
        Checks.secretKey(key, keyLength, aead);
        Arguments.notNull(plaintext, "plaintext");
        byte[] nonce = Checks.nonce();
        return prefixed(nonce, gcmOperation(true, key, nonce, plaintext, 0, plaintext.length, associatedData));
    }

    @Override
    public final byte[] open(byte[] key, byte[] ciphertext, byte[] associatedData) {
        Checks.secretKey(key, keyLength, aead);
        Checks.sealedLength(ciphertext);
        return gcmOperation(
                false,
                key,
                Arrays.copyOf(ciphertext, Checks.NONCE_LENGTH),
                ciphertext,
                Checks.NONCE_LENGTH,
                ciphertext.length - Checks.NONCE_LENGTH,
                associatedData);
    }

    private static byte[] prefixed(byte[] head, byte[] tail) {
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    /** CBC with PKCS#7 padding, the IV written in front. */
    private final class Cbc implements CbcCipher {
        private final String name;

        Cbc(String name) {
            this.name = name;
        }

        @Override
        public String algorithm() {
            return name;
        }

        @Override
        public byte[] encrypt(byte[] key, byte[] plaintext) {
            byte[] iv = new byte[Checks.BLOCK];
            Checks.RANDOM.nextBytes(iv);
            return prefixed(iv, encrypt(key, iv, plaintext));
        }

        @Override
        public byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) {
            Checks.secretKey(key, keyLength, name);
            Arguments.length(iv, Checks.BLOCK, Checks.BLOCK, "iv");
            Arguments.notNull(plaintext, "plaintext");
            return cbcOperation(true, key, iv, plaintext, 0, plaintext.length);
        }

        @Override
        public byte[] decrypt(byte[] key, byte[] ivAndCiphertext) {
            Checks.secretKey(key, keyLength, name);
            Arguments.notNull(ivAndCiphertext, "ivAndCiphertext");
            if (ivAndCiphertext.length < 2 * Checks.BLOCK || ivAndCiphertext.length % Checks.BLOCK != 0) {
                throw new CryptoException(
                        CoreError.CRYPTO_MALFORMED,
                        name + " input must be an IV and at least one block, a multiple of 16 bytes; got "
                                + ivAndCiphertext.length);
            }
            return cbcOperation(
                    false,
                    key,
                    Arrays.copyOf(ivAndCiphertext, Checks.BLOCK),
                    ivAndCiphertext,
                    Checks.BLOCK,
                    ivAndCiphertext.length - Checks.BLOCK);
        }
    }
}
