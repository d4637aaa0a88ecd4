package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.internal.audit.Merkle;
import java.util.HexFormat;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Proof that the tree of {@code firstSize} leaves is a prefix of the tree of {@code secondSize}
 * leaves: nothing in the first was changed, removed or reordered (RFC 6962 section 2.1.2; verified
 * as in RFC 9162 section 2.1.4.2).
 *
 * @param firstSize the older tree's size
 * @param secondSize the newer tree's size
 * @param path the proof's hashes, hex
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ConsistencyProof(long firstSize, long secondSize, List<String> path) {

    /** Copies the path. */
    public ConsistencyProof {
        path = List.copyOf(Arguments.noNulls(path, "path"));
    }

    /**
     * Checks the proof against the two roots (e.g. of two signed checkpoints).
     *
     * @param suite the suite whose hash built the tree
     * @param firstRoot the older root, hex
     * @param secondRoot the newer root, hex
     * @return whether the newer tree extends the older one
     */
    public boolean verify(CryptoSuite suite, String firstRoot, String secondRoot) {
        Arguments.notNull(suite, "suite");
        HexFormat hex = HexFormat.of();
        try {
            return Merkle.verifyConsistency(
                    suite,
                    firstSize,
                    secondSize,
                    Merkle.fromHex(path),
                    hex.parseHex(firstRoot),
                    hex.parseHex(secondRoot));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
