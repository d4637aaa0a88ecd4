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
public final class InternationalSuite extends SymmetricSuite {

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

    private InternationalSuite() {
        super(AES_KEY, "AES-256-GCM", KeyType.AES_256, "AES-256-CBC");
    }

    @Override
    byte[] gcmOperation(boolean encrypt, byte[] key, byte[] nonce, byte[] input, int offset, int length, byte[] aad) {
        return gcm(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, nonce, input, offset, length, aad);
    }

    @Override
    byte[] cbcOperation(boolean encrypt, byte[] key, byte[] iv, byte[] input, int offset, int length) {
        return aesCbc(encrypt, key, iv, input, offset, length);
    }

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

    /** AES-256-CBC with PKCS#7 padding and a given IV. */
    private static byte[] aesCbc(boolean encrypt, byte[] key, byte[] iv, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(
                    encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(iv));
            return cipher.doFinal(input, offset, length);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "AES-256-CBC: bad padding or length", e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "AES-256-CBC failed: " + e.getMessage(), e);
        }
    }
}
