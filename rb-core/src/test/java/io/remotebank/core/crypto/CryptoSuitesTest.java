package io.remotebank.core.crypto;

import static io.remotebank.core.ErrorAssertions.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.CryptoException;
import io.remotebank.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviour both suites share, and the errors they give for bad input. */
class CryptoSuitesTest {

    private static final byte[] DATA = "转账 10,000.00 CNY to 6222021234567890128".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> suites() {
        return Stream.of(
                Arguments.of(CryptoSuite.international(), SignatureOptions.ecdsa(SignatureEncoding.DER)),
                Arguments.of(CryptoSuite.international(), SignatureOptions.ecdsa(SignatureEncoding.PLAIN)),
                Arguments.of(CryptoSuite.sm(), SignatureOptions.sm2("ALICE123@YAHOO.COM", SignatureEncoding.DER)),
                Arguments.of(
                        CryptoSuite.sm(),
                        SignatureOptions.sm2(SignatureOptions.SM2_DEFAULT_USER_ID, SignatureEncoding.PLAIN)));
    }

    static Stream<CryptoSuite> bothSuites() {
        return Stream.of(CryptoSuite.international(), CryptoSuite.sm());
    }

    @ParameterizedTest
    @MethodSource("suites")
    void signAndVerify_roundTrip_andRejectAlteredData(CryptoSuite suite, SignatureOptions options) {
        KeyPairMaterial pair = suite.generateSigningKeyPair();

        byte[] signature = suite.sign(pair.privateKey(), DATA, options);

        assertThat(suite.verify(pair.publicKey(), DATA, signature, options)).isTrue();
        byte[] altered = DATA.clone();
        altered[0] ^= 1;
        assertThat(suite.verify(pair.publicKey(), altered, signature, options)).isFalse();
        assertThat(suite.verify(pair.publicKey(), DATA, new byte[] {1, 2, 3}, options))
                .as("a malformed signature is just invalid")
                .isFalse();
        if (options.encoding() == SignatureEncoding.PLAIN) {
            assertThat(signature).hasSize(64);
        } else {
            assertThat(signature[0]).isEqualTo((byte) 0x30);
        }
        assertThat(suite.verify(suite.generateSigningKeyPair().publicKey(), DATA, signature, options))
                .as("another key")
                .isFalse();
    }

    @Test
    void sm2_needsAnExplicitUserId_ecdsaTakesNone() {
        KeyPairMaterial sm2 = CryptoSuite.sm().generateSigningKeyPair();
        KeyPairMaterial p256 = CryptoSuite.international().generateSigningKeyPair();

        assertThatThrownBy(() ->
                        CryptoSuite.sm().sign(sm2.privateKey(), DATA, SignatureOptions.ecdsa(SignatureEncoding.DER)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1234567812345678");
        assertThatThrownBy(() -> CryptoSuite.international()
                        .sign(p256.privateKey(), DATA, SignatureOptions.sm2("id", SignatureEncoding.DER)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ECDSA takes no user ID");
    }

    @Test
    void keyOfTheOtherSuite_isAKeyTypeMismatch() {
        KeyPairMaterial sm2 = CryptoSuite.sm().generateSigningKeyPair();
        KeyPairMaterial p256 = CryptoSuite.international().generateSigningKeyPair();

        assertThatThrownBy(() -> CryptoSuite.international()
                        .sign(sm2.privateKey(), DATA, SignatureOptions.ecdsa(SignatureEncoding.DER)))
                .satisfies(e -> assertCode(e, CoreError.KEY_TYPE_MISMATCH));
        assertThatThrownBy(() -> CryptoSuite.sm()
                        .verify(
                                p256.publicKey(),
                                DATA,
                                new byte[64],
                                SignatureOptions.sm2("a", SignatureEncoding.PLAIN)))
                .satisfies(e -> assertCode(e, CoreError.KEY_TYPE_MISMATCH));
    }

    @Test
    void garbageKeys_areMalformed() {
        assertThatThrownBy(() -> PublicKeyInfo.fromDer(new byte[] {0x30, 0x03, 1, 2, 3}))
                .satisfies(e -> assertCode(e, CoreError.CRYPTO_MALFORMED));
        assertThatThrownBy(() ->
                        CryptoSuite.sm().sign(new byte[10], DATA, SignatureOptions.sm2("a", SignatureEncoding.DER)))
                .satisfies(e -> assertCode(e, CoreError.CRYPTO_MALFORMED));
        assertThatThrownBy(() -> PublicKeyInfo.fromPem("hello"))
                .satisfies(e -> assertCode(e, CoreError.CRYPTO_MALFORMED));
    }

    @ParameterizedTest
    @MethodSource("bothSuites")
    void publicKey_pemRoundTrip(CryptoSuite suite) {
        PublicKeyInfo key = suite.generateSigningKeyPair().publicKey();

        String pem = key.toPem();

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(PublicKeyInfo.fromPem(pem)).isEqualTo(key);
        assertThat(key.type()).isEqualTo(suite.signingKeyType());
    }

    @ParameterizedTest
    @MethodSource("bothSuites")
    void seal_roundTrip_freshNonceEachTime(CryptoSuite suite) {
        byte[] key = suite.generateSecretKey();
        byte[] aad = "customer C1".getBytes(StandardCharsets.UTF_8);

        byte[] a = suite.seal(key, DATA, aad);
        byte[] b = suite.seal(key, DATA, aad);

        assertThat(a).isNotEqualTo(b).hasSize(12 + DATA.length + 16);
        assertThat(suite.open(key, a, aad)).isEqualTo(DATA);
        assertThat(suite.open(key, suite.seal(key, new byte[0], null), null)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bothSuites")
    void open_detectsEveryAlteration(CryptoSuite suite) {
        byte[] key = suite.generateSecretKey();
        byte[] aad = "customer C1".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = suite.seal(key, DATA, aad);

        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            int position = i;
            assertThatThrownBy(() -> suite.open(key, altered, aad))
                    .as("byte " + position)
                    .satisfies(e -> assertCode(e, CoreError.AUTHENTICATION_FAILED));
        }
        assertThatThrownBy(() -> suite.open(key, sealed, "customer C2".getBytes(StandardCharsets.UTF_8)))
                .satisfies(e -> assertCode(e, CoreError.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> suite.open(suite.generateSecretKey(), sealed, aad))
                .satisfies(e -> assertCode(e, CoreError.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> suite.open(key, new byte[27], aad))
                .satisfies(e -> assertCode(e, CoreError.CRYPTO_MALFORMED));
        assertThatThrownBy(() -> suite.open(new byte[5], sealed, aad))
                .satisfies(e -> assertCode(e, CoreError.KEY_TYPE_MISMATCH));
    }

    @ParameterizedTest
    @MethodSource("bothSuites")
    void cbc_roundTrip_andBadInput(CryptoSuite suite) {
        byte[] key = suite.generateSecretKey();
        CbcCipher cbc = suite.cbc();

        byte[] ciphertext = cbc.encrypt(key, DATA);

        assertThat(cbc.decrypt(key, ciphertext)).isEqualTo(DATA);
        assertThat(cbc.encrypt(key, DATA)).isNotEqualTo(ciphertext);
        assertThatThrownBy(() -> cbc.decrypt(key, new byte[17]))
                .satisfies(e -> assertCode(e, CoreError.CRYPTO_MALFORMED));
        // CBC is unauthenticated: a wrong key usually breaks the padding, and never yields the plaintext.
        byte[] otherKey = suite.generateSecretKey();
        try {
            assertThat(cbc.decrypt(otherKey, ciphertext)).isNotEqualTo(DATA);
        } catch (CryptoException e) {
            assertCode(e, CoreError.CRYPTO_MALFORMED);
        }
    }

    @Test
    void sm2Encryption_roundTrip_detectsAlteration() {
        PublicKeyEncryption sm2 = CryptoSuite.sm().publicKeyEncryption().orElseThrow();
        KeyPairMaterial pair = CryptoSuite.sm().generateSigningKeyPair();

        byte[] ciphertext = sm2.encrypt(pair.publicKey(), DATA);

        assertThat(ciphertext).hasSize(65 + 32 + DATA.length);
        assertThat(sm2.decrypt(pair.privateKey(), ciphertext)).isEqualTo(DATA);
        byte[] altered = ciphertext.clone();
        altered[ciphertext.length - 1] ^= 1;
        assertThatThrownBy(() -> sm2.decrypt(pair.privateKey(), altered))
                .satisfies(e -> assertCode(e, CoreError.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> sm2.decrypt(pair.privateKey(), new byte[50]))
                .satisfies(e -> assertCode(e, CoreError.CRYPTO_MALFORMED));
        assertThat(CryptoSuite.international().publicKeyEncryption()).isEmpty();
        assertThat(sm2.algorithm()).isEqualTo("SM2-C1C3C2");
    }

    @Test
    void suites_byName() {
        assertThat(CryptoSuite.named("sm")).isSameAs(CryptoSuite.sm());
        assertThat(CryptoSuite.named(" INTERNATIONAL ")).isSameAs(CryptoSuite.international());
        assertThatThrownBy(() -> CryptoSuite.named("GOST")).hasMessageContaining("known: INTERNATIONAL, SM");
        assertThat(CryptoSuite.sm().digestAlgorithm()).isEqualTo("SM3");
        assertThat(CryptoSuite.international().aeadAlgorithm()).isEqualTo("AES-256-GCM");
    }

    @Test
    void keyPairMaterial_toString_hidesThePrivateKey() {
        KeyPairMaterial pair = CryptoSuite.sm().generateSigningKeyPair();

        assertThat(pair.toString()).contains("private key hidden").doesNotContain("[B@");
    }

    @ParameterizedTest
    @MethodSource("bothSuites")
    void digest_isThreadSafe(CryptoSuite suite) throws Exception {
        byte[] expected = suite.digest(DATA);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        if (!java.util.Arrays.equals(suite.digest(DATA), expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var f : futures) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
