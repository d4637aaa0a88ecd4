package io.remotebank.segmentation.funnel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A funnel counted over customers: overall, by segment and by cohort (the month of the first stage).
 *
 * @param stages the stages' names, in order
 * @param customers the customers counted (reached the first stage or not)
 * @param overall every customer's stages
 * @param bySegment each segment's stages, segments in the order first seen ({@code ""}: no segment)
 * @param byCohort per cohort month ({@code 2024-03}, ascending), the customers who reached each stage
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FunnelReport(
        List<String> stages,
        long customers,
        List<StageStats> overall,
        Map<String, List<StageStats>> bySegment,
        Map<String, List<Long>> byCohort) {

    /** Copies, keeping the segments' order and sorting the cohorts (Map.copyOf would lose both). */
    public FunnelReport {
        stages = List.copyOf(stages);
        overall = List.copyOf(overall);
        Map<String, List<StageStats>> segments = new LinkedHashMap<>();
        bySegment.forEach((k, v) -> segments.put(k, List.copyOf(v)));
        bySegment = Collections.unmodifiableMap(segments);
        Map<String, List<Long>> cohorts = new TreeMap<>();
        byCohort.forEach((k, v) -> cohorts.put(k, List.copyOf(v)));
        byCohort = Collections.unmodifiableMap(cohorts);
    }

    /** The step that loses the largest share overall. */
    public Optional<KeyMoment> keyMoment() {
        return keyMoment(overall);
    }

    /**
     * The step that loses the largest share of a segment.
     *
     * @param segment the segment
     * @return the step, or empty when the segment is unknown or nobody reached a step's start
     */
    public Optional<KeyMoment> keyMoment(String segment) {
        List<StageStats> s = bySegment.get(segment);
        return s == null ? Optional.empty() : keyMoment(s);
    }

    /** Ties go to the earlier step. */
    static Optional<KeyMoment> keyMoment(List<StageStats> stats) {
        KeyMoment best = null;
        for (int i = 1; i < stats.size(); i++) {
            StageStats s = stats.get(i);
            if (Double.isNaN(s.conversion())) {
                continue;
            }
            if (best == null || s.conversion() < best.conversion()) {
                best = new KeyMoment(stats.get(i - 1).stage(), s.stage(), s.dropOff(), s.conversion());
            }
        }
        return Optional.ofNullable(best);
    }
}
