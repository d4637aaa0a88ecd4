package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.MessageDigester;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * An append-only RFC 6962 Merkle tree that keeps the hash of every perfect subtree (level k holds
 * the hashes of aligned subtrees of 2^k leaves), so that appending costs O(1) amortised and a root
 * or a proof for any size costs O(log^2 n) hashes. About 64 bytes of memory per leaf. Not
 * thread-safe: the trail serialises access.
 */
@API(status = INTERNAL, since = "0.1")
public final class MerkleTree {

    private final CryptoSuite suite;
    private final MessageDigester digester;
    private final List<HashColumn> levels = new ArrayList<>();
    private final byte[] emptyRoot;
    private long size;

    /**
     * An empty tree.
     *
     * @param suite the suite whose hash the tree uses
     */
    public MerkleTree(CryptoSuite suite) {
        this.suite = suite;
        this.digester = suite.newDigester();
        this.emptyRoot = Merkle.emptyRoot(suite);
        levels.add(new HashColumn());
    }

    /** The hash of a leaf's data. */
    public byte[] leafHash(byte[] data, int offset, int length) {
        return Merkle.leafHash(digester, data, offset, length);
    }

    /** Appends a leaf by its leaf hash. */
    public void appendLeafHash(byte[] leafHash) {
        levels.get(0).add(leafHash);
        size++;
        long index = size - 1;
        int level = 0;
        // Each completed pair of perfect subtrees forms one of the next level.
        while ((index & 1) == 1) {
            HashColumn column = levels.get(level);
            byte[] right = column.get(index);
            byte[] left = column.get(index - 1);
            if (levels.size() == level + 1) {
                levels.add(new HashColumn());
            }
            levels.get(level + 1).add(Merkle.nodeHash(digester, left, right));
            index >>= 1;
            level++;
        }
    }

    /** The number of leaves. */
    public long size() {
        return size;
    }

    /** The leaf hash of a leaf. */
    public byte[] leaf(long index) {
        checkRange(index, size - 1);
        return levels.get(0).get(index);
    }

    /** The suite of this tree. */
    public CryptoSuite suite() {
        return suite;
    }

    /** RFC 6962 MTH of the first {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        checkRange(treeSize, size);
        return treeSize == 0 ? emptyRoot.clone() : hash(0, treeSize);
    }

    /** RFC 6962 2.1.1: PATH(m, D[0:n]). */
    public List<byte[]> inclusionPath(long leafIndex, long treeSize) {
        checkRange(treeSize, size);
        checkRange(leafIndex, treeSize - 1);
        List<byte[]> path = new ArrayList<>();
        path(leafIndex, 0, treeSize, path);
        return path;
    }

    /** RFC 6962 2.1.2: PROOF(m, D[0:n]); empty for m = 0 and m = n. */
    public List<byte[]> consistencyPath(long first, long second) {
        checkRange(second, size);
        checkRange(first, second);
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(hash(start + k, end));
        } else {
            path(m - k, start + k, end, out);
            out.add(hash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean b, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!b) {
                out.add(hash(start, end));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, start + k, b, out);
            out.add(hash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(hash(start, start + k));
        }
    }

    /** MTH(D[start:end]); every left part of the RFC's split is a stored perfect subtree. */
    private byte[] hash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return levels.get(level).get(start >> level);
        }
        long k = Long.highestOneBit(n - 1);
        return Merkle.nodeHash(digester, hash(start, start + k), hash(start + k, end));
    }

    private static void checkRange(long value, long max) {
        if (value < 0 || value > max) {
            throw new IndexOutOfBoundsException(value + " is outside 0.." + max);
        }
    }

    /** A growable column of 32-byte hashes in 2 MiB chunks. */
    private static final class HashColumn {
        private static final int PER_CHUNK = 1 << 16;
        private final List<byte[]> chunks = new ArrayList<>();
        private long count;

        void add(byte[] hash) {
            int offset = (int) (count % PER_CHUNK);
            if (offset == 0) {
                chunks.add(new byte[PER_CHUNK * 32]);
            }
            System.arraycopy(hash, 0, chunks.get(chunks.size() - 1), offset * 32, 32);
            count++;
        }

        byte[] get(long index) {
            byte[] out = new byte[32];
            System.arraycopy(chunks.get((int) (index / PER_CHUNK)), (int) (index % PER_CHUNK) * 32, out, 0, 32);
            return out;
        }
    }
}
