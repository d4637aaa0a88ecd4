package io.remotebank.testing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remotebank.core.Arguments;
import io.remotebank.core.audit.AuditReader;
import io.remotebank.core.audit.AuditStores;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.audit.AuditVerification;
import io.remotebank.core.audit.AuditVerifier;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyId;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.spi.AuditStore;
import io.remotebank.core.spi.KeyProvider;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A real {@link AuditTrail} in memory, for the tests of an application that hands a trail to SDK
 * components (routing overrides, messaging, consent) and wants to see what they wrote. Its keys
 * (a checkpoint signer of the suite and the per-customer keys of personal data) live in memory too;
 * its clock and timers are a {@link ManualTime}'s, so checkpoint intervals pass on virtual time.
 *
 * <pre>{@code
 * ManualTime time = ManualTime.at(Instant.parse("2026-12-01T09:00:00Z"));
 * try (InMemoryTrail audit = InMemoryTrail.open(time)) {
 *     RoutingEngine engine = RoutingEngine.builder().auditTrail(audit.trail())...build();
 *     engine.move(contact, queue, supervisor, "VIP");
 *     assertThat(audit.actions()).containsExactly("routing.override.move");
 *     assertThat(audit.verify().intact()).isTrue();
 * }
 * }</pre>
 *
 * <p>Thread-safe as the trail is. Closing it closes the trail.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class InMemoryTrail implements AutoCloseable {

    private static final KeyId SIGNER = KeyId.of("audit/signer");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditStore store;
    private final KeyProvider keys;
    private final FieldEncryption fields;
    private final AuditTrail trail;

    private InMemoryTrail(ManualTime time, CryptoSuite suite) {
        this.store = AuditStores.inMemory();
        this.keys = KeyProviders.inMemory(time.clock());
        keys.generate(SIGNER, suite.signingKeyType());
        this.fields = FieldEncryption.create(keys, suite);
        this.trail = AuditTrail.builder(store)
                .suite(suite)
                .signer(keys, SIGNER)
                .fieldEncryption(fields)
                .clock(time.clock())
                .scheduler(time)
                .open();
    }

    /**
     * A trail with the international suite (SHA-256 tree, ECDSA P-256 checkpoints, AES-GCM for
     * personal data) on a virtual time.
     *
     * @param time the clock that stamps events and checkpoints, and the scheduler of the trail
     * @return the open trail
     */
    public static InMemoryTrail open(ManualTime time) {
        return open(time, CryptoSuite.international());
    }

    /**
     * A trail with a suite of your choice ({@code CryptoSuite.sm()}: SM3 tree, SM2 checkpoints, SM4
     * for personal data) on a virtual time.
     *
     * @param time the clock that stamps events and checkpoints, and the scheduler of the trail
     * @param suite the suite
     * @return the open trail
     */
    public static InMemoryTrail open(ManualTime time, CryptoSuite suite) {
        return new InMemoryTrail(Arguments.notNull(time, "time"), Arguments.notNull(suite, "suite"));
    }

    /**
     * The trail to hand to the components under test.
     *
     * @return the trail
     */
    public AuditTrail trail() {
        return trail;
    }

    /**
     * The keys: the checkpoint signer ({@code audit/signer}) and the customers' data keys, e.g. to
     * destroy a customer's key and see the trail still verify.
     *
     * @return the key provider
     */
    public KeyProvider keys() {
        return keys;
    }

    /**
     * Every event written so far, as JSON objects in sequence order ({@code time}, {@code actor},
     * {@code action}, {@code subject}, {@code correlation}, {@code details}), with personal data
     * decrypted and masked, as {@code rb audit show} prints them.
     *
     * @return one JSON object per event
     */
    public List<String> events() {
        trail.flush();
        AuditReader reader = AuditReader.of(store, Optional.of(fields));
        return reader.readJson(0, (int) Math.min(reader.size(), 1_000_000), false);
    }

    /**
     * The action of every event written so far, in order, e.g. {@code routing.override.move}.
     *
     * @return the actions
     */
    public List<String> actions() {
        List<String> actions = new ArrayList<>();
        for (String event : events()) {
            actions.add(field(event, "action"));
        }
        return actions;
    }

    /**
     * Signs a checkpoint over everything written and verifies the stored trail with the signer's
     * public key alone, as a regulator would.
     *
     * @return the verification; {@code intact()} is true for a trail nobody tampered with
     */
    public AuditVerification verify() {
        trail.checkpoint();
        return AuditVerifier.trusting(keys.publicKey(SIGNER)).verify(store);
    }

    /** Closes the trail (a last checkpoint is signed). */
    @Override
    public void close() {
        trail.close();
    }

    @Override
    public String toString() {
        return "InMemoryTrail[" + trail.size() + " events]";
    }

    private static String field(String event, String name) {
        try {
            JsonNode node = JSON.readTree(event).get(name);
            return node == null ? "" : node.asText();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("the trail returned an event that is not JSON", e);
        }
    }
}
