package io.remotebank.core.crypto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How to sign or verify: the encoding of the signature, and for SM2 the signer's user ID (it enters
 * the signed hash through Z_A, GB/T 32918.2 clause 5.5, so signer and verifier must agree on it).
 *
 * @param encoding DER or plain r||s
 * @param userId the SM2 user ID; empty for ECDSA
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SignatureOptions(SignatureEncoding encoding, Optional<String> userId) {

    /** The default SM2 user ID of GM/T 0009-2012 clause 10: {@code 1234567812345678}. */
    public static final String SM2_DEFAULT_USER_ID = "1234567812345678";

    /**
     * Validates the options.
     *
     * @throws ValidationException when the user ID is empty or longer than 8191 bytes (its bit
     *     length must fit the 16-bit ENTL field)
     */
    public SignatureOptions {
        Arguments.notNull(encoding, "encoding");
        Arguments.notNull(userId, "userId");
        userId.ifPresent(id -> {
            int bytes = id.getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > 8191) {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "an SM2 user ID must be 1 to 8191 bytes, got " + bytes);
            }
        });
    }

    /**
     * ECDSA options.
     *
     * @param encoding the signature encoding
     * @return the options
     */
    public static SignatureOptions ecdsa(SignatureEncoding encoding) {
        return new SignatureOptions(encoding, Optional.empty());
    }

    /**
     * SM2 options with an explicit user ID.
     *
     * @param userId the signer's ID, e.g. {@link #SM2_DEFAULT_USER_ID} or the bank's agreed identity
     * @param encoding the signature encoding
     * @return the options
     */
    public static SignatureOptions sm2(String userId, SignatureEncoding encoding) {
        return new SignatureOptions(encoding, Optional.of(Arguments.notNull(userId, "userId")));
    }
}
