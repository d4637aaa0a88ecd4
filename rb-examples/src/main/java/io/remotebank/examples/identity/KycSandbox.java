package io.remotebank.examples.identity;

import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
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
import io.remotebank.identity.flow.Application;
import io.remotebank.identity.flow.ArtefactVaults;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.FlowStatus;
import io.remotebank.identity.flow.KycFlows;
import io.remotebank.identity.policy.KycPolicy;
import io.remotebank.identity.simulator.Behaviour;
import io.remotebank.identity.simulator.FaceMatchSimulator;
import io.remotebank.identity.simulator.LivenessSimulator;
import io.remotebank.identity.simulator.OcrSimulator;
import io.remotebank.identity.simulator.RegistrySimulator;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A KYC engine wired to the simulators on virtual time, with an in-memory audit trail, consent
 * registry and vault: what {@code rb kyc} and the review hand-off run. Never a production setup:
 * every vendor here is a simulator.
 */
final class KycSandbox implements AutoCloseable {

    /** What the simulated vendors do. */
    enum Scenario {
        /** Every vendor passes. */
        PASS,
        /** The face-match vendor is unsure: the flow goes to review. */
        REVIEW,
        /** The face-match vendor says another person: the flow fails. */
        FAIL,
        /** The first registry is down: every attempt on it fails and the second one answers. */
        VENDOR_DOWN;

        /** The command-line spelling, e.g. {@code vendor-down}. */
        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A TD3 MRZ built on ICAO 9303 Part 4's specimen, its expiry moved to 2034 (check digits recomputed). */
    static final List<String> MRZ =
            List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F3412318ZE184226B<<<<<18");

    final ManualTime time;
    final InMemoryTrail audit;
    final ConsentRegistry consents;
    final ArtefactVault vault;
    final KycFlows flows;

    KycSandbox(Scenario scenario, FlowStore store, Instant start) {
        time = ManualTime.at(start);
        audit = InMemoryTrail.open(time);
        consents = ConsentRegistries.audited(ConsentRegistries.inMemory(), audit.trail());
        vault = ArtefactVaults.inMemory(FieldEncryption.create(KeyProviders.inMemory(), CryptoSuite.international()));
        Behaviour face = switch (scenario) {
            case REVIEW -> Behaviour.REVIEW;
            case FAIL -> Behaviour.FAIL;
            default -> Behaviour.PASS;
        };
        ProviderRegistry.Builder<IdentityRegistry> registries = ProviderRegistry.builder(IdentityRegistry.class);
        if (scenario == Scenario.VENDOR_DOWN) {
            registries.register(RegistrySimulator.of("sim-registry-a", Behaviour.DOWN), 10);
        }
        registries.register(RegistrySimulator.of("sim-registry-b", Behaviour.PASS), 5);
        flows = KycFlows.builder()
                .ocr(ProviderRegistry.builder(DocumentOcrProvider.class)
                        .register(OcrSimulator.of("sim-ocr", MRZ, Behaviour.PASS))
                        .build())
                .registries(registries.build())
                .liveness(ProviderRegistry.builder(LivenessProvider.class)
                        .register(LivenessSimulator.of("sim-liveness", time.clock(), Behaviour.PASS))
                        .build())
                .faceMatch(ProviderRegistry.builder(FaceMatchProvider.class)
                        .register(FaceMatchSimulator.of("sim-face", face))
                        .build())
                .policy(KycPolicy.builder().faceMatchFalseAcceptRate(1e-4).build())
                .store(store)
                .vault(vault)
                .consents(consents)
                .auditTrail(audit.trail())
                .clock(time.clock())
                .scheduler(time)
                .build();
    }

    /** The specimen applicant: ICAO's Anna Maria Eriksson, with face-biometrics consent. */
    Application applicant(CustomerId customer) {
        consents.record(ConsentRecord.granted(
                customer, ConsentPurpose.FACE_BIOMETRICS, time.clock().instant(), ContactChannel.APP_PUSH, "rb-kyc"));
        return new Application(
                customer,
                Sensitive.of("ERIKSSON ANNA MARIA", PiiKind.NAME),
                Sensitive.of("L898902C3", PiiKind.ID_NUMBER),
                Artefact.of(ArtefactKind.DOCUMENT_IMAGE, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    }

    /**
     * Runs a flow to its end: when it waits for the customer, the simulated customer has done the
     * liveness session, so it advances at once.
     */
    FlowState run(String definition, CustomerId customer) {
        FlowState s = await(flows.start(definition, applicant(customer)));
        if (s.status() == FlowStatus.WAITING_FOR_CUSTOMER) {
            s = await(flows.advance(s.id()));
        }
        return s;
    }

    /** Runs virtual time until the stage completes: retry pauses and timeouts fire on it. */
    <T> T await(CompletionStage<T> stage) {
        CompletableFuture<T> f = stage.toCompletableFuture();
        Instant limit = time.clock().instant().plus(Duration.ofHours(1));
        while (!f.isDone()) {
            if (time.pending() == 0 || time.clock().instant().isAfter(limit)) {
                throw new IllegalStateException("the flow neither completed within an hour of virtual time"
                        + " nor has a timer pending: " + time.describePending());
            }
            time.advanceToNext();
        }
        return f.join();
    }

    @Override
    public void close() {
        audit.close();
    }
}
