package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The kinds of key a {@link io.remotebank.core.spi.KeyProvider} holds. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum KeyType {
    /** A 256-bit AES key for AES-256-GCM (the international suite's secret key). */
    AES_256(false),
    /** A 128-bit SM4 key for SM4-GCM (the SM suite's secret key). */
    SM4(false),
    /** An ECDSA key pair on NIST P-256 (the international suite's signing key). */
    EC_P256(true),
    /** An SM2 key pair on sm2p256v1 (the SM suite's signing and public-key encryption key). */
    SM2(true);

    private final boolean asymmetric;

    KeyType(boolean asymmetric) {
        this.asymmetric = asymmetric;
    }

    /** Whether this is a key pair (signing) rather than a secret key (encryption). */
    public boolean asymmetric() {
        return asymmetric;
    }

    /** The suite this key type belongs to. */
    public CryptoSuite suite() {
        return this == AES_256 || this == EC_P256 ? CryptoSuite.international() : CryptoSuite.sm();
    }
}
