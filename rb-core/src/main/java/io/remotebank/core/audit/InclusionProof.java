package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.internal.audit.Merkle;
import java.util.HexFormat;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Proof that an event is the {@code leafIndex}-th leaf of a tree of {@code treeSize} leaves
 * (RFC 6962 section 2.1.1 audit path; verified as in RFC 9162 section 2.1.3.2).
 *
 * @param leafIndex the event's sequence number
 * @param treeSize the size of the tree the proof is for (e.g. a checkpoint's)
 * @param path the audit path, hex, from the leaf upwards
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InclusionProof(long leafIndex, long treeSize, List<String> path) {

    /** Copies the path. */
    public InclusionProof {
        path = List.copyOf(Arguments.noNulls(path, "path"));
    }

    /**
     * Checks the proof.
     *
     * @param suite the suite whose hash built the tree (the checkpoint names it)
     * @param leafHash the event's leaf hash (its {@link AuditReceipt#leafHash()}), hex
     * @param root the root of the tree of {@code treeSize} leaves, hex
     * @return whether the event is in that tree at that position
     */
    public boolean verify(CryptoSuite suite, String leafHash, String root) {
        Arguments.notNull(suite, "suite");
        HexFormat hex = HexFormat.of();
        try {
            return Merkle.verifyInclusion(
                    suite, leafIndex, treeSize, Merkle.fromHex(path), hex.parseHex(leafHash), hex.parseHex(root));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
