package io.remotebank.core.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.crypto.CryptoSuite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6962 section 2.1 vectors. The eight leaves and the roots are the test data of Certificate
 * Transparency's reference implementation; the paths and proofs were computed by hand-written
 * recursion straight from the RFC's definitions (MTH, PATH, PROOF) and checked against those roots.
 * The consistency proofs are also checked against transparency-dev/merkle's published vectors, every
 * tampered variant included ({@code rfc6962-consistency-vectors.tsv}, its source in its header).
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[][] LEAVES = {
        {},
        {0x00},
        {0x10},
        {0x20, 0x21},
        {0x30, 0x31},
        {0x40, 0x41, 0x42, 0x43},
        {0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57},
        {0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f}
    };

    private static MerkleTree tree(int size) {
        MerkleTree tree = new MerkleTree(CryptoSuite.international());
        for (int i = 0; i < size; i++) {
            tree.appendLeafHash(tree.leafHash(LEAVES[i], 0, LEAVES[i].length));
        }
        return tree;
    }

    private static List<String> hex(List<byte[]> path) {
        return path.stream().map(HEX::formatHex).toList();
    }

    @ParameterizedTest(name = "root of {0} leaves")
    @CsvSource({
        "0, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "3, aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "4, d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "5, 4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "6, 76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "7, ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "8, 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    })
    void roots(int size, String root) {
        assertThat(HEX.formatHex(tree(8).root(size))).isEqualTo(root);
        assertThat(HEX.formatHex(tree(size).root(size))).isEqualTo(root);
    }

    @ParameterizedTest(name = "PATH({0}, D[0:{1}])")
    @CsvSource(
            delimiter = '|',
            value = {
                "0|1|",
                "0|8|96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                "5|8|bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                "2|3|fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                "6|7|0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"
            })
    void inclusionPaths(long leaf, long size, String path) {
        MerkleTree tree = tree(8);
        List<String> expected = path == null ? List.of() : List.of(path.split(" "));

        List<byte[]> actual = tree.inclusionPath(leaf, size);

        assertThat(hex(actual)).isEqualTo(expected);
        assertThat(Merkle.verifyInclusion(
                        CryptoSuite.international(), leaf, size, actual, tree.leaf(leaf), tree.root(size)))
                .isTrue();
    }

    @ParameterizedTest(name = "PROOF({0}, D[0:{1}])")
    @CsvSource(
            delimiter = '|',
            value = {
                "1|1|",
                "1|8|96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                "6|8|0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                "2|5|5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "3|7|0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7 07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7 fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125 837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e",
                "4|8|6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"
            })
    void consistencyProofs(long first, long second, String path) {
        MerkleTree tree = tree(8);
        List<String> expected = path == null ? List.of() : List.of(path.split(" "));

        List<byte[]> actual = tree.consistencyPath(first, second);

        assertThat(hex(actual)).isEqualTo(expected);
        assertThat(Merkle.verifyConsistency(
                        CryptoSuite.international(), first, second, actual, tree.root(first), tree.root(second)))
                .isTrue();
    }

    /**
     * transparency-dev/merkle's consistency vectors: five valid proofs and every tampered variant of
     * them (wrong sizes, wrong, swapped or garbage roots, proofs with an element added, removed or
     * with a bit flipped), and the edge cases of equal and zero sizes. One deliberate difference: for
     * size1 = 0 that library refuses every proof as meaningless, where this verifier accepts the empty
     * proof when root1 is the empty tree's root (RFC 6962 2.1: MTH({}) = HASH()), because every tree
     * extends the empty one and a trail's first checkpoint may be of size 0.
     */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "rfc6962-consistency-vectors.tsv", delimiter = '\t')
    void consistencyVectors_ofTransparencyDevMerkle(
            String name, long size1, long size2, String root1, String root2, String proof, boolean wantErr) {
        List<byte[]> path = proof.equals("none")
                ? List.of()
                : Arrays.stream(proof.split(" "))
                        .map(h -> h.equals("empty") ? new byte[0] : HEX.parseHex(h))
                        .toList();
        boolean expected = !wantErr || name.equals("additional/size1-is-zero-and-size2-is-not-zero");

        boolean verified = Merkle.verifyConsistency(
                CryptoSuite.international(), size1, size2, path, HEX.parseHex(root1), HEX.parseHex(root2));

        assertThat(verified).isEqualTo(expected);
        if (expected && size1 > 0 && size2 <= 8) {
            // And the proof is exactly what this tree gives over the same eight leaves.
            assertThat(hex(tree(8).consistencyPath(size1, size2))).isEqualTo(hex(path));
        }
    }

    /** Every inclusion and consistency proof of trees up to 70 leaves verifies, and no altered one does. */
    @Test
    void everyProof_ofUnevenTrees_verifies_andAlteredOnesDoNot() {
        CryptoSuite suite = CryptoSuite.sm();
        MerkleTree tree = new MerkleTree(suite);
        List<byte[]> leaves = new ArrayList<>();
        Random random = new Random(6962);
        for (int i = 0; i < 70; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            leaves.add(data);
            tree.appendLeafHash(tree.leafHash(data, 0, data.length));
        }
        for (int n = 1; n <= 70; n++) {
            byte[] root = tree.root(n);
            assertThat(root).isEqualTo(naiveRoot(suite, leaves.subList(0, n)));
            for (int m = 0; m < n; m++) {
                List<byte[]> path = tree.inclusionPath(m, n);
                assertThat(Merkle.verifyInclusion(suite, m, n, path, tree.leaf(m), root))
                        .isTrue();
                assertThat(Merkle.verifyInclusion(suite, m, n, path, tree.leaf((m + 1) % n), root))
                        .isEqualTo(n == 1);
                List<byte[]> consistency = tree.consistencyPath(m + 1, n);
                assertThat(Merkle.verifyConsistency(suite, m + 1, n, consistency, tree.root(m + 1), root))
                        .isTrue();
                if (!consistency.isEmpty()) {
                    List<byte[]> altered = new ArrayList<>(consistency);
                    byte[] first = altered.get(0).clone();
                    first[0] ^= 1;
                    altered.set(0, first);
                    assertThat(Merkle.verifyConsistency(suite, m + 1, n, altered, tree.root(m + 1), root))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void emptyTree_isConsistentWithEveryTree_withAnEmptyProof() {
        MerkleTree tree = tree(5);
        CryptoSuite suite = CryptoSuite.international();

        assertThat(tree.consistencyPath(0, 5)).isEmpty();
        assertThat(Merkle.verifyConsistency(suite, 0, 5, List.of(), tree.root(0), tree.root(5)))
                .isTrue();
        assertThat(Merkle.verifyInclusion(suite, 5, 5, List.of(), tree.leaf(4), tree.root(5)))
                .isFalse();
    }

    /** RFC 6962 MTH, written as plainly as the RFC states it. */
    private static byte[] naiveRoot(CryptoSuite suite, List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return suite.digest(concat(new byte[] {0}, leaves.get(0)));
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return suite.digest(concat(
                new byte[] {1},
                concat(naiveRoot(suite, leaves.subList(0, k)), naiveRoot(suite, leaves.subList(k, leaves.size())))));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
