package io.remotebank.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.internal.crypto.InternationalSuite;
import io.remotebank.core.internal.crypto.KeyCodec;
import io.remotebank.core.internal.crypto.Sm2;
import io.remotebank.core.internal.crypto.SmSuite;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Published test vectors for every algorithm of both suites. Each vector names its source; values
 * were cross-checked against BouncyCastle's and OpenSSL's own test files.
 */
class CryptoVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", "").toLowerCase());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    // ---- SM3, GB/T 32905-2016 Appendix A -------------------------------------------------------

    @ParameterizedTest(name = "SM3 {0}")
    @CsvSource({
        "example 1 (abc), 616263, 66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
        "example 2 (abcd x16), 61626364616263646162636461626364616263646162636461626364616263646162636461626364616263646162636461626364616263646162636461626364,"
                + " debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
    })
    void sm3_gbt32905(String example, String message, String digest) {
        assertThat(CryptoSuite.sm().digest(hex(message))).isEqualTo(hex(digest));
        assertThat(CryptoSuite.sm().newDigester().update(hex(message)).digest()).isEqualTo(hex(digest));
    }

    // ---- SM4, GB/T 32907-2016 Appendix A -------------------------------------------------------

    private static final byte[] SM4_KEY = hex("0123456789abcdeffedcba9876543210");
    private static final byte[] ZERO_IV = new byte[16];

    /** One block of SM4 ECB, through SM4-CBC with a zero IV (C1 = E(P1 xor 0)). */
    private static byte[] sm4Block(byte[] block) {
        return Arrays.copyOf(CryptoSuite.sm().cbc().encrypt(SM4_KEY, ZERO_IV, block), 16);
    }

    @Test
    void sm4_gbt32907_example1_oneEncryption() {
        assertThat(sm4Block(SM4_KEY)).isEqualTo(hex("681edf34d206965e86b3e94f536e4246"));
    }

    @Test
    void sm4_gbt32907_example2_oneMillionEncryptions() {
        byte[] block = SM4_KEY.clone();
        for (int i = 0; i < 1_000_000; i++) {
            block = sm4Block(block);
        }
        assertThat(block).isEqualTo(hex("595298c7c6fd271f0402f804c33d3f66"));
    }

    /** SM4-CBC: OpenSSL test/recipes/30-test_evp_data/evpciph_sm4.txt (from draft-ribose-cfrg-sm4). */
    @Test
    void sm4Cbc_opensslVector() {
        byte[] plaintext = hex("0123456789ABCDEFFEDCBA98765432100123456789ABCDEFFEDCBA9876543210");
        byte[] expected = hex("2677F46B09C122CC975533105BD4A22AF6125F7275CE552C3A2BBCF533DE8A3B");

        byte[] ciphertext = CryptoSuite.sm().cbc().encrypt(SM4_KEY, SM4_KEY, plaintext);

        // The vector is unpadded; PKCS#7 adds one block after the two it covers.
        assertThat(Arrays.copyOf(ciphertext, 32)).isEqualTo(expected);
        byte[] withIv = new byte[16 + ciphertext.length];
        System.arraycopy(SM4_KEY, 0, withIv, 0, 16);
        System.arraycopy(ciphertext, 0, withIv, 16, ciphertext.length);
        assertThat(CryptoSuite.sm().cbc().decrypt(SM4_KEY, withIv)).isEqualTo(plaintext);
    }

    /** SM4-GCM: RFC 8998 Appendix A.1. */
    @Test
    void sm4Gcm_rfc8998() {
        byte[] key = hex("0123456789ABCDEFFEDCBA9876543210");
        byte[] iv = hex("00001234567800000000ABCD");
        byte[] aad = hex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        byte[] plaintext = hex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        byte[] expected = hex("17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
                + "83DE3541E4C2B58177E065A9BF7B62EC");

        assertThat(SmSuite.gcm(true, key, iv, plaintext, 0, plaintext.length, aad))
                .isEqualTo(expected);
        assertThat(SmSuite.gcm(false, key, iv, expected, 0, expected.length, aad))
                .isEqualTo(plaintext);
    }

    // ---- HMAC-SM3, GM/T 0042-2015 Appendix D.3 (as in OpenSSL evpmac_sm3.txt) --------------------

    @ParameterizedTest(name = "HMAC-SM3 {0}")
    @CsvSource({
        "D.3 (a), 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20,"
                + " 6162636462636465636465666465666765666768666768696768696a68696a6b696a6b6c6a6b6c6d6b6c6d6e6c6d6e6f6d6e6f706e6f70716162636462636465636465666465666765666768666768696768696a68696a6b696a6b6c6a6b6c6d6b6c6d6e6c6d6e6f6d6e6f706e6f7071,"
                + " ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a",
        "D.3 (b), 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425,"
                + " cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd,"
                + " 220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae",
        "D.3 (c), 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, 4869205468657265,"
                + " c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e",
        "D.3 (d), 4a656665204a65666572736f6e204a72, 7768617420646f2079612077616e7420666f72206e6f7468696e673f,"
                + " ce791a34c59adef472997a249600f3f244d59e875be04055ba2ae12fc845e78c"
    })
    void hmacSm3_gmt0042(String example, String key, String data, String mac) {
        assertThat(CryptoSuite.sm().hmac(hex(key), hex(data))).isEqualTo(hex(mac));
    }

    // ---- SM2 signature, GM/T 0003.2-2012 Annex A (test curve; = draft-shen-sm2-ecdsa-02) ---------

    private static ECDomainParameters testCurve() {
        BigInteger p = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3", 16);
        BigInteger a = new BigInteger("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498", 16);
        BigInteger b = new BigInteger("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A", 16);
        BigInteger n = new BigInteger("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7", 16);
        ECCurve curve = new ECCurve.Fp(p, a, b, n, BigInteger.ONE);
        return new ECDomainParameters(
                curve,
                curve.createPoint(
                        new BigInteger("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D", 16),
                        new BigInteger("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2", 16)),
                n);
    }

    @Test
    void sm2Signature_gmt0003_2_annexA_testCurve() {
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(
                new BigInteger("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263", 16), testCurve());
        ECPublicKeyParameters publicKey = KeyCodec.publicOf(key);
        assertThat(publicKey.getQ().getAffineXCoord().toBigInteger().toString(16))
                .isEqualToIgnoringCase("AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A");

        byte[] signature = Sm2.sign(
                key,
                "ALICE123@YAHOO.COM",
                ascii("message digest"),
                SignatureEncoding.PLAIN,
                new FixedRandom("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F"));

        assertThat(signature)
                .isEqualTo(hex("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1"
                        + "6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7"));
        assertThat(Sm2.verify(
                        publicKey, "ALICE123@YAHOO.COM", ascii("message digest"), signature, SignatureEncoding.PLAIN))
                .isTrue();
        assertThat(Sm2.verify(publicKey, "BOB@YAHOO.COM", ascii("message digest"), signature, SignatureEncoding.PLAIN))
                .as("another user ID changes Z_A")
                .isFalse();
    }

    /** GM/T 0003.5-2012 / GB/T 32918.5 Annex A on sm2p256v1, as in OpenSSL test/sm2_internal_test.c. */
    @Test
    void sm2Signature_recommendedCurve_throughThePublicApi() {
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(
                new BigInteger("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16),
                KeyCodec.SM2_DOMAIN);
        byte[] expected = hex("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
                + "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA");

        byte[] signature = Sm2.sign(
                key,
                SignatureOptions.SM2_DEFAULT_USER_ID,
                ascii("message digest"),
                SignatureEncoding.PLAIN,
                new FixedRandom("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21"));
        assertThat(signature).isEqualTo(expected);

        PublicKeyInfo publicKey = PublicKeyInfo.fromDer(KeyCodec.encodePublic(KeyCodec.publicOf(key)));
        SignatureOptions options = SignatureOptions.sm2(SignatureOptions.SM2_DEFAULT_USER_ID, SignatureEncoding.PLAIN);
        assertThat(publicKey.type()).isEqualTo(KeyType.SM2);
        assertThat(CryptoSuite.sm().verify(publicKey, ascii("message digest"), expected, options))
                .isTrue();
        assertThat(CryptoSuite.sm().verify(publicKey, ascii("message digesT"), expected, options))
                .isFalse();
    }

    // ---- SM2 encryption, GM/T 0003.4-2012 Annex A (test curve) and GB/T 32918.5 Annex C --------

    @Test
    void sm2Encryption_gmt0003_4_annexA_testCurve_c1c3c2() {
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(
                new BigInteger("1649AB77A00637BD5E2EFE283FBF353534AA7F7CB89463F208DDBC2920BB0DA0", 16), testCurve());
        byte[] message = ascii("encryption standard");
        byte[] expected = hex("04245C26FB68B1DDDDB12C4B6BF9F2B6D5FE60A383B0D18D1C4144ABF17F6252E7"
                + "76CB9264C2A7E88E52B19903FDC47378F605E36811F5C07423A24B84400F01B8" // C1
                + "9C3D7360C30156FAB7C80A0276712DA9D8094A634B766D3A285E07480653426D" // C3
                + "650053A89B41C418B0C3AAD00D886C00286467"); // C2

        byte[] ciphertext = Sm2.encrypt(
                KeyCodec.publicOf(key),
                message,
                new FixedRandom("4C62EEFD6ECFC2B95B92FD6C3D9575148AFA17425546D49018E5388D49DD7B4F"));

        assertThat(ciphertext).isEqualTo(expected);
        assertThat(Sm2.decrypt(key, ciphertext)).isEqualTo(message);
    }

    @Test
    void sm2Encryption_recommendedCurve_decryptsThroughThePublicApi() {
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(
                new BigInteger("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16),
                KeyCodec.SM2_DOMAIN);
        byte[] expected = hex("04" + "04EBFC718E8D1798620432268E77FEB6415E2EDE0E073C0F4F640ECD2E149A73"
                + "E858F9D81E5430A57B36DAAB8F950A3C64E6EE6A63094D99283AFF767E124DF0"
                + "59983C18F809E262923C53AEC295D30383B54E39D609D160AFCB1908D0BD8766"
                + "21886CA989CA9C7D58087307CA93092D651EFA");

        byte[] ciphertext = Sm2.encrypt(
                KeyCodec.publicOf(key),
                ascii("encryption standard"),
                new FixedRandom("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21"));
        assertThat(ciphertext).isEqualTo(expected);

        byte[] pkcs8 = KeyCodec.encodePrivate(key);
        assertThat(CryptoSuite.sm().publicKeyEncryption().orElseThrow().decrypt(pkcs8, expected))
                .isEqualTo(ascii("encryption standard"));
    }

    // ---- SHA-256, FIPS 180-4 example values ----------------------------------------------------

    @ParameterizedTest(name = "SHA-256 {0}")
    @CsvSource({
        "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq, 248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    })
    void sha256_fips180(String message, String digest) {
        assertThat(CryptoSuite.international().digest(ascii(message))).isEqualTo(hex(digest));
    }

    @Test
    void sha256_fips180_oneMillionA_incremental() {
        MessageDigester digester = CryptoSuite.international().newDigester();
        byte[] thousand = new byte[1000];
        Arrays.fill(thousand, (byte) 'a');
        for (int i = 0; i < 1000; i++) {
            digester.update(thousand);
        }
        assertThat(digester.digest())
                .isEqualTo(hex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    // ---- HMAC-SHA256, RFC 4231 section 4 (test case 5 truncates the output, so it is left out) --

    @ParameterizedTest(name = "RFC 4231 test case {0}")
    @CsvSource({
        "1, 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b, 4869205468657265, b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "2, 4a656665, 7768617420646f2079612077616e7420666f72206e6f7468696e673f,"
                + " 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "3, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,"
                + " dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd,"
                + " 773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        "4, 0102030405060708090a0b0c0d0e0f10111213141516171819,"
                + " cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd,"
                + " 82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
    })
    void hmacSha256_rfc4231(int testCase, String key, String data, String mac) {
        assertThat(CryptoSuite.international().hmac(hex(key), hex(data))).isEqualTo(hex(mac));
    }

    @Test
    void hmacSha256_rfc4231_cases6And7_keyLongerThanABlock() {
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);

        assertThat(CryptoSuite.international()
                        .hmac(key, ascii("Test Using Larger Than Block-Size Key - Hash Key First")))
                .isEqualTo(hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
        assertThat(
                        CryptoSuite.international()
                                .hmac(
                                        key,
                                        ascii(
                                                "This is a test using a larger than block-size key and a larger than block-size"
                                                        + " data. The key needs to be hashed before being used by the HMAC algorithm.")))
                .isEqualTo(hex("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"));
    }

    // ---- AES-256-GCM, McGrew & Viega "The Galois/Counter Mode of Operation", test cases 13-16 ---

    private static final String GCM_KEY = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    private static final String GCM_IV = "cafebabefacedbaddecaf888";
    private static final String GCM_PT = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private static final String GCM_CT = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

    @ParameterizedTest(name = "GCM test case {0}")
    @CsvSource({
        "13, 0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000, '', '',"
                + " '', 530f8afbc74536b9a963b4f1c4cb738b",
        "14, 0000000000000000000000000000000000000000000000000000000000000000, 000000000000000000000000,"
                + " 00000000000000000000000000000000, '', cea7403d4d606b6e074ec5d3baf39d18, d0d1c8a799996bf0265b98b5d48ab919",
        "15, " + GCM_KEY + ", " + GCM_IV + ", " + GCM_PT + ", '', " + GCM_CT + ", b094dac5d93471bdec1a502270e3cc6c",
    })
    void aes256Gcm_specTestCases(
            int testCase, String key, String iv, String plaintext, String aad, String ciphertext, String tag) {
        byte[] pt = hex(plaintext);
        byte[] out = InternationalSuite.gcm(Cipher.ENCRYPT_MODE, hex(key), hex(iv), pt, 0, pt.length, hex(aad));

        assertThat(out).isEqualTo(hex(ciphertext + tag));
    }

    @Test
    void aes256Gcm_specTestCase16_withAssociatedData() {
        byte[] pt = Arrays.copyOf(hex(GCM_PT), 60);
        byte[] aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");

        byte[] out = InternationalSuite.gcm(Cipher.ENCRYPT_MODE, hex(GCM_KEY), hex(GCM_IV), pt, 0, pt.length, aad);

        assertThat(Arrays.copyOf(out, 60)).isEqualTo(Arrays.copyOf(hex(GCM_CT), 60));
        assertThat(Arrays.copyOfRange(out, 60, 76)).isEqualTo(hex("76fc6ece0f4e1768cddf8853bb2d551b"));
        assertThat(InternationalSuite.gcm(Cipher.DECRYPT_MODE, hex(GCM_KEY), hex(GCM_IV), out, 0, out.length, aad))
                .isEqualTo(pt);
    }

    // ---- ECDSA P-256 with SHA-256, RFC 6979 appendix A.2.5 (verification of its signatures) -----

    @ParameterizedTest(name = "RFC 6979 A.2.5 \"{0}\"")
    @CsvSource({
        "sample, EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716,"
                + " F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
        "test, F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367,"
                + " 019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083"
    })
    void ecdsaP256_rfc6979_signaturesVerify(String message, String r, String s) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(
                new BigInteger("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6", 16),
                new BigInteger("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299", 16));
        byte[] spki = KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)))
                .getEncoded();
        PublicKeyInfo publicKey = PublicKeyInfo.fromDer(spki);
        byte[] plain = hex(r + s);

        assertThat(publicKey.type()).isEqualTo(KeyType.EC_P256);
        assertThat(CryptoSuite.international()
                        .verify(publicKey, ascii(message), plain, SignatureOptions.ecdsa(SignatureEncoding.PLAIN)))
                .isTrue();
        assertThat(CryptoSuite.international()
                        .verify(
                                publicKey,
                                ascii(message + "!"),
                                plain,
                                SignatureOptions.ecdsa(SignatureEncoding.PLAIN)))
                .isFalse();
    }
}
