package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.MessageDigester;
import java.security.MessageDigest;
import java.util.List;
import org.apiguardian.api.API;

/** RFC 6962 hashing and the RFC 9162 proof verification algorithms. */
@API(status = INTERNAL, since = "0.1")
public final class Merkle {

    private Merkle() {}

    /** RFC 6962 2.1: leaf hash = HASH(0x00 || data). */
    public static byte[] leafHash(MessageDigester digester, byte[] data, int offset, int length) {
        digester.update((byte) 0x00);
        digester.update(data, offset, length);
        return digester.digest();
    }

    /** RFC 6962 2.1: node hash = HASH(0x01 || left || right). */
    public static byte[] nodeHash(MessageDigester digester, byte[] left, byte[] right) {
        digester.update((byte) 0x01);
        digester.update(left);
        digester.update(right);
        return digester.digest();
    }

    /**
     * Parses a proof's hex hashes.
     *
     * @param hashes lower- or upper-case hex
     * @return the bytes
     * @throws IllegalArgumentException when one is not hex
     */
    public static List<byte[]> fromHex(List<String> hashes) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        return hashes.stream().map(hex::parseHex).toList();
    }

    /** RFC 6962 2.1: the hash of an empty tree is the hash of the empty string. */
    public static byte[] emptyRoot(CryptoSuite suite) {
        return suite.digest(new byte[0]);
    }

    /** RFC 9162 2.1.3.2: verifies an inclusion proof. */
    public static boolean verifyInclusion(
            CryptoSuite suite, long leafIndex, long treeSize, List<byte[]> path, byte[] leafHash, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        MessageDigester d = suite.newDigester();
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(d, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(d, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 2.1.4.2: verifies a consistency proof (RFC 6962 2.1.2's PROOF) for {@code 0 < first <
     * second}; for {@code first == second} the proof is empty and the roots equal, and for {@code
     * first == 0} the proof is empty and the first root is the empty tree's.
     */
    public static boolean verifyConsistency(
            CryptoSuite suite, long first, long second, List<byte[]> path, byte[] firstRoot, byte[] secondRoot) {
        if (first < 0 || second < first) {
            return false;
        }
        if (first == 0) {
            // RFC 6962 2.1.2 defines PROOF(m, D[n]) only for 0 < m. Every tree extends the empty tree,
            // whose root is the hash of the empty string (2.1): that root, and no proof, is all to check.
            return path.isEmpty()
                    && MessageDigest.isEqual(firstRoot, emptyRoot(suite))
                    && (second > 0 || MessageDigest.isEqual(secondRoot, firstRoot));
        }
        if (first == second) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        java.util.ArrayList<byte[]> proof = new java.util.ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            proof.add(0, firstRoot);
        }
        MessageDigester d = suite.newDigester();
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = proof.get(0);
        byte[] sr = proof.get(0);
        for (int i = 1; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(d, c, fr);
                sr = nodeHash(d, c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(d, sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }
}
