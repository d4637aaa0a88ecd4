package io.remotebank.core.internal.crypto;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.ValidationException;
import io.remotebank.core.crypto.SignatureOptions;
import java.security.SecureRandom;
import org.apiguardian.api.API;

/** Argument checks and randomness shared by the suites. */
@API(status = INTERNAL, since = "0.1")
final class Checks {

    static final SecureRandom RANDOM = new SecureRandom();
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;
    static final int BLOCK = 16;

    private Checks() {}

    static byte[] secretKey(byte[] key, int length, String algorithm) {
        Arguments.notNull(key, "key");
        if (key.length != length) {
            throw new CryptoException(
                    CoreError.KEY_TYPE_MISMATCH, algorithm + " needs a " + length + "-byte key, got " + key.length);
        }
        return key;
    }

    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static void sealedLength(byte[] ciphertext) {
        Arguments.notNull(ciphertext, "ciphertext");
        if (ciphertext.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new CryptoException(
                    CoreError.CRYPTO_MALFORMED,
                    "sealed data is at least " + (NONCE_LENGTH + TAG_LENGTH) + " bytes, got " + ciphertext.length);
        }
    }

    static byte[] emptyIfNull(byte[] data) {
        return data == null ? new byte[0] : data;
    }

    static void ecdsaOptions(SignatureOptions options) {
        Arguments.notNull(options, "options");
        if (options.userId().isPresent()) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "ECDSA takes no user ID; use SignatureOptions.ecdsa(encoding)");
        }
    }

    static String sm2UserId(SignatureOptions options) {
        Arguments.notNull(options, "options");
        return options.userId()
                .orElseThrow(() -> new ValidationException(
                        CoreError.ARGUMENT_INVALID,
                        "SM2 needs an explicit user ID (signer and verifier must agree on it); GM/T 0009's default is "
                                + SignatureOptions.SM2_DEFAULT_USER_ID + ": SignatureOptions.sm2(userId, encoding)"));
    }
}
