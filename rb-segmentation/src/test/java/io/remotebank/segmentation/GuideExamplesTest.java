package io.remotebank.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.ContactChannel;
import io.remotebank.segmentation.batch.BatchProgress;
import io.remotebank.segmentation.batch.BatchRunner;
import io.remotebank.segmentation.batch.CsvChunk;
import io.remotebank.segmentation.batch.CsvInput;
import io.remotebank.segmentation.batch.CustomerBase;
import io.remotebank.segmentation.batch.ProfileColumns;
import io.remotebank.segmentation.funnel.Funnel;
import io.remotebank.segmentation.funnel.FunnelCounter;
import io.remotebank.segmentation.funnel.FunnelReport;
import io.remotebank.segmentation.ladder.GrowthLadder;
import io.remotebank.segmentation.ladder.TierDecision;
import io.remotebank.segmentation.ladder.TierState;
import io.remotebank.segmentation.nba.Action;
import io.remotebank.segmentation.nba.ContactVerdict;
import io.remotebank.segmentation.nba.Decision;
import io.remotebank.segmentation.nba.NextBestAction;
import io.remotebank.segmentation.nba.Propensity;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import io.remotebank.segmentation.rfm.RfmFitter;
import io.remotebank.segmentation.rfm.RfmScores;
import io.remotebank.segmentation.rfm.RfmSegments;
import io.remotebank.segmentation.rules.Condition;
import io.remotebank.segmentation.rules.Formula;
import io.remotebank.segmentation.rules.RuleException;
import io.remotebank.segmentation.rules.RuleSet;
import io.remotebank.segmentation.rules.SegmentRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The examples of docs/rb-segmentation.md's customer-operations sections, compiled and run. */
class GuideExamplesTest {

    private static final Instant NOW = Instant.parse("2025-06-30T02:00:00Z");

    @Test
    void schemaAndRules() {
        // tag::schema[]
        ProfileSchema schema = ProfileSchema.builder()
                .field("aum", ProfileType.DOUBLE)
                .field("age", ProfileType.INT)
                .field("vip", ProfileType.BOOL)
                .field("opened", ProfileType.DATE)
                .field("products", ProfileType.STRING_LIST)
                .build();
        // end::schema[]
        // tag::rules[]
        RuleSet rules = RuleSet.compile(
                schema,
                List.of(
                        new SegmentRule("private", 30, "aum >= 6e6"),
                        new SegmentRule("investor", 20, "'fund' in products || 'wealth' in products"),
                        new SegmentRule("new", 10, "now - opened < duration('720h')"),
                        new SegmentRule("senior-vip", 5, "vip && age >= 60")));
        ProfileBatch batch = schema.newBatch(1024);
        batch.parse(0, schema.indexOf("aum"), "25000");
        batch.parse(0, schema.indexOf("age"), "67");
        batch.parse(0, schema.indexOf("vip"), "true");
        batch.parse(0, schema.indexOf("opened"), "2012-03-01");
        batch.parse(0, schema.indexOf("products"), "deposit|card");
        batch.rows(1);
        int[] segment = new int[batch.rows()];
        rules.assign(batch, NOW, segment); // index into rules.segments(), -1 for none
        // end::rules[]
        assertThat(rules.segments().get(segment[0]).name()).isEqualTo("senior-vip");
        assertThat(rules.segmentOf(Map.of("aum", 7e6), NOW)).contains("private");

        // tag::rule-error[]
        try {
            RuleSet.compile(schema, List.of(new SegmentRule("rich", 1, "aum * 2 > 3")));
        } catch (RuleException e) {
            // rule 'rich' at column 5: no operator '*' for (double, int): int and double do not mix ...
            System.err.println(e.rule() + " " + e.line() + ":" + e.column() + " " + e.reason());
        }
        // end::rule-error[]
        RuleException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> RuleSet.compile(schema, List.of(new SegmentRule("rich", 1, "aum * 2 > 3"))), RuleException.class);
        assertThat(e.rule()).isEqualTo("rich");
        assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void rfm() {
        CustomerBase base = CustomerBase.of(1, LocalDate.of(2025, 6, 30));
        ProfileSchema schema = RfmScores.extend(CustomerBase.SCHEMA);
        ProfileBatch batch = schema.newBatch(5000);
        base.fill(batch, 0, 5000);
        // tag::rfm[]
        RfmFitter fitter = new RfmFitter("last_txn", "txn_count", "txn_amount", LocalDate.of(2025, 6, 30));
        fitter.add(batch); // every batch of the base, from one thread
        RfmScores scores = fitter.fit(); // quintile breaks; or RfmScores.withBreaks(...) for fixed ones
        scores.score(batch, LocalDate.of(2025, 6, 30)); // writes r_score, f_score, m_score
        RuleSet rfmSegments = RuleSet.compile(schema, RfmSegments.DEFAULT);
        // end::rfm[]
        int[] seg = new int[batch.rows()];
        rfmSegments.assign(batch, NOW, seg);
        assertThat(seg).doesNotContain(-1);
        assertThat(rfmSegments.counts(seg, batch.rows())).containsKeys("champions", "hibernating", "lost");
    }

    @Test
    void funnelAndLadder() {
        CustomerBase base = CustomerBase.of(1, LocalDate.of(2025, 6, 30));
        ProfileBatch batch = CustomerBase.SCHEMA.newBatch(5000);
        base.fill(batch, 0, 5000);
        String[] segments = new String[batch.rows()];
        java.util.Arrays.fill(segments, "all");
        // tag::funnel[]
        Funnel funnel =
                Funnel.retail(CustomerBase.SCHEMA, List.of("opened", "bound", "deposited", "invested", "retained"));
        FunnelCounter counter = funnel.newCounter(); // one per thread; merge() them
        counter.add(batch, segments, null, NOW);
        FunnelReport report = counter.report();
        report.keyMoment()
                .ifPresent(k -> System.out.printf(
                        "%s -> %s keeps %.0f%% (%d lost)%n", k.from(), k.to(), k.conversion() * 100, k.lost()));
        // end::funnel[]
        assertThat(report.stages()).containsExactly("开卡", "绑定", "入金", "投资", "留存");
        assertThat(report.keyMoment()).isPresent();

        // tag::ladder[]
        GrowthLadder ladder = GrowthLadder.retail(); // 普通, 金卡, 白金, 钻石, 私行; 10% hysteresis, 90 days' grace
        TierState state = TierState.holding("白金");
        TierDecision d = ladder.evaluate(state, 420_000, 3, LocalDate.of(2025, 6, 30));
        // 420,000 is within 10% of 白金's 500,000: the customer keeps the tier, no change
        // end::ladder[]
        assertThat(d.state().tier()).isEqualTo("白金");
        assertThat(d.change()).isEmpty();
    }

    @Test
    void nextBestAction() {
        ProfileSchema schema = CustomerBase.SCHEMA;
        CustomerBase base = CustomerBase.of(1, LocalDate.of(2025, 6, 30));
        ProfileBatch batch = schema.newBatch(2000);
        base.fill(batch, 0, 2000);
        // tag::nba[]
        int consentCall = schema.indexOf("consent_call");
        NextBestAction nba = NextBestAction.builder()
                .action(new Action(
                        "wealth-call",
                        "wealth",
                        ContactChannel.VOICE,
                        Condition.compile("wealth-call", "aum >= 1e5 && !('wealth' in products)", schema),
                        Propensity.formula(Formula.compile("p", "app_logins_30d > 10 ? 0.2 : 0.05", schema)),
                        Formula.compile("v", "aum * 0.004", schema)))
                .action(new Action(
                        "card-sms",
                        "card",
                        ContactChannel.SMS,
                        Condition.compile("card-sms", "!('card' in products)", schema),
                        Propensity.fixed(0.03),
                        Formula.compile("v", "300.0", schema)))
                .capacity("wealth", 50) // the calls the agents can make today
                .gate((b, row, action, at) ->
                        action.channel() == ContactChannel.VOICE && b.numbers(consentCall)[row] != 1
                                ? ContactVerdict.refused(ContactVerdict.Reason.NO_CONSENT, "consent_call")
                                : ContactVerdict.allowed())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        List<Decision> decisions = nba.decide(batch);
        String why = decisions.get(0).explain(); // "chose 'card-sms'; 'wealth-call' not eligible: ..."
        // end::nba[]
        assertThat(nba.counts(decisions).get("wealth-call")).isEqualTo(50L);
        assertThat(why)
                .startsWith(
                        decisions.get(0).action().map(a -> "chose '" + a + "'").orElse("no action"));
    }

    @Test
    void batchOverCsv() throws IOException {
        StringBuilder csv = new StringBuilder("id,aum,age\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("c").append(i).append(',').append(i * 1000).append(",40\n");
        }
        ProfileSchema schema = ProfileSchema.builder()
                .field("aum", ProfileType.DOUBLE)
                .field("age", ProfileType.INT)
                .build();
        RuleSet rules = RuleSet.compile(schema, List.of(new SegmentRule("rich", 1, "aum >= 6e6")));
        AtomicLong rich = new AtomicLong();
        List<String> failures = new ArrayList<>();
        try (CsvInput in = CsvInput.of(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))) {
            // tag::batch[]
            record Assigned(CsvChunk chunk, String[] errors, int[] segment) {}
            ProfileColumns columns = ProfileColumns.match(schema, in.header());
            ThreadLocal<ProfileBatch> scratch = ThreadLocal.withInitial(() -> schema.newBatch(8192));
            BatchProgress done = BatchRunner.builder()
                    .threads(2)
                    .progress(p -> System.err.printf("%,d rows%n", p.rows()))
                    .build()
                    .run(
                            () -> next(in, 8192), // on the caller's thread; null at the end
                            chunk -> { // on the pool
                                ProfileBatch b = scratch.get();
                                String[] errors = new String[chunk.size()];
                                columns.parse(chunk, b, errors);
                                int[] segment = new int[b.rows()];
                                rules.assign(b, NOW, segment);
                                return new Assigned(chunk, errors, segment);
                            },
                            a -> a.chunk().size(),
                            a -> { // on the caller's thread, in input order
                                for (int i = 0; i < a.chunk().size(); i++) {
                                    if (a.errors()[i] != null) {
                                        failures.add("line " + a.chunk().line(i) + ": " + a.errors()[i]);
                                    } else if (a.segment()[i] == 0) {
                                        rich.incrementAndGet();
                                    }
                                }
                            });
            // end::batch[]
            assertThat(done.rows()).isEqualTo(10_000);
        }
        assertThat(failures).isEmpty();
        assertThat(rich.get()).isEqualTo(4_000);
    }

    private static CsvChunk next(CsvInput in, int rows) {
        try {
            return in.next(rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
