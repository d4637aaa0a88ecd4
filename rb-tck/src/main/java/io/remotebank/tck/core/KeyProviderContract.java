package io.remotebank.tck.core;

import static org.apiguardian.api.API.Status.STABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.CoreError;
import io.remotebank.core.ErrorCode;
import io.remotebank.core.RbException;
import io.remotebank.core.crypto.KeyDescription;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyType;
import io.remotebank.core.crypto.PublicKeyInfo;
import io.remotebank.core.crypto.SignatureEncoding;
import io.remotebank.core.crypto.SignatureOptions;
import io.remotebank.core.spi.KeyProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compatibility kit of {@link KeyProvider}: extend it, return a fresh, empty provider from
 * {@link #newProvider()}, and run it with your tests.
 *
 * <pre>{@code
 * class MyKmsKeyProviderTest extends KeyProviderContract {
 *     protected KeyProvider newProvider() { return new MyKmsKeyProvider(testAccount()); }
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public abstract class KeyProviderContract {

    private static final byte[] DATA = "转账 10,000.00 CNY".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "subject/C1".getBytes(StandardCharsets.UTF_8);

    /** The provider under test, fresh for each test. */
    protected KeyProvider keys;

    /** For subclasses. */
    protected KeyProviderContract() {}

    /**
     * A new provider that holds no keys.
     *
     * @return the provider
     */
    protected abstract KeyProvider newProvider();

    /** Creates the provider under test. */
    @BeforeEach
    void createProvider() {
        keys = newProvider();
        assertThat(keys.list("")).as("a new provider holds no keys").isEmpty();
    }

    private static void assertFails(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOf(RbException.class)
                .satisfies(e -> assertThat(((RbException) e).code()).isEqualTo(code));
    }

    private static SignatureOptions optionsFor(KeyType type, SignatureEncoding encoding) {
        return type == KeyType.SM2
                ? SignatureOptions.sm2(SignatureOptions.SM2_DEFAULT_USER_ID, encoding)
                : SignatureOptions.ecdsa(encoding);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void generatedKey_isDescribedAndListed(KeyType type) {
        KeyId id = KeyId.of("tck/" + type.name().toLowerCase());

        keys.generate(id, type);

        KeyDescription description = keys.describe(id).orElseThrow();
        assertThat(description.id()).isEqualTo(id);
        assertThat(description.type()).isEqualTo(type);
        assertThat(description.usable()).isTrue();
        assertThat(keys.list("tck/")).containsExactly(id);
    }

    @Test
    void list_filtersByPrefix_inIdOrder() {
        keys.generate(KeyId.of("subject/C2/v1"), KeyType.SM4);
        keys.generate(KeyId.of("subject/C1/v2"), KeyType.SM4);
        keys.generate(KeyId.of("subject/C1/v1"), KeyType.SM4);
        keys.generate(KeyId.of("audit/signer"), KeyType.SM2);

        assertThat(keys.list("subject/C1/")).containsExactly(KeyId.of("subject/C1/v1"), KeyId.of("subject/C1/v2"));
        assertThat(keys.list("")).hasSize(4).first().isEqualTo(KeyId.of("audit/signer"));
        assertThat(keys.list("nothing/")).isEmpty();
    }

    @Test
    void takenId_cannotBeGeneratedAgain() {
        keys.generate(KeyId.of("k"), KeyType.AES_256);

        assertFails(() -> keys.generate(KeyId.of("k"), KeyType.SM4), CoreError.KEY_EXISTS);
    }

    @ParameterizedTest
    @EnumSource(
            value = KeyType.class,
            names = {"AES_256", "SM4"})
    void secretKey_encryptsAndDecrypts_andDetectsAlteration(KeyType type) {
        KeyId id = KeyId.of("secret");
        keys.generate(id, type);

        byte[] first = keys.encrypt(id, DATA, AAD);
        byte[] second = keys.encrypt(id, DATA, AAD);

        assertThat(first).as("a fresh nonce each time").isNotEqualTo(second);
        assertThat(keys.decrypt(id, first, AAD)).isEqualTo(DATA);
        byte[] altered = first.clone();
        altered[altered.length - 1] ^= 1;
        assertFails(() -> keys.decrypt(id, altered, AAD), CoreError.AUTHENTICATION_FAILED);
        assertFails(
                () -> keys.decrypt(id, first, "subject/C2".getBytes(StandardCharsets.UTF_8)),
                CoreError.AUTHENTICATION_FAILED);
    }

    @ParameterizedTest
    @EnumSource(
            value = KeyType.class,
            names = {"EC_P256", "SM2"})
    void keyPair_signs_andTheSuiteVerifiesWithThePublicKeyAlone(KeyType type) {
        KeyId id = KeyId.of("signer");
        keys.generate(id, type);
        PublicKeyInfo publicKey = keys.publicKey(id);

        for (SignatureEncoding encoding : SignatureEncoding.values()) {
            SignatureOptions options = optionsFor(type, encoding);
            byte[] signature = keys.sign(id, DATA, options);
            assertThat(publicKey.type()).isEqualTo(type);
            assertThat(type.suite().verify(publicKey, DATA, signature, options)).isTrue();
            assertThat(keys.verify(id, DATA, signature, options)).isTrue();
            assertThat(keys.verify(id, AAD, signature, options)).isFalse();
        }
    }

    @Test
    void wrongKindOfKey_isATypeMismatch() {
        keys.generate(KeyId.of("secret"), KeyType.SM4);
        keys.generate(KeyId.of("pair"), KeyType.SM2);

        assertFails(() -> keys.encrypt(KeyId.of("pair"), DATA, AAD), CoreError.KEY_TYPE_MISMATCH);
        assertFails(
                () -> keys.sign(KeyId.of("secret"), DATA, optionsFor(KeyType.SM2, SignatureEncoding.DER)),
                CoreError.KEY_TYPE_MISMATCH);
        assertFails(() -> keys.publicKey(KeyId.of("secret")), CoreError.KEY_TYPE_MISMATCH);
    }

    @Test
    void unknownKey_isNotFound_forEveryOperation() {
        KeyId id = KeyId.of("no/such/key");

        assertThat(keys.describe(id)).isEmpty();
        assertFails(() -> keys.encrypt(id, DATA, AAD), CoreError.KEY_NOT_FOUND);
        assertFails(() -> keys.decrypt(id, new byte[40], AAD), CoreError.KEY_NOT_FOUND);
        assertFails(() -> keys.sign(id, DATA, optionsFor(KeyType.SM2, SignatureEncoding.DER)), CoreError.KEY_NOT_FOUND);
        assertFails(() -> keys.publicKey(id), CoreError.KEY_NOT_FOUND);
        assertFails(() -> keys.destroy(id), CoreError.KEY_NOT_FOUND);
    }

    @Test
    void destroyedKey_isGoneForGood_andItsIdNeverReused() {
        KeyId id = KeyId.of("subject/C1/v1");
        keys.generate(id, KeyType.AES_256);
        byte[] sealed = keys.encrypt(id, DATA, AAD);

        keys.destroy(id);
        keys.destroy(id); // a second destroy does nothing

        assertFails(() -> keys.decrypt(id, sealed, AAD), CoreError.KEY_DESTROYED);
        assertFails(() -> keys.encrypt(id, DATA, AAD), CoreError.KEY_DESTROYED);
        assertThat(keys.describe(id)).hasValueSatisfying(d -> {
            assertThat(d.usable()).isFalse();
            assertThat(d.destroyed()).isPresent();
        });
        assertThat(keys.list("")).isEmpty();
        assertFails(() -> keys.generate(id, KeyType.AES_256), CoreError.KEY_EXISTS);
    }

    @Test
    void destroyedKeyPair_cannotSign() {
        KeyId id = KeyId.of("signer");
        keys.generate(id, KeyType.EC_P256);

        keys.destroy(id);

        assertFails(
                () -> keys.sign(id, DATA, optionsFor(KeyType.EC_P256, SignatureEncoding.DER)), CoreError.KEY_DESTROYED);
        assertFails(() -> keys.publicKey(id), CoreError.KEY_DESTROYED);
    }

    @Test
    void missingArguments_areRejected() {
        keys.generate(KeyId.of("k"), KeyType.SM4);

        assertFails(() -> keys.generate(null, KeyType.SM4), CoreError.ARGUMENT_MISSING);
        assertFails(() -> keys.generate(KeyId.of("k2"), null), CoreError.ARGUMENT_MISSING);
        assertFails(() -> keys.encrypt(KeyId.of("k"), null, AAD), CoreError.ARGUMENT_MISSING);
        assertFails(() -> keys.decrypt(null, new byte[40], AAD), CoreError.ARGUMENT_MISSING);
        assertFails(() -> keys.list(null), CoreError.ARGUMENT_MISSING);
    }

    @Test
    void manyThreads_generateAndUseKeys() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                KeyId id = KeyId.of("concurrent/" + i);
                results.add(pool.submit(() -> {
                    keys.generate(id, i(id) % 2 == 0 ? KeyType.AES_256 : KeyType.SM4);
                    return keys.decrypt(id, keys.encrypt(id, DATA, AAD), AAD);
                }));
            }
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(DATA);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(keys.list("concurrent/")).hasSize(64);
    }

    private static int i(KeyId id) {
        return Integer.parseInt(id.value().substring(id.value().lastIndexOf('/') + 1));
    }
}
