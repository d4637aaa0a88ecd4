package io.remotebank.segmentation.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import io.remotebank.segmentation.rules.Condition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final Instant NOW = Instant.parse("2025-06-30T00:00:00Z");
    private static final ProfileSchema SCHEMA = ProfileSchema.builder()
            .field("opened", ProfileType.DATE)
            .field("bound", ProfileType.DATE)
            .field("deposited", ProfileType.DATE)
            .field("invested", ProfileType.DATE)
            .field("retained", ProfileType.DATE)
            .field("aum", ProfileType.DOUBLE)
            .build();
    private static final Funnel RETAIL =
            Funnel.retail(SCHEMA, List.of("opened", "bound", "deposited", "invested", "retained"));

    /** A customer who opened on {@code day0} and reached each further stage {@code gaps[i]} days later. */
    private static Map<String, Object> customer(LocalDate day0, int... gaps) {
        Map<String, Object> m = new HashMap<>();
        String[] fields = {"opened", "bound", "deposited", "invested", "retained"};
        LocalDate d = day0;
        m.put("opened", d);
        for (int i = 0; i < gaps.length; i++) {
            d = d.plusDays(gaps[i]);
            m.put(fields[i + 1], d);
        }
        return m;
    }

    private static ProfileBatch batch(List<Map<String, Object>> customers) {
        ProfileBatch b = SCHEMA.newBatch(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            b.setAll(i, "C" + i, customers.get(i));
        }
        b.rows(customers.size());
        return b;
    }

    @Test
    void handComputedFunnel_conversionDropOffTimesAndKeyMoment() {
        LocalDate jan = LocalDate.of(2025, 1, 10);
        LocalDate feb = LocalDate.of(2025, 2, 3);
        ProfileBatch b = batch(List.of(
                customer(jan, 1, 10, 30, 90), // every stage
                customer(jan, 3, 20, 60), // up to 投资
                customer(jan, 2), // up to 绑定
                customer(jan), // 开卡 only
                customer(feb, 5, 4), // up to 入金
                customer(feb, 7, 6)));
        String[] segments = {"a", "a", "a", "b", "b", "b"};
        FunnelCounter counter = RETAIL.newCounter();
        counter.add(b, segments, null, NOW);
        FunnelReport report = counter.report();

        assertThat(report.customers()).isEqualTo(6);
        assertThat(report.overall()).extracting(StageStats::reached).containsExactly(6L, 5L, 4L, 2L, 1L);
        assertThat(report.overall()).extracting(StageStats::dropOff).containsExactly(0L, 1L, 1L, 2L, 1L);
        StageStats bound = report.overall().get(1);
        assertThat(bound.conversion()).isCloseTo(5 / 6.0, within(1e-12));
        // days to bind: 1, 3, 2, 5, 7 -> median 3, mean 3.6
        assertThat(bound.medianDays()).hasValue(3);
        assertThat(bound.meanDays().getAsDouble()).isCloseTo(3.6, within(1e-12));
        // days to deposit: 10, 20, 4, 6 -> lower median 6, mean 10
        assertThat(report.overall().get(2).medianDays()).hasValue(6);
        assertThat(report.overall().get(2).meanDays()).hasValue(10);
        assertThat(report.overall().get(0).conversion()).isNaN();
        assertThat(report.overall().get(4).fromStart()).isCloseTo(1 / 6.0, within(1e-12));

        // 投资 keeps 2 of 4 (50%): the overall moment of truth
        assertThat(report.keyMoment()).hasValue(new KeyMoment("入金", "投资", 2, 0.5));
        // segment a: 3, 3, 2, 2, 1 -> 绑定->入金 keeps 2/3 and 投资->留存 keeps 1/2: the latter
        assertThat(report.bySegment().get("a")).extracting(StageStats::reached).containsExactly(3L, 3L, 2L, 2L, 1L);
        assertThat(report.keyMoment("a")).hasValue(new KeyMoment("投资", "留存", 1, 0.5));
        // segment b: 3, 2, 2, 0, 0 -> 入金->投资 keeps none
        assertThat(report.keyMoment("b")).hasValue(new KeyMoment("入金", "投资", 2, 0.0));

        assertThat(report.byCohort()).containsOnlyKeys("2025-01", "2025-02");
        assertThat(report.byCohort().get("2025-01")).containsExactly(4L, 3L, 2L, 2L, 1L);
        assertThat(report.byCohort().get("2025-02")).containsExactly(2L, 2L, 2L, 0L, 0L);
    }

    @Test
    void cohortsAscend_andSegmentsKeepTheOrderFirstSeen_inTheReport() {
        List<Map<String, Object>> customers = new java.util.ArrayList<>();
        String[] segments = new String[24];
        for (int i = 0; i < 24; i++) {
            // months from 2023-12 back to 2022-01; segments z23 ... z0, first seen in that order
            customers.add(customer(LocalDate.of(2023, 12, 1).minusMonths(i)));
            segments[i] = "z" + (23 - i);
        }
        FunnelCounter counter = RETAIL.newCounter();
        counter.add(batch(customers), segments, null, NOW);
        FunnelReport report = counter.report();
        assertThat(report.byCohort().keySet()).first().isEqualTo("2022-01");
        assertThat(List.copyOf(report.byCohort().keySet())).isSorted().hasSize(24);
        assertThat(report.bySegment().keySet()).first().isEqualTo("z23");
        assertThat(List.copyOf(report.bySegment().keySet())).element(23).isEqualTo("z0");
    }

    @Test
    void laterEventWithoutAnEarlierOne_countsUpToTheGapOnly() {
        Map<String, Object> gap = customer(LocalDate.of(2025, 3, 1), 1, 1, 1, 1);
        gap.remove("deposited");
        FunnelCounter counter = RETAIL.newCounter();
        counter.add(batch(List.of(gap)), null, null, NOW);
        assertThat(counter.report().overall()).extracting(StageStats::reached).containsExactly(1L, 1L, 0L, 0L, 0L);
    }

    @Test
    void ruleStage_countsByCondition_andHasNoTime() {
        Funnel f = Funnel.of(
                SCHEMA,
                List.of(
                        FunnelStage.byEvent("开卡", "opened"),
                        FunnelStage.byEvent("入金", "deposited"),
                        FunnelStage.byRule("高净值", Condition.compile("rich", "aum >= 1e6", SCHEMA))));
        Map<String, Object> rich = customer(LocalDate.of(2025, 1, 1), 1, 2);
        rich.put("aum", 2e6);
        Map<String, Object> poor = customer(LocalDate.of(2025, 1, 1), 1, 2);
        poor.put("aum", 10.0);
        FunnelCounter one = f.newCounter();
        one.add(batch(List.of(rich)), null, null, NOW);
        FunnelCounter two = f.newCounter();
        two.add(batch(List.of(poor)), null, null, NOW);
        one.merge(two);
        FunnelReport r = one.report();
        assertThat(r.overall()).extracting(StageStats::reached).containsExactly(2L, 2L, 1L);
        assertThat(r.overall().get(2).medianDays()).isEmpty();
        assertThat(r.overall().get(1).medianDays()).hasValue(3);
    }

    @Test
    void badDefinitions_areRefused() {
        assertThatThrownBy(() -> Funnel.retail(SCHEMA, List.of("opened", "bound", "deposited", "invested", "aum")))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("field 'aum' must be a date or timestamp");
        assertThatThrownBy(() -> Funnel.of(SCHEMA, List.of(FunnelStage.byEvent("a", "opened"))))
                .hasMessageContaining("2 to 50 stages");
        assertThatThrownBy(() -> Funnel.of(
                        SCHEMA,
                        List.of(
                                FunnelStage.byRule("r", Condition.compile("r", "aum > 1.0", SCHEMA)),
                                FunnelStage.byEvent("a", "opened"))))
                .hasMessageContaining("the first stage must be an event");
    }
}
