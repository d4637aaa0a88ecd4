package io.remotebank.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.audit.AuditReceipt;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The benchmark's states work and its methods do what they claim, on a small scale. */
class AuditBenchmarkTest {

    @Test
    void appendState_acceptsAndStoresEvents() throws Exception {
        AuditBenchmark benchmark = new AuditBenchmark();
        AuditBenchmark.Appending state = new AuditBenchmark.Appending();
        state.open();
        try {
            Object last = null;
            for (int i = 0; i < 2_500; i++) {
                last = benchmark.remotebankAppendGroupCommit(state);
                benchmark.remotebankAppendWithPersonalDataGroupCommit(state);
            }
            @SuppressWarnings("unchecked")
            AuditReceipt receipt =
                    ((CompletionStage<AuditReceipt>) last).toCompletableFuture().join();
            assertThat(receipt.sequence()).isEqualTo(4_998);
        } finally {
            state.close();
        }
        assertThat(state.trail.latestCheckpoint())
                .hasValueSatisfying(c -> assertThat(c.size()).isEqualTo(5_000));
    }

    @Test
    void witnessedAppendState_publishesTheLastCheckpoint() throws Exception {
        AuditBenchmark benchmark = new AuditBenchmark();
        AuditBenchmark.AppendingWitnessed state = new AuditBenchmark.AppendingWitnessed();
        state.open();
        try {
            for (int i = 0; i < 2_500; i++) {
                benchmark.remotebankAppendGroupCommitWitnessed(state);
            }
        } finally {
            state.close();
        }
        assertThat(state.trail.latestWitnessed())
                .hasValueSatisfying(c -> assertThat(c.size()).isEqualTo(2_500));
    }

    @Test
    void rawLog_writesEveryRecord() throws Exception {
        AuditBenchmark.RawLog state = new AuditBenchmark.RawLog();
        state.open();
        java.nio.file.Path file = state.dir.resolve("raw.log");
        for (int i = 0; i < 1_000; i++) {
            new AuditBenchmark().rawLogAppend(state);
        }
        state.buffer.flip();
        state.channel.write(state.buffer);
        assertThat(java.nio.file.Files.size(file)).isEqualTo(1_000L * (state.record.length + 5));
        state.close();
    }
}
