package io.remotebank.benchmarks;

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
import io.remotebank.identity.flow.FlowStores;
import io.remotebank.identity.flow.FlowTemplates;
import io.remotebank.identity.flow.KycFlows;
import io.remotebank.identity.flow.Verdict;
import io.remotebank.identity.simulator.Behaviour;
import io.remotebank.identity.simulator.FaceMatchSimulator;
import io.remotebank.identity.simulator.LivenessSimulator;
import io.remotebank.identity.simulator.OcrSimulator;
import io.remotebank.identity.simulator.RegistrySimulator;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.DocumentOcrProvider;
import io.remotebank.identity.spi.FaceMatchProvider;
import io.remotebank.identity.spi.FlowStore;
import io.remotebank.identity.spi.IdentityRegistry;
import io.remotebank.identity.spi.LivenessProvider;
import io.remotebank.testing.InMemoryTrail;
import io.remotebank.testing.ManualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Remote KYC flows end to end on the simulated vendors, one thread: a remote Class II opening from
 * start to decision (OCR, validation, registry, liveness session and result, face match, decision),
 * with every state saved and every step, attempt and decision in a real audit trail (in memory,
 * SHA-256 tree), the application's personal data encrypted into the in-memory vault. {@code store}
 * is the flow store: {@code memory}, or {@code file} (rb-core's append-only log, forced to disk on
 * each save). There is no peer: no library offers KYC flows to compare with, so the figure is what
 * an engine costs per flow beside the vendors' own latency (hundreds of milliseconds per call).
 * Every flow stays in the store and every event in the in-memory trail, hence the 4 GiB heap.
 * 1 method x 2 stores x 1 fork x (3 + 5) s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KycFlowBenchmark {

    private static final List<String> MRZ =
            List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F3412318ZE184226B<<<<<18");

    /** An engine on the simulators. */
    @State(Scope.Thread)
    public static class Engine {
        @Param({"memory", "file"})
        public String store;

        ManualTime time;
        InMemoryTrail audit;
        KycFlows flows;
        Application application;
        FlowStores.FileStore file;
        Path dir;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            time = ManualTime.at(Instant.parse("2026-12-07T10:00:00Z"));
            audit = InMemoryTrail.open(time);
            ConsentRegistry consents = ConsentRegistries.audited(ConsentRegistries.inMemory(), audit.trail());
            CustomerId customer = CustomerId.of("C-BENCH-1");
            consents.record(ConsentRecord.granted(
                    customer, ConsentPurpose.FACE_BIOMETRICS, time.clock().instant(), ContactChannel.APP_PUSH, "b"));
            FlowStore flowStore;
            if (store.equals("file")) {
                dir = Files.createTempDirectory("rb-kyc-bench");
                file = FlowStores.file(dir.resolve("flows.log"));
                flowStore = file;
            } else {
                flowStore = FlowStores.inMemory();
            }
            flows = KycFlows.builder()
                    .ocr(ProviderRegistry.builder(DocumentOcrProvider.class)
                            .register(OcrSimulator.of("sim-ocr", MRZ, Behaviour.PASS))
                            .build())
                    .registries(ProviderRegistry.builder(IdentityRegistry.class)
                            .register(RegistrySimulator.of("sim-registry", Behaviour.PASS))
                            .build())
                    .liveness(ProviderRegistry.builder(LivenessProvider.class)
                            .register(LivenessSimulator.of("sim-liveness", time.clock(), Behaviour.PASS))
                            .build())
                    .faceMatch(ProviderRegistry.builder(FaceMatchProvider.class)
                            .register(FaceMatchSimulator.of("sim-face", Behaviour.PASS))
                            .build())
                    .store(flowStore)
                    .vault(ArtefactVaults.inMemory(
                            FieldEncryption.create(KeyProviders.inMemory(), CryptoSuite.international())))
                    .consents(consents)
                    .auditTrail(audit.trail())
                    .clock(time.clock())
                    .scheduler(time)
                    .build();
            application = new Application(
                    customer,
                    Sensitive.of("ERIKSSON ANNA MARIA", PiiKind.NAME),
                    Sensitive.of("L898902C3", PiiKind.ID_NUMBER),
                    Artefact.of(ArtefactKind.DOCUMENT_IMAGE, "image/png", new byte[] {1, 2, 3, 4}));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            audit.close();
            if (file != null) {
                file.close();
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(dir);
            }
        }

        <T> T await(CompletionStage<T> stage) {
            CompletableFuture<T> f = stage.toCompletableFuture();
            while (!f.isDone()) {
                if (time.pending() == 0) {
                    throw new IllegalStateException("the flow stopped with no timer pending");
                }
                time.advanceToNext();
            }
            return f.join();
        }
    }

    /** One remote Class II opening from start to its decision. */
    @Benchmark
    public Verdict remotebankClass2Flow(Engine e) {
        FlowState s = e.await(e.flows.start(FlowTemplates.REMOTE_CLASS2, e.application));
        if (s.status() == FlowStatus.WAITING_FOR_CUSTOMER) {
            s = e.await(e.flows.advance(s.id()));
        }
        Verdict v = s.decision().orElseThrow().verdict();
        if (v != Verdict.PASS) {
            throw new IllegalStateException("the simulated flow did not pass: " + s);
        }
        return v;
    }
}
