package io.remotebank.identity.flow;

import static org.assertj.core.api.Assertions.fail;

import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.consent.ConsentRegistries;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.discovery.ProviderRegistry;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactVault;
import io.remotebank.identity.spi.DocumentOcrProvider;
import io.remotebank.identity.spi.FaceMatchProvider;
import io.remotebank.identity.spi.FlowStore;
import io.remotebank.identity.spi.IdentityRegistry;
import io.remotebank.identity.spi.LivenessProvider;
import io.remotebank.testing.InMemoryTrail;
import io.remotebank.testing.ManualTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** An engine on virtual time with an in-memory audit trail, consent registry and vault. */
final class KycFixture implements AutoCloseable {

    /** A TD3 MRZ built on ICAO 9303 Part 4's specimen, its expiry moved to 2034 (check digits recomputed). */
    static final List<String> MRZ =
            List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F3412318ZE184226B<<<<<18");

    static final CustomerId ALICE = CustomerId.of("C2001");

    final ManualTime time = ManualTime.at(Instant.parse("2026-12-07T10:00:00Z"));
    final InMemoryTrail audit = InMemoryTrail.open(time);
    final AuditTrail trail = audit.trail();
    final ConsentRegistry consents;
    final ArtefactVault vault;

    KycFixture() {
        consents = ConsentRegistries.audited(ConsentRegistries.inMemory(), trail);
        vault = ArtefactVaults.inMemory(FieldEncryption.create(KeyProviders.inMemory(), CryptoSuite.international()));
    }

    KycFlows.Builder engine(FlowStore store) {
        return KycFlows.builder()
                .store(store)
                .vault(vault)
                .consents(consents)
                .auditTrail(trail)
                .clock(time.clock())
                .scheduler(time);
    }

    static <S> ProviderRegistry<S> providers(Class<S> type, List<? extends S> providers) {
        ProviderRegistry.Builder<S> b = ProviderRegistry.builder(type);
        int priority = providers.size();
        for (S p : providers) {
            b.register(p, priority--);
        }
        return b.build();
    }

    static KycFlows.Builder with(
            KycFlows.Builder b,
            List<? extends DocumentOcrProvider> ocr,
            List<? extends IdentityRegistry> registries,
            List<? extends LivenessProvider> liveness,
            List<? extends FaceMatchProvider> face) {
        return b.ocr(providers(DocumentOcrProvider.class, ocr))
                .registries(providers(IdentityRegistry.class, registries))
                .liveness(providers(LivenessProvider.class, liveness))
                .faceMatch(providers(FaceMatchProvider.class, face));
    }

    void grantFaceConsent() {
        consents.record(ConsentRecord.granted(
                ALICE,
                ConsentPurpose.FACE_BIOMETRICS,
                time.clock().instant(),
                ContactChannel.APP_PUSH,
                "form:face/v1"));
    }

    void withdrawFaceConsent() {
        consents.record(ConsentRecord.withdrawn(
                ALICE,
                ConsentPurpose.FACE_BIOMETRICS,
                time.clock().instant(),
                ContactChannel.APP_PUSH,
                "app:settings/face-off"));
    }

    static Application application() {
        return new Application(
                ALICE,
                Sensitive.of("ERIKSSON ANNA MARIA", PiiKind.NAME),
                Sensitive.of("L898902C3", PiiKind.ID_NUMBER),
                Artefact.of(ArtefactKind.DOCUMENT_IMAGE, "image/png", new byte[] {1, 2, 3, 4}));
    }

    /** Runs virtual time until the stage completes: timeouts and retry pauses fire on it. */
    <T> T await(CompletionStage<T> stage) {
        CompletableFuture<T> f = stage.toCompletableFuture();
        java.time.Instant limit = time.clock().instant().plus(java.time.Duration.ofHours(1));
        while (!f.isDone()) {
            // The audit trail's own ticks are pending too, so the bound is virtual time, not a count.
            if (time.pending() == 0 || time.clock().instant().isAfter(limit)) {
                fail("the flow neither completed within an hour of virtual time nor has a timer pending");
            }
            time.advanceToNext();
        }
        return f.join();
    }

    List<String> audit() {
        return audit.events();
    }

    List<String> actions() {
        return audit.actions();
    }

    @Override
    public void close() {
        audit.close();
    }
}
