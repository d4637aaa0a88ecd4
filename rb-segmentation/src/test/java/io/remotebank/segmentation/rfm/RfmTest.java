package io.remotebank.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import io.remotebank.segmentation.rules.RuleSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RfmTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final ProfileSchema INPUT = ProfileSchema.builder()
            .field("last_txn", ProfileType.DATE)
            .field("txns", ProfileType.INT)
            .field("amount", ProfileType.DOUBLE)
            .build();
    private static final ProfileSchema SCHEMA = RfmScores.extend(INPUT);

    /** Ten customers: last transaction i days ago, i transactions, 100 i spent, for i = 1..10. */
    private static ProfileBatch tenCustomers() {
        ProfileBatch b = SCHEMA.newBatch(12);
        for (int i = 1; i <= 10; i++) {
            b.setAll(i - 1, "C" + i, Map.of("last_txn", AS_OF.minusDays(i), "txns", i, "amount", 100.0 * i));
        }
        b.setAll(10, "empty", Map.of("txns", 0, "amount", 0.0));
        b.setAll(11, "missing", Map.of());
        b.rows(12);
        return b;
    }

    @Test
    void quintiles_areNearestRankBreaks_ofCustomersWithAHistory() {
        RfmFitter fitter = new RfmFitter("last_txn", "txns", "amount", AS_OF);
        fitter.add(tenCustomers());
        RfmScores scores = fitter.fit();
        // ranks ceil(10 k / 5) = 2, 4, 6, 8 of 1..10
        assertThat(scores.frequencyBreaks()).containsExactly(2, 4, 6, 8);
        assertThat(scores.monetaryBreaks()).containsExactly(200, 400, 600, 800);
        assertThat(scores.recencyBreaks()).containsExactly(2, 4, 6, 8);
        assertThat(fitter.size()).isEqualTo(10);
    }

    @Test
    void scores_handComputed_andEmptyHistoriesScoreOne() {
        ProfileBatch b = tenCustomers();
        RfmFitter fitter = new RfmFitter("last_txn", "txns", "amount", AS_OF);
        fitter.add(b);
        fitter.fit().score(b, AS_OF);
        int r = SCHEMA.indexOf("r_score");
        int f = SCHEMA.indexOf("f_score");
        int m = SCHEMA.indexOf("m_score");
        // i:        1  2  3  4  5  6  7  8  9 10
        double[] fm = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
        double[] rec = {5, 5, 4, 4, 3, 3, 2, 2, 1, 1};
        for (int i = 0; i < 10; i++) {
            assertThat(b.numbers(f)[i]).as("f of %d", i + 1).isEqualTo(fm[i]);
            assertThat(b.numbers(m)[i]).as("m of %d", i + 1).isEqualTo(fm[i]);
            assertThat(b.numbers(r)[i]).as("r of %d", i + 1).isEqualTo(rec[i]);
        }
        for (int i = 10; i < 12; i++) {
            assertThat(new double[] {b.numbers(r)[i], b.numbers(f)[i], b.numbers(m)[i]})
                    .containsExactly(1, 1, 1);
        }
    }

    @Test
    void ties_neverSplit_aScore() {
        ProfileBatch b = SCHEMA.newBatch(10);
        for (int i = 0; i < 10; i++) {
            // frequency 1 for seven customers, then 2, 3, 4
            b.setAll(i, "C" + i, Map.of("last_txn", AS_OF, "txns", i < 7 ? 1 : i - 5, "amount", 10.0));
        }
        b.rows(10);
        RfmFitter fitter = new RfmFitter("last_txn", "txns", "amount", AS_OF);
        fitter.add(b);
        RfmScores scores = fitter.fit();
        assertThat(scores.frequencyBreaks()).containsExactly(1, 1, 1, 2);
        scores.score(b, AS_OF);
        double[] f = b.numbers(SCHEMA.indexOf("f_score"));
        assertThat(f).startsWith(1, 1, 1, 1, 1, 1, 1, 4, 5, 5);
        // all amounts equal: everyone scores 1
        assertThat(b.numbers(SCHEMA.indexOf("m_score"))).containsOnly(1);
    }

    @Test
    void fixedBreaks_scoreAsGiven() {
        RfmScores scores = RfmScores.withBreaks(
                "last_txn", "txns", "amount", new double[] {7, 30, 90, 180}, new double[] {1, 3, 10, 30}, new double[] {
                    1e3, 1e4, 1e5, 1e6
                });
        ProfileBatch b = SCHEMA.newBatch(1);
        b.setAll(0, "x", Map.of("last_txn", AS_OF.minusDays(30), "txns", 11, "amount", 1e5));
        b.rows(1);
        scores.score(b, AS_OF);
        assertThat(b.toMap(0))
                .containsEntry("r_score", 4L)
                .containsEntry("f_score", 4L)
                .containsEntry("m_score", 3L);
    }

    @Test
    void badBreaks_areRefused() {
        assertThatThrownBy(() -> RfmScores.withBreaks(
                        "a", "b", "c", new double[] {3, 2, 1, 0}, new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("recency breaks must be ascending");
        assertThatThrownBy(() -> new RfmFitter("last_txn", "txns", "amount", AS_OF).fit())
                .hasMessageContaining("no customer has a transaction history");
    }

    @Test
    void defaultSegments_coverEveryScoreTripleOnce() {
        RuleSet rules = RuleSet.compile(SCHEMA, RfmSegments.DEFAULT);
        ProfileBatch b = SCHEMA.newBatch(125);
        int row = 0;
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    b.setAll(row++, null, Map.of("r_score", r, "f_score", f, "m_score", m));
                }
            }
        }
        b.rows(125);
        int[] assigned = new int[125];
        rules.assign(b, Instant.EPOCH, assigned);
        Set<Integer> used = new HashSet<>();
        for (int a : assigned) {
            assertThat(a).isNotNegative();
            used.add(a);
        }
        assertThat(used).hasSize(RfmSegments.DEFAULT.size());
        assertThat(rules.segmentOf(Map.of("r_score", 5, "f_score", 5, "m_score", 5), Instant.EPOCH))
                .contains("champions");
        assertThat(rules.segmentOf(Map.of("r_score", 1, "f_score", 1, "m_score", 1), Instant.EPOCH))
                .contains("lost");
        assertThat(rules.segmentOf(Map.of("r_score", 1, "f_score", 5, "m_score", 5), Instant.EPOCH))
                .contains("cannot_lose_them");
    }
}
