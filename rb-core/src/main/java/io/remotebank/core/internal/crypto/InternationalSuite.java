package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.crypto.CbcCipher;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.KeyPairMaterial;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.crypto.MessageDigester;
import io.remotebank.core.crypto.PublicKeyEncryption;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.crypto.SignatureEncoding;
import io.remotebank.core.crypto.SignatureOptions;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/** SHA-256, HMAC-SHA256, ECDSA P-256, AES-256-GCM and AES-256-CBC on the JDK's providers. */
@API(status = INTERNAL, since = "0.1")
public final class InternationalSuite implements CryptoSuite {

    /** The one instance. */
    public static final InternationalSuite INSTANCE = new InternationalSuite();

    private static final int AES_KEY = 32;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> jdk("SHA-256"));
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    });

    private final CbcCipher cbc = new AesCbc();

    private InternationalSuite() {}

    @Override
    public String name() {
        return "INTERNATIONAL";
    }

    @Override
    public String digestAlgorithm() {
        return "SHA-256";
    }

    @Override
    public byte[] digest(byte[] data) {
        Arguments.notNull(data, "data");
        return SHA256.get().digest(data);
    }

    @Override
    public MessageDigester newDigester() {
        MessageDigest md = jdk("SHA-256");
        return new MessageDigester() {
            @Override
            public MessageDigester update(byte b) {
                md.update(b);
                return this;
            }

            @Override
            public MessageDigester update(byte[] data, int offset, int length) {
                md.update(data, offset, length);
                return this;
            }

            @Override
            public byte[] digest() {
                return md.digest();
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
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "HMAC-SHA256 rejects the key", e);
        }
        return mac.doFinal(data);
    }

    @Override
    public String signatureAlgorithm() {
        return "ECDSA-P256-SHA256";
    }

    @Override
    public KeyType signingKeyType() {
        return KeyType.EC_P256;
    }

    @Override
    public KeyPairMaterial generateSigningKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), Checks.RANDOM);
            KeyPair pair = generator.generateKeyPair();
            return new KeyPairMaterial(
                    PublicKeyInfo.fromDer(pair.getPublic().getEncoded()),
                    pair.getPrivate().getEncoded());
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("the JDK cannot generate P-256 keys", e);
        }
    }

    @Override
    public byte[] sign(byte[] privateKey, byte[] data, SignatureOptions options) {
        Arguments.notNull(privateKey, "privateKey");
        Arguments.notNull(data, "data");
        Checks.ecdsaOptions(options);
        KeyCodec.require(KeyCodec.privateKeyType(privateKey), KeyType.EC_P256, "private key");
        try {
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            Signature signature = Signature.getInstance(ecdsa(options.encoding()));
            signature.initSign(key, Checks.RANDOM);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new CryptoException(
                    CoreError.CRYPTO_MALFORMED, "cannot sign with this P-256 key: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(PublicKeyInfo publicKey, byte[] data, byte[] signature, SignatureOptions options) {
        Arguments.notNull(publicKey, "publicKey");
        Arguments.notNull(data, "data");
        Arguments.notNull(signature, "signature");
        Checks.ecdsaOptions(options);
        KeyCodec.require(publicKey.type(), KeyType.EC_P256, "public key");
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKey.der()));
            Signature verifier = Signature.getInstance(ecdsa(options.encoding()));
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // malformed signature encoding
        } catch (GeneralSecurityException e) {
            throw new CryptoException(
                    CoreError.CRYPTO_MALFORMED, "cannot use this P-256 public key: " + e.getMessage(), e);
        }
    }

    @Override
    public String aeadAlgorithm() {
        return "AES-256-GCM";
    }

    @Override
    public KeyType secretKeyType() {
        return KeyType.AES_256;
    }

    @Override
    public byte[] generateSecretKey() {
        byte[] key = new byte[AES_KEY];
        Checks.RANDOM.nextBytes(key);
        return key;
    }

    @Override
    public byte[] seal(byte[] key, byte[] plaintext, byte[] associatedData) {
        Checks.secretKey(key, AES_KEY, "AES-256-GCM");
        Arguments.notNull(plaintext, "plaintext");
        byte[] nonce = Checks.nonce();
        byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, key, nonce, plaintext, 0, plaintext.length, associatedData);
        byte[] out = Arrays.copyOf(nonce, nonce.length + ciphertext.length);
        System.arraycopy(ciphertext, 0, out, nonce.length, ciphertext.length);
        return out;
    }

    @Override
    public byte[] open(byte[] key, byte[] ciphertext, byte[] associatedData) {
        Checks.secretKey(key, AES_KEY, "AES-256-GCM");
        Checks.sealedLength(ciphertext);
        byte[] nonce = Arrays.copyOf(ciphertext, Checks.NONCE_LENGTH);
        return gcm(
                Cipher.DECRYPT_MODE,
                key,
                nonce,
                ciphertext,
                Checks.NONCE_LENGTH,
                ciphertext.length - Checks.NONCE_LENGTH,
                associatedData);
    }

    /**
     * AES-256-GCM with a given nonce (for test vectors; {@link #seal} always draws a fresh one).
     *
     * @param mode {@link Cipher#ENCRYPT_MODE} or {@link Cipher#DECRYPT_MODE}
     * @param key 32 bytes
     * @param nonce 12 bytes
     * @param input the input
     * @param offset where it starts
     * @param length its length
     * @param associatedData authenticated data, may be null
     * @return ciphertext || tag, or the plaintext
     */
    public static byte[] gcm(
            int mode, byte[] key, byte[] nonce, byte[] input, int offset, int length, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(Checks.TAG_LENGTH * 8, nonce));
            cipher.updateAAD(Checks.emptyIfNull(associatedData));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new CryptoException(
                    CoreError.AUTHENTICATION_FAILED, "AES-256-GCM authentication failed: data altered or wrong key", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "AES-256-GCM failed: " + e.getMessage(), e);
        }
    }

    @Override
    public CbcCipher cbc() {
        return cbc;
    }

    @Override
    public Optional<PublicKeyEncryption> publicKeyEncryption() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "CryptoSuite[INTERNATIONAL]";
    }

    private static String ecdsa(SignatureEncoding encoding) {
        return encoding == SignatureEncoding.DER ? "SHA256withECDSA" : "SHA256withECDSAinP1363Format";
    }

    private static MessageDigest jdk(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    /** AES-256-CBC with PKCS#7 padding. */
    private static final class AesCbc implements CbcCipher {
        @Override
        public String algorithm() {
            return "AES-256-CBC";
        }

        @Override
        public byte[] encrypt(byte[] key, byte[] plaintext) {
            byte[] iv = new byte[Checks.BLOCK];
            Checks.RANDOM.nextBytes(iv);
            byte[] ciphertext = encrypt(key, iv, plaintext);
            byte[] out = Arrays.copyOf(iv, iv.length + ciphertext.length);
            System.arraycopy(ciphertext, 0, out, iv.length, ciphertext.length);
            return out;
        }

        @Override
        public byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) {
            Checks.secretKey(key, AES_KEY, "AES-256-CBC");
            Arguments.length(iv, Checks.BLOCK, Checks.BLOCK, "iv");
            Arguments.notNull(plaintext, "plaintext");
            return run(Cipher.ENCRYPT_MODE, key, iv, plaintext, 0, plaintext.length);
        }

        @Override
        public byte[] decrypt(byte[] key, byte[] ivAndCiphertext) {
            Checks.secretKey(key, AES_KEY, "AES-256-CBC");
            Arguments.notNull(ivAndCiphertext, "ivAndCiphertext");
            if (ivAndCiphertext.length < 2 * Checks.BLOCK || ivAndCiphertext.length % Checks.BLOCK != 0) {
                throw new CryptoException(
                        CoreError.CRYPTO_MALFORMED,
                        "AES-256-CBC input must be an IV and at least one block, a multiple of 16 bytes; got "
                                + ivAndCiphertext.length);
            }
            return run(
                    Cipher.DECRYPT_MODE,
                    key,
                    Arrays.copyOf(ivAndCiphertext, Checks.BLOCK),
                    ivAndCiphertext,
                    Checks.BLOCK,
                    ivAndCiphertext.length - Checks.BLOCK);
        }

        private static byte[] run(int mode, byte[] key, byte[] iv, byte[] input, int offset, int length) {
            try {
                Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
                cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
                return cipher.doFinal(input, offset, length);
            } catch (BadPaddingException | IllegalBlockSizeException e) {
                throw new CryptoException(CoreError.CRYPTO_MALFORMED, "AES-256-CBC: bad padding or length", e);
            } catch (GeneralSecurityException e) {
                throw new CryptoException(CoreError.CRYPTO_MALFORMED, "AES-256-CBC failed: " + e.getMessage(), e);
            }
        }
    }
}
