package io.remotebank.core.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A "random" source that returns a fixed value, so that a test can reproduce a standard's example
 * with its published k. BouncyCastle draws k as ceil(bits/8) random bytes; this returns k's bytes.
 */
final class FixedRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final byte[] value;

    FixedRandom(String hex) {
        byte[] bytes = new BigInteger(hex, 16).toByteArray();
        this.value = bytes.length == 33 ? Arrays.copyOfRange(bytes, 1, 33) : leftPad(bytes);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        if (bytes.length != value.length) {
            throw new IllegalStateException("expected a request for " + value.length + " bytes, got " + bytes.length);
        }
        System.arraycopy(value, 0, bytes, 0, bytes.length);
    }

    private static byte[] leftPad(byte[] bytes) {
        byte[] out = new byte[32];
        System.arraycopy(bytes, 0, out, 32 - bytes.length, bytes.length);
        return out;
    }
}
