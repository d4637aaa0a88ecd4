package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * A freshly generated key pair: the public key, and the private key as PKCS#8 DER. {@code toString}
 * never shows the private key; clear {@link #privateKey()} copies after use.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KeyPairMaterial {

    private final PublicKeyInfo publicKey;
    private final byte[] privateKey;

    /**
     * Wraps a key pair.
     *
     * @param publicKey the public key
     * @param privateKey the private key, PKCS#8 DER (copied)
     */
    public KeyPairMaterial(PublicKeyInfo publicKey, byte[] privateKey) {
        this.publicKey = Arguments.notNull(publicKey, "publicKey");
        this.privateKey = Arguments.notNull(privateKey, "privateKey").clone();
    }

    /** The public key. */
    public PublicKeyInfo publicKey() {
        return publicKey;
    }

    /** A copy of the private key, PKCS#8 DER. */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public String toString() {
        return "KeyPairMaterial[" + publicKey.type() + ", private key hidden]";
    }
}
