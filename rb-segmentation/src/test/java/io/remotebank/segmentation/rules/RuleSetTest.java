package io.remotebank.segmentation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static final Instant NOW = Instant.parse("2025-06-30T00:00:00Z");

    // snippet: rule-set
    ProfileSchema schema = ProfileSchema.builder()
            .field("aum", ProfileType.DOUBLE)
            .field("age", ProfileType.INT)
            .field("opened", ProfileType.DATE)
            .field("products", ProfileType.STRING_LIST)
            .build();
    RuleSet rules = RuleSet.compile(
            schema,
            List.of(
                    new SegmentRule("private-banking", 100, "aum >= 6e6"),
                    new SegmentRule("wealth-starter", 50, "aum >= 5e4 && !('fund' in products)"),
                    new SegmentRule("new", 10, "now - opened < duration('2160h')")));
    // end snippet

    @Test
    void highestPriorityMatch_wins() {
        assertThat(rules.segmentOf(Map.of("aum", 7e6, "products", List.of()), NOW))
                .contains("private-banking");
        assertThat(rules.segmentOf(
                        Map.of("aum", 6e4, "products", List.of("card"), "opened", LocalDate.of(2025, 6, 1)), NOW))
                .contains("wealth-starter");
        assertThat(rules.segmentOf(Map.of("aum", 10.0, "opened", LocalDate.of(2025, 6, 1)), NOW))
                .contains("new");
    }

    @Test
    void profileMatchingNothing_orMissingWhatTheRulesRead_hasNoSegment() {
        assertThat(rules.segmentOf(Map.of("aum", 10.0, "opened", LocalDate.of(2020, 1, 1)), NOW))
                .isEqualTo(Optional.empty());
        assertThat(rules.segmentOf(Map.of(), NOW)).isEmpty();
    }

    @Test
    void segments_areListedHighestPriorityFirst() {
        assertThat(rules.segments())
                .extracting(SegmentRule::name)
                .containsExactly("private-banking", "wealth-starter", "new");
    }

    @Test
    void assign_agreesWithRecordByRecord_andCounts() {
        ProfileBatch batch = Profiles.random(7, 500, 0.1);
        RuleSet set = RuleSet.compile(
                Profiles.SCHEMA,
                List.of(
                        new SegmentRule("rich", 3, "aum > 3e6"),
                        new SegmentRule("young-fund", 2, "age < 30 && 'fund' in products"),
                        new SegmentRule("shanghai", 1, "city == 'Shanghai'")));
        int[] assigned = new int[500];
        set.assign(batch, NOW, assigned);
        long none = 0;
        for (int r = 0; r < 500; r++) {
            Optional<String> one = set.segmentOf(batch.toMap(r), NOW);
            assertThat(one)
                    .isEqualTo(
                            assigned[r] < 0
                                    ? Optional.empty()
                                    : Optional.of(
                                            set.segments().get(assigned[r]).name()));
            none += assigned[r] < 0 ? 1 : 0;
        }
        Map<String, Long> counts = set.counts(assigned, 500);
        assertThat(counts.keySet()).containsExactly("rich", "young-fund", "shanghai", "");
        assertThat(counts.get("")).isEqualTo(none);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(500);
    }

    @Test
    void batchOfAnotherSchema_isRefused() {
        ProfileBatch other =
                ProfileSchema.builder().field("x", ProfileType.INT).build().newBatch(1);
        assertThatThrownBy(() -> rules.assign(other, NOW, new int[1]))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("does not begin with the rules' schema");
    }
}
