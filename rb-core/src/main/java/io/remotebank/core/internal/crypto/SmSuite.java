package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.crypto.KeyPairMaterial;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.crypto.MessageDigester;
import io.remotebank.core.crypto.PublicKeyEncryption;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.crypto.SignatureOptions;
import java.util.Arrays;
import java.util.Optional;
import org.apiguardian.api.API;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** SM3, HMAC-SM3, SM2, SM4-GCM, SM4-CBC and SM2 encryption on BouncyCastle's lightweight API. */
@API(status = INTERNAL, since = "0.1")
public final class SmSuite extends SymmetricSuite {

    /** The one instance. */
    public static final SmSuite INSTANCE = new SmSuite();

    private static final int SM4_KEY = 16;
    private static final ThreadLocal<SM3Digest> SM3 = ThreadLocal.withInitial(SM3Digest::new);

    private final PublicKeyEncryption sm2Encryption = new Sm2Encryption();

    private SmSuite() {
        super(SM4_KEY, "SM4-GCM", KeyType.SM4, "SM4-CBC");
    }

    @Override
    byte[] gcmOperation(boolean encrypt, byte[] key, byte[] nonce, byte[] input, int offset, int length, byte[] aad) {
        return gcm(encrypt, key, nonce, input, offset, length, aad);
    }

    @Override
    byte[] cbcOperation(boolean encrypt, byte[] key, byte[] iv, byte[] input, int offset, int length) {
        return sm4Cbc(encrypt, key, iv, input, offset, length);
    }

    @Override
    public String name() {
        return "SM";
    }

    @Override
    public String digestAlgorithm() {
        return "SM3";
    }

    @Override
    public byte[] digest(byte[] data) {
        Arguments.notNull(data, "data");
        SM3Digest sm3 = SM3.get();
        sm3.update(data, 0, data.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        return out;
    }

    @Override
    public MessageDigester newDigester() {
        SM3Digest sm3 = new SM3Digest();
        return new MessageDigester() {
            @Override
            public MessageDigester update(byte b) {
                sm3.update(b);
                return this;
            }

            @Override
            public MessageDigester update(byte[] data, int offset, int length) {
                sm3.update(data, offset, length);
                return this;
            }

            @Override
            public byte[] digest() {
                byte[] out = new byte[32];
                sm3.doFinal(out, 0);
                return out;
            }

            @Override
            public int length() {
                return 32;
            }
        };
    }

    @Override
    public byte[] hmac(byte[] key, byte[] data) {
        Arguments.length(key, 1, Integer.MAX_VALUE, "HMAC key");
        Arguments.notNull(data, "data");
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }

    @Override
    public String signatureAlgorithm() {
        return "SM2-SM3";
    }

    @Override
    public KeyType signingKeyType() {
        return KeyType.SM2;
    }

    @Override
    public KeyPairMaterial generateSigningKeyPair() {
        AsymmetricCipherKeyPair pair = KeyCodec.generateSm2(Checks.RANDOM);
        return new KeyPairMaterial(
                PublicKeyInfo.fromDer(KeyCodec.encodePublic(pair.getPublic())),
                KeyCodec.encodePrivate(pair.getPrivate()));
    }

    @Override
    public byte[] sign(byte[] privateKey, byte[] data, SignatureOptions options) {
        Arguments.notNull(privateKey, "privateKey");
        Arguments.notNull(data, "data");
        String userId = Checks.sm2UserId(options);
        return Sm2.sign(KeyCodec.sm2Private(privateKey), userId, data, options.encoding(), Checks.RANDOM);
    }

    @Override
    public boolean verify(PublicKeyInfo publicKey, byte[] data, byte[] signature, SignatureOptions options) {
        Arguments.notNull(publicKey, "publicKey");
        Arguments.notNull(data, "data");
        Arguments.notNull(signature, "signature");
        String userId = Checks.sm2UserId(options);
        KeyCodec.require(publicKey.type(), KeyType.SM2, "public key");
        return Sm2.verify(KeyCodec.sm2Public(publicKey.der()), userId, data, signature, options.encoding());
    }

    /**
     * SM4-GCM with a given nonce (for test vectors; {@link #seal} always draws a fresh one).
     *
     * @param encrypt true to encrypt
     * @param key 16 bytes
     * @param nonce 12 bytes
     * @param input the input
     * @param offset where it starts
     * @param length its length
     * @param associatedData authenticated data, may be null
     * @return ciphertext || tag, or the plaintext
     */
    public static byte[] gcm(
            boolean encrypt, byte[] key, byte[] nonce, byte[] input, int offset, int length, byte[] associatedData) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(
                encrypt,
                new AEADParameters(
                        new KeyParameter(key), Checks.TAG_LENGTH * 8, nonce, Checks.emptyIfNull(associatedData)));
        byte[] out = new byte[gcm.getOutputSize(length)];
        int n = gcm.processBytes(input, offset, length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException(
                    CoreError.AUTHENTICATION_FAILED, "SM4-GCM authentication failed: data altered or wrong key", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    public Optional<PublicKeyEncryption> publicKeyEncryption() {
        return Optional.of(sm2Encryption);
    }

    @Override
    public String toString() {
        return "CryptoSuite[SM]";
    }

    /** SM4-CBC with PKCS#7 padding and a given IV. */
    private static byte[] sm4Cbc(boolean encrypt, byte[] key, byte[] iv, byte[] input, int offset, int length) {
        BufferedBlockCipher cipher =
                new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()), new PKCS7Padding());
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[cipher.getOutputSize(length)];
        int n = cipher.processBytes(input, offset, length, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "SM4-CBC: bad padding", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** SM2 encryption, C1 || C3 || C2. */
    private static final class Sm2Encryption implements PublicKeyEncryption {
        @Override
        public String algorithm() {
            return "SM2-C1C3C2";
        }

        @Override
        public byte[] encrypt(PublicKeyInfo recipient, byte[] plaintext) {
            Arguments.notNull(recipient, "recipient");
            KeyCodec.require(recipient.type(), KeyType.SM2, "public key");
            return Sm2.encrypt(KeyCodec.sm2Public(recipient.der()), plaintext, Checks.RANDOM);
        }

        @Override
        public byte[] decrypt(byte[] privateKey, byte[] ciphertext) {
            Arguments.notNull(privateKey, "privateKey");
            return Sm2.decrypt(KeyCodec.sm2Private(privateKey), ciphertext);
        }
    }
}
