package io.remotebank.segmentation.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import io.remotebank.segmentation.rules.RuleSet;
import io.remotebank.segmentation.rules.SegmentRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final Instant NOW = AS_OF.atStartOfDay().toInstant(ZoneOffset.UTC);

    private static CsvInput csv(String text) throws IOException {
        return CsvInput.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static CsvInput csv(byte[] bytes) throws IOException {
        return CsvInput.of(new ByteArrayInputStream(bytes));
    }

    @Test
    void csvRecords_areTypedByTheSchema_andBadRowsNamedWithTheirLine() throws IOException {
        ProfileSchema schema = ProfileSchema.builder()
                .field("aum", ProfileType.DOUBLE)
                .field("vip", ProfileType.BOOL)
                .field("opened", ProfileType.DATE)
                .field("products", ProfileType.STRING_LIST)
                .field("age", ProfileType.INT)
                .build();
        try (CsvInput in = csv("id,vip,aum,opened,products,ignored\n"
                + "a,true,1.5,2024-01-02,fund|card,x\n"
                + "b,maybe,1,2024-01-02,,x\n"
                + "d,0,NaN,2024-01-02,,x\n"
                + "\n"
                + "e,1,2\n"
                + "f,FALSE,,,,\n"
                + "c,\"broken,1,2024-01-02,,x\n")) {
            ProfileColumns columns = ProfileColumns.match(schema, in.header());
            assertThat(columns.missingFields()).containsExactly("age");
            CsvChunk chunk = in.next(100);
            assertThat(in.next(100)).isNull();
            ProfileBatch batch = schema.newBatch(100);
            String[] errors = new String[100];
            assertThat(columns.parse(chunk, batch, errors)).isEqualTo(4);
            assertThat(batch.toMap(0))
                    .containsEntry("aum", 1.5)
                    .containsEntry("vip", true)
                    .containsEntry("opened", LocalDate.of(2024, 1, 2))
                    .containsEntry("products", List.of("fund", "card"));
            assertThat(chunk.line(1)).isEqualTo(3);
            assertThat(errors[1])
                    .contains("field 'vip' (bool): expected true, false, 1 or 0")
                    .doesNotContain("maybe");
            assertThat(errors[2]).contains("field 'aum' (double): expected a decimal number");
            assertThat(chunk.line(3)).isEqualTo(6);
            assertThat(errors[3]).isEqualTo("expected 6 columns, found 3");
            assertThat(errors[5]).contains("quoted field is not closed");
            assertThat(chunk.line(5)).isEqualTo(8);
            assertThat(errors[4]).isNull();
            assertThat(batch.toMap(4))
                    .containsOnly(java.util.Map.entry("vip", false), java.util.Map.entry("products", List.of()));
        }
    }

    @Test
    void invalidUtf8_failsItsRecordWithTheByteOffset() throws IOException {
        byte[] bytes = "id,x\na,1\nb,\u00ff\nc,3\n".getBytes(StandardCharsets.ISO_8859_1);
        try (CsvInput in = csv(bytes)) {
            CsvChunk chunk = in.next(10);
            assertThat(chunk.size()).isEqualTo(3);
            assertThat(chunk.error(1)).isEqualTo("invalid UTF-8 at byte offset 11 (0xFF)");
            assertThat(chunk.error(2)).isNull();
        }
    }

    @Test
    void fileWithoutHeader_isRefused() {
        assertThatThrownBy(() -> csv(""))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("the first row must name the columns");
    }

    @Test
    void parallelBatches_agreeWithRecordByRecordScoring_inInputOrder() {
        CustomerBase base = CustomerBase.of(42, AS_OF);
        RuleSet rules = RuleSet.compile(
                CustomerBase.SCHEMA,
                List.of(
                        new SegmentRule("private", 5, "aum >= 6e6"),
                        new SegmentRule("investor", 4, "'fund' in products || 'wealth' in products"),
                        new SegmentRule("dormant", 3, "txn_count == 0 && app_logins_30d == 0"),
                        new SegmentRule("young-app", 2, "age < 30 && channel == 'app'")));
        int total = 10_000;
        int chunkRows = 777;
        AtomicLong next = new AtomicLong();
        ThreadLocal<ProfileBatch> scratch = ThreadLocal.withInitial(() -> CustomerBase.SCHEMA.newBatch(chunkRows));
        List<String> parallel = new ArrayList<>();
        List<BatchProgress> reports = new ArrayList<>();
        BatchRunner runner = BatchRunner.builder()
                .threads(3)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .progress(reports::add)
                .build();
        BatchProgress done = runner.run(
                () -> {
                    long first = next.getAndAdd(chunkRows);
                    return first >= total ? null : new long[] {first, Math.min(chunkRows, total - first)};
                },
                range -> {
                    ProfileBatch b = scratch.get();
                    base.fill(b, range[0], (int) range[1]);
                    int[] seg = new int[b.rows()];
                    rules.assign(b, NOW, seg);
                    List<String> out = new ArrayList<>();
                    for (int r = 0; r < b.rows(); r++) {
                        out.add(b.ids()[r] + "="
                                + (seg[r] < 0
                                        ? ""
                                        : rules.segments().get(seg[r]).name()));
                    }
                    return out;
                },
                List::size,
                parallel::addAll);
        assertThat(done.rows()).isEqualTo(total);
        assertThat(done.chunks()).isEqualTo((total + chunkRows - 1) / chunkRows);
        assertThat(reports).hasSize((int) done.chunks());
        assertThat(reports.get(reports.size() - 1).rows()).isEqualTo(total);

        ProfileBatch one = CustomerBase.SCHEMA.newBatch(1);
        for (int i = 0; i < total; i++) {
            base.fill(one, i, 1);
            Optional<String> seg = rules.segmentOf(one.toMap(0), NOW);
            assertThat(parallel.get(i)).isEqualTo(CustomerBase.id(i) + "=" + seg.orElse(""));
        }
    }

    @Test
    void failureInWork_stopsTheRun_andIsRethrownAsItWas() {
        AtomicLong n = new AtomicLong();
        assertThatThrownBy(() -> BatchRunner.builder()
                        .threads(2)
                        .build()
                        .run(
                                () -> n.incrementAndGet() > 100 ? null : n.get(),
                                x -> {
                                    if (x == 7) {
                                        throw new UncheckedIOException(new IOException("disk gone"));
                                    }
                                    return x;
                                },
                                x -> 1,
                                x -> {}))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk gone");
    }

    @Test
    void generator_isReproducible_andItsCsvReadsBackToTheSameProfiles() throws IOException {
        CustomerBase base = CustomerBase.of(7, AS_OF);
        StringWriter out = new StringWriter();
        base.writeCsv(out, 100, 50);
        ProfileBatch direct = CustomerBase.SCHEMA.newBatch(50);
        base.fill(direct, 100, 50);
        try (CsvInput in = csv(out.toString())) {
            ProfileColumns columns = ProfileColumns.match(CustomerBase.SCHEMA, in.header());
            assertThat(columns.missingFields()).isEmpty();
            ProfileBatch read = CustomerBase.SCHEMA.newBatch(50);
            String[] errors = new String[50];
            assertThat(columns.parse(in.next(50), read, errors)).isZero();
            for (int r = 0; r < 50; r++) {
                assertThat(read.ids()[r]).isEqualTo(direct.ids()[r]);
                assertThat(read.toMap(r)).isEqualTo(direct.toMap(r));
            }
        }
        ProfileBatch again = CustomerBase.SCHEMA.newBatch(50);
        CustomerBase.of(7, AS_OF).fill(again, 100, 50);
        assertThat(again.toMap(17)).isEqualTo(direct.toMap(17));
    }
}
