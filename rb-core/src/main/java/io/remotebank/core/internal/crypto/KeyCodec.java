package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.crypto.KeyType;
import java.io.IOException;
import java.security.SecureRandom;
import org.apiguardian.api.API;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** Encodings of EC P-256 and SM2 keys: X.509 SubjectPublicKeyInfo and PKCS#8, named curves. */
@API(status = INTERNAL, since = "0.1")
public final class KeyCodec {

    /** sm2p256v1 (GM/T 0006, OID 1.2.156.10197.1.301). */
    public static final ECNamedDomainParameters SM2_DOMAIN =
            new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, GMNamedCurves.getByName("sm2p256v1"));

    private KeyCodec() {}

    /**
     * The type of a public key encoding.
     *
     * @param spki DER SubjectPublicKeyInfo
     * @return EC_P256 or SM2
     * @throws CryptoException with {@link CoreError#CRYPTO_MALFORMED} otherwise
     */
    public static KeyType publicKeyType(byte[] spki) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(spki);
            KeyType type = curveType(info.getAlgorithm());
            PublicKeyFactory.createKey(info); // checks that the point is on the curve
            return type;
        } catch (IOException | RuntimeException e) {
            throw malformed("public key", e);
        }
    }

    /**
     * The type of a private key encoding.
     *
     * @param pkcs8 DER PrivateKeyInfo
     * @return EC_P256 or SM2
     * @throws CryptoException with {@link CoreError#CRYPTO_MALFORMED} otherwise
     */
    public static KeyType privateKeyType(byte[] pkcs8) {
        try {
            return curveType(PrivateKeyInfo.getInstance(pkcs8).getPrivateKeyAlgorithm());
        } catch (RuntimeException e) {
            throw malformed("private key", e);
        }
    }

    /** Decodes an SM2 public key. */
    public static ECPublicKeyParameters sm2Public(byte[] spki) {
        require(publicKeyType(spki), KeyType.SM2, "public key");
        try {
            return (ECPublicKeyParameters) PublicKeyFactory.createKey(spki);
        } catch (IOException | RuntimeException e) {
            throw malformed("SM2 public key", e);
        }
    }

    /** Decodes an SM2 private key. */
    public static ECPrivateKeyParameters sm2Private(byte[] pkcs8) {
        require(privateKeyType(pkcs8), KeyType.SM2, "private key");
        try {
            return (ECPrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8);
        } catch (IOException | RuntimeException e) {
            throw malformed("SM2 private key", e);
        }
    }

    /** Generates an SM2 key pair on sm2p256v1. */
    public static AsymmetricCipherKeyPair generateSm2(SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(SM2_DOMAIN, random));
        return generator.generateKeyPair();
    }

    /** The SubjectPublicKeyInfo of an EC public key with named-curve parameters. */
    public static byte[] encodePublic(AsymmetricKeyParameter key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "cannot encode a public key", e);
        }
    }

    /** The PKCS#8 PrivateKeyInfo of an EC private key with named-curve parameters. */
    public static byte[] encodePrivate(AsymmetricKeyParameter key) {
        try {
            return PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CryptoException(CoreError.CRYPTO_MALFORMED, "cannot encode a private key", e);
        }
    }

    /** The public key of an SM2 private key. */
    public static ECPublicKeyParameters publicOf(ECPrivateKeyParameters privateKey) {
        ECDomainParameters domain = privateKey.getParameters();
        return new ECPublicKeyParameters(
                domain.getG().multiply(privateKey.getD()).normalize(), domain);
    }

    static void require(KeyType actual, KeyType expected, String what) {
        if (actual != expected) {
            throw new CryptoException(
                    CoreError.KEY_TYPE_MISMATCH, "expected an " + expected + " " + what + ", got " + actual);
        }
    }

    private static KeyType curveType(AlgorithmIdentifier algorithm) {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            throw new IllegalArgumentException("not an EC key: " + algorithm.getAlgorithm());
        }
        ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(algorithm.getParameters());
        if (SECObjectIdentifiers.secp256r1.equals(curve)) {
            return KeyType.EC_P256;
        }
        if (GMObjectIdentifiers.sm2p256v1.equals(curve)) {
            return KeyType.SM2;
        }
        throw new IllegalArgumentException("unsupported curve " + curve);
    }

    private static CryptoException malformed(String what, Exception cause) {
        return new CryptoException(
                CoreError.CRYPTO_MALFORMED, "not a valid EC P-256 or SM2 " + what + ": " + cause.getMessage(), cause);
    }
}
