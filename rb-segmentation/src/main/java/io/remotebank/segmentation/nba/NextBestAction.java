package io.remotebank.segmentation.nba;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.time.Clocks;
import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.nba.Consideration.Outcome;
import io.remotebank.segmentation.profile.ProfileBatch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Chooses at most one action per customer: among the actions a customer is eligible for, scored, and
 * allowed by the contact policy, the one of highest expected value (propensity times value), subject
 * to each campaign's capacity (how many calls the agents can make today). Capacity is allotted
 * greedily over the whole batch, best expected value first, so a campaign's slots go to the customers
 * where they are worth most; ties go to the action declared first, then to the earlier row. Every
 * candidate's fate is kept, which explains each choice. Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NextBestAction {

    private final List<Action> actions;
    private final Map<String, Long> capacity;
    private final ContactGate gate;
    private final Clock clock;

    private NextBestAction(Builder b) {
        if (b.actions.isEmpty()) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "no actions to choose from");
        }
        this.actions = List.copyOf(b.actions);
        this.capacity = Map.copyOf(b.capacity);
        this.gate = b.gate;
        this.clock = b.clock;
    }

    /** A builder: no actions, unlimited capacity, a gate that allows everything, the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** The actions, in declaration order. */
    public List<Action> actions() {
        return actions;
    }

    /** The capacity of each campaign that has one; other campaigns are unlimited. */
    public Map<String, Long> capacity() {
        return capacity;
    }

    /**
     * Decides for every row of a batch, at the clock's current time, with this chooser's capacities.
     *
     * @param batch the customers
     * @return one decision per row, in row order
     */
    public List<Decision> decide(ProfileBatch batch) {
        return decide(batch, new HashMap<>(capacity));
    }

    /**
     * Decides for every row of a batch, taking capacity from a ledger shared by several calls (e.g. one
     * per chunk of the day's customers; note that the greedy allotment is then best per chunk only).
     *
     * @param batch the customers
     * @param remaining each campaign's capacity left, decremented by each choice; campaigns absent are
     *     unlimited
     * @return one decision per row, in row order
     */
    public List<Decision> decide(ProfileBatch batch, Map<String, Long> remaining) {
        Arguments.notNull(batch, "batch");
        Arguments.notNull(remaining, "remaining");
        Instant now = clock.instant();
        int rows = batch.rows();
        int n = actions.size();
        Consideration[][] fate = new Consideration[rows][n];
        double[][] ev = new double[n][];
        List<long[]> candidates = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            Action action = actions.get(a);
            boolean[] eligible = new boolean[rows];
            action.eligibility().test(batch, now, eligible);
            double[] p = action.propensity().compute(batch, now);
            double[] v = new double[rows];
            action.value().evaluate(batch, now, v);
            ev[a] = new double[rows];
            for (int r = 0; r < rows; r++) {
                if (!eligible[r]) {
                    fate[r][a] = new Consideration(
                            action.name(),
                            Outcome.NOT_ELIGIBLE,
                            Double.NaN,
                            Double.NaN,
                            Double.NaN,
                            "rule '" + action.eligibility().source() + "'");
                    continue;
                }
                double e = p[r] * v[r];
                ev[a][r] = e;
                if (e != e) {
                    fate[r][a] = new Consideration(
                            action.name(),
                            Outcome.NO_SCORE,
                            p[r],
                            v[r],
                            Double.NaN,
                            p[r] != p[r]
                                    ? "propensity (" + action.propensity() + ") missing or outside 0 to 1"
                                    : "value (" + action.value().source() + ") missing");
                    continue;
                }
                ContactVerdict verdict = gate.check(batch, r, action, now);
                if (verdict instanceof ContactVerdict.Refused) {
                    ContactVerdict.Refused refused = (ContactVerdict.Refused) verdict;
                    fate[r][a] = new Consideration(
                            action.name(),
                            Outcome.REFUSED,
                            p[r],
                            v[r],
                            e,
                            refused.reason()
                                            .name()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .replace('_', ' ') + " (" + refused.detail() + ")");
                    continue;
                }
                fate[r][a] = new Consideration(action.name(), Outcome.OUTRANKED, p[r], v[r], e, "");
                candidates.add(new long[] {r, a});
            }
        }
        candidates.sort((x, y) -> {
            int c = Double.compare(ev[(int) y[1]][(int) y[0]], ev[(int) x[1]][(int) x[0]]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(x[1], y[1]);
            return c != 0 ? c : Long.compare(x[0], y[0]);
        });
        int[] chosen = new int[rows];
        Arrays.fill(chosen, -1);
        Set<String> exhausted = new HashSet<>();
        for (long[] cand : candidates) {
            int r = (int) cand[0];
            int a = (int) cand[1];
            if (chosen[r] >= 0) {
                continue; // stays OUTRANKED
            }
            Action action = actions.get(a);
            Consideration c = fate[r][a];
            Long left = remaining.get(action.campaign());
            if (left != null && left <= 0) {
                exhausted.add(action.campaign());
                fate[r][a] = new Consideration(
                        c.action(),
                        Outcome.CAPACITY_EXHAUSTED,
                        c.propensity(),
                        c.value(),
                        c.expectedValue(),
                        "campaign '" + action.campaign() + "' had no capacity left");
                continue;
            }
            if (left != null) {
                remaining.put(action.campaign(), left - 1);
            }
            chosen[r] = a;
            fate[r][a] =
                    new Consideration(c.action(), Outcome.CHOSEN, c.propensity(), c.value(), c.expectedValue(), "");
        }
        List<Decision> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            int a = chosen[r];
            out.add(new Decision(
                    batch.ids()[r],
                    a < 0 ? Optional.empty() : Optional.of(actions.get(a).name()),
                    a < 0 ? Double.NaN : ev[a][r],
                    Arrays.asList(fate[r])));
        }
        return out;
    }

    /**
     * Counts decisions by chosen action.
     *
     * @param decisions the decisions
     * @return each action's count in declaration order, then {@code ""} for no action
     */
    public Map<String, Long> counts(List<Decision> decisions) {
        Map<String, Long> out = new LinkedHashMap<>();
        actions.forEach(a -> out.put(a.name(), 0L));
        out.put("", 0L);
        decisions.forEach(d -> out.merge(d.action().orElse(""), 1L, Long::sum));
        return out;
    }

    /** Builds a {@link NextBestAction}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final List<Action> actions = new ArrayList<>();
        private final Map<String, Long> capacity = new HashMap<>();
        private ContactGate gate = ContactGate.allowAll();
        private Clock clock = Clocks.system();

        private Builder() {}

        /**
         * Adds a candidate action.
         *
         * @param action the action; names must differ
         * @return this builder
         */
        public Builder action(Action action) {
            Arguments.notNull(action, "action");
            for (Action a : actions) {
                if (a.name().equals(action.name())) {
                    throw new SegmentationException(
                            SegmentationError.ARGUMENT_INVALID, "action '" + action.name() + "' is declared twice");
                }
            }
            actions.add(action);
            return this;
        }

        /**
         * Limits how many customers a campaign's actions may be chosen for.
         *
         * @param campaign the campaign
         * @param max 0 to 100,000,000
         * @return this builder
         */
        public Builder capacity(String campaign, long max) {
            Arguments.notBlank(campaign, "campaign");
            capacity.put(campaign, Arguments.inRange(max, 0, 100_000_000, "capacity of '" + campaign + "'"));
            return this;
        }

        /**
         * The contact policy.
         *
         * @param gate the gate
         * @return this builder
         */
        public Builder gate(ContactGate gate) {
            this.gate = Arguments.notNull(gate, "gate");
            return this;
        }

        /**
         * The clock: {@code now} for rules and for the contact policy.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /** The chooser. */
        public NextBestAction build() {
            return new NextBestAction(this);
        }
    }
}
