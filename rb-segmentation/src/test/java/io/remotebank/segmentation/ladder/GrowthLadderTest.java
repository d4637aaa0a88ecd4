package io.remotebank.segmentation.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.segmentation.SegmentationException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrowthLadderTest {

    private static final LocalDate D = LocalDate.of(2025, 1, 1);
    private final GrowthLadder ladder = GrowthLadder.retail();

    @Test
    void newCustomer_entersTheTierTheyQualifyFor_withoutAChange() {
        TierDecision d = ladder.evaluate(null, 600_000, 3, D);
        assertThat(d.state()).isEqualTo(TierState.holding("白金"));
        assertThat(d.change()).isEmpty();
        // activity too low for 白金: 金卡
        assertThat(ladder.evaluate(null, 600_000, 1, D).state().tier()).isEqualTo("金卡");
    }

    @Test
    void promotion_isImmediate_toTheHighestTierMet() {
        TierDecision d = ladder.evaluate(TierState.holding("普通"), 2_500_000, 5, D);
        assertThat(d.state()).isEqualTo(TierState.holding("钻石"));
        assertThat(d.change()).get().satisfies(c -> {
            assertThat(c.from()).isEqualTo("普通");
            assertThat(c.to()).isEqualTo("钻石");
            assertThat(c.promotion()).isTrue();
            assertThat(c.on()).isEqualTo(D);
            assertThat(c.reason()).isEqualTo("assets 2500000 >= 2000000 and activity 5 >= 4");
        });
    }

    @Test
    void hysteresis_keepsTheTier_withinTenPercentBelow() {
        // 白金 needs 500,000 and 2; 90% is 450,000 and 1.8
        TierDecision d = ladder.evaluate(TierState.holding("白金"), 450_000, 2, D);
        assertThat(d.state()).isEqualTo(TierState.holding("白金"));
        assertThat(d.change()).isEmpty();
    }

    @Test
    void demotion_waitsForTheGracePeriod_thenFallsToTheHighestTierHeld() {
        TierState s = TierState.holding("白金");
        TierDecision first = ladder.evaluate(s, 449_999, 2, D);
        assertThat(first.state()).isEqualTo(new TierState("白金", Optional.of(D)));
        assertThat(first.change()).isEmpty();
        TierDecision day89 = ladder.evaluate(first.state(), 100_000, 2, D.plusDays(89));
        assertThat(day89.state()).isEqualTo(new TierState("白金", Optional.of(D)));
        assertThat(day89.change()).isEmpty();
        TierDecision day90 = ladder.evaluate(day89.state(), 100_000, 2, D.plusDays(90));
        assertThat(day90.state()).isEqualTo(TierState.holding("金卡"));
        assertThat(day90.change()).get().satisfies(c -> {
            assertThat(c.promotion()).isFalse();
            assertThat(c.from()).isEqualTo("白金");
            assertThat(c.to()).isEqualTo("金卡");
            assertThat(c.reason()).contains("since 2025-01-01");
        });
    }

    @Test
    void recoveringDuringGrace_clearsTheCount() {
        TierState below =
                ladder.evaluate(TierState.holding("白金"), 100_000, 2, D).state();
        TierState back = ladder.evaluate(below, 480_000, 2, D.plusDays(30)).state();
        assertThat(back).isEqualTo(TierState.holding("白金"));
        TierDecision again = ladder.evaluate(back, 100_000, 2, D.plusDays(100));
        assertThat(again.change()).isEmpty();
        assertThat(again.state().belowSince()).contains(D.plusDays(100));
    }

    @Test
    void missingValues_changeNothing() {
        TierState s = new TierState("钻石", Optional.of(D));
        TierDecision d = ladder.evaluate(s, Double.NaN, 5, D.plusDays(365));
        assertThat(d.state()).isEqualTo(s);
        assertThat(d.change()).isEmpty();
    }

    @Test
    void zeroGraceAndHysteresis_demoteAtOnce() {
        GrowthLadder strict = GrowthLadder.builder()
                .tier("base", 0, 0)
                .tier("gold", 100, 0)
                .hysteresis(0)
                .gracePeriod(Period.ZERO)
                .build();
        TierDecision d = strict.evaluate(TierState.holding("gold"), 99.99, 0, D);
        assertThat(d.state().tier()).isEqualTo("base");
        assertThat(d.change()).isPresent();
    }

    @Test
    void badLadders_areRefused() {
        assertThatThrownBy(() ->
                        GrowthLadder.builder().tier("a", 0, 0).tier("b", 0, 0).build())
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("must ask more than 'a'");
        assertThatThrownBy(() -> GrowthLadder.builder().tier("a", 10, 0).build())
                .hasMessageContaining("the lowest tier must ask nothing");
        assertThatThrownBy(() -> GrowthLadder.builder().hysteresis(1.5)).hasMessageContaining("0 to 0.9");
        assertThatThrownBy(() -> ladder.evaluate(TierState.holding("gold"), 1, 1, D))
                .hasMessageContaining("not on this ladder");
    }
}
