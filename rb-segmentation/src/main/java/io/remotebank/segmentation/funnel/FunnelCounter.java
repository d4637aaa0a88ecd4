package io.remotebank.segmentation.funnel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.rules.Condition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Counts customers through a {@link Funnel}. Not thread-safe: give each thread its own counter and
 * {@link #merge} them, or feed one from a batch runner's sink. Times to convert are kept as a
 * histogram of whole days (up to {@value #MAX_DAYS}; longer ones in the last bucket), so a counter's
 * size does not grow with the customers; a negative interval (events out of order in the data) counts
 * as 0 days.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FunnelCounter {

    /** The longest time to convert told apart, in days. */
    public static final int MAX_DAYS = 730;

    private final Funnel funnel;
    private final int stages;
    private final Group overall;
    private final Map<String, Group> bySegment = new LinkedHashMap<>();
    private final Map<Long, long[]> byCohort = new TreeMap<>();
    private long customers;

    FunnelCounter(Funnel funnel) {
        this.funnel = funnel;
        this.stages = funnel.stages().size();
        this.overall = new Group(stages);
    }

    private static final class Group {
        final long[] reached;
        final long[][] days;
        final double[] daySums;
        final long[] timed;

        Group(int stages) {
            reached = new long[stages];
            days = new long[stages][MAX_DAYS + 1];
            daySums = new double[stages];
            timed = new long[stages];
        }

        void merge(Group o) {
            for (int i = 0; i < reached.length; i++) {
                reached[i] += o.reached[i];
                daySums[i] += o.daySums[i];
                timed[i] += o.timed[i];
                for (int d = 0; d <= MAX_DAYS; d++) {
                    days[i][d] += o.days[i][d];
                }
            }
        }
    }

    /**
     * Counts a batch's customers.
     *
     * @param batch the profiles (its schema must begin with the funnel's)
     * @param segments per row, the customer's segment (null or {@code ""}: none), or null for no
     *     segments at all
     * @param skip per row, whether to leave it out (e.g. rows that failed to parse), or null
     * @param now the clock's reading, for rule stages
     */
    public void add(ProfileBatch batch, String[] segments, boolean[] skip, Instant now) {
        List<?> own = funnel.schema().fields();
        if (batch.schema().size() < own.size()
                || !batch.schema().fields().subList(0, own.size()).equals(own)) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the batch's schema does not begin with the funnel's");
        }
        int rows = batch.rows();
        double[][] times = new double[stages][];
        boolean[][] ruleMet = new boolean[stages][];
        for (int s = 0; s < stages; s++) {
            if (funnel.eventColumn[s] >= 0) {
                times[s] = batch.numbers(funnel.eventColumn[s]);
            } else {
                ruleMet[s] = new boolean[rows];
                Condition rule = funnel.stages().get(s).rule().orElseThrow();
                rule.test(batch, now, ruleMet[s]);
            }
        }
        for (int r = 0; r < rows; r++) {
            if (skip != null && skip[r]) {
                continue;
            }
            customers++;
            String segment = segments == null || segments[r] == null ? "" : segments[r];
            Group g = segments == null ? null : bySegment.computeIfAbsent(segment, k -> new Group(stages));
            double first = times[0][r];
            long[] cohort = null;
            if (first == first) {
                long day = (long) Math.floor(funnel.timestampColumn[0] ? first / 86_400_000d : first);
                LocalDate d = LocalDate.ofEpochDay(day);
                long month = d.getYear() * 100L + d.getMonthValue();
                cohort = byCohort.computeIfAbsent(month, k -> new long[stages]);
            }
            double previous = Double.NaN;
            for (int s = 0; s < stages; s++) {
                double t;
                if (times[s] != null) {
                    t = times[s][r];
                    if (t != t) {
                        break;
                    }
                    if (funnel.timestampColumn[s]) {
                        t = t / 86_400_000d;
                    }
                } else {
                    if (!ruleMet[s][r]) {
                        break;
                    }
                    t = Double.NaN;
                }
                count(overall, s, previous, t);
                if (g != null) {
                    count(g, s, previous, t);
                }
                if (cohort != null) {
                    cohort[s]++;
                }
                previous = t;
            }
        }
    }

    private static void count(Group g, int stage, double previous, double t) {
        g.reached[stage]++;
        if (stage > 0 && previous == previous && t == t) {
            double delta = Math.max(0, t - previous);
            g.daySums[stage] += delta;
            g.timed[stage]++;
            g.days[stage][(int) Math.min(MAX_DAYS, Math.floor(delta))]++;
        }
    }

    /**
     * Adds another counter's customers to this one's.
     *
     * @param other a counter of the same funnel
     */
    public void merge(FunnelCounter other) {
        if (other.funnel != funnel) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "the counters count different funnels");
        }
        customers += other.customers;
        overall.merge(other.overall);
        other.bySegment.forEach(
                (k, v) -> bySegment.computeIfAbsent(k, x -> new Group(stages)).merge(v));
        other.byCohort.forEach((k, v) -> {
            long[] mine = byCohort.computeIfAbsent(k, x -> new long[stages]);
            for (int i = 0; i < stages; i++) {
                mine[i] += v[i];
            }
        });
    }

    /** The report of everything counted so far. */
    public FunnelReport report() {
        List<String> names = new ArrayList<>();
        funnel.stages().forEach(s -> names.add(s.name()));
        Map<String, List<StageStats>> segments = new LinkedHashMap<>();
        bySegment.forEach((k, v) -> segments.put(k, stats(names, v)));
        Map<String, List<Long>> cohorts = new LinkedHashMap<>();
        byCohort.forEach((k, v) -> {
            List<Long> counts = new ArrayList<>();
            for (long c : v) {
                counts.add(c);
            }
            cohorts.put(String.format(Locale.ROOT, "%04d-%02d", k / 100, k % 100), counts);
        });
        return new FunnelReport(names, customers, stats(names, overall), segments, cohorts);
    }

    private static List<StageStats> stats(List<String> names, Group g) {
        List<StageStats> out = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            long reached = g.reached[s];
            long before = s == 0 ? 0 : g.reached[s - 1];
            double conversion = s == 0 || before == 0 ? Double.NaN : reached / (double) before;
            double fromStart = g.reached[0] == 0 ? Double.NaN : reached / (double) g.reached[0];
            OptionalDouble median = OptionalDouble.empty();
            OptionalDouble mean = OptionalDouble.empty();
            if (s > 0 && g.timed[s] > 0) {
                mean = OptionalDouble.of(g.daySums[s] / g.timed[s]);
                long half = (g.timed[s] + 1) / 2;
                long seen = 0;
                for (int d = 0; d <= MAX_DAYS; d++) {
                    seen += g.days[s][d];
                    if (seen >= half) {
                        median = OptionalDouble.of(d);
                        break;
                    }
                }
            }
            out.add(new StageStats(
                    names.get(s), reached, conversion, fromStart, s == 0 ? 0 : before - reached, median, mean));
        }
        return out;
    }
}
