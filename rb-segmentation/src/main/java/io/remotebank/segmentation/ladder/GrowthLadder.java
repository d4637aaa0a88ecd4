package io.remotebank.segmentation.ladder;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.internal.Numbers;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Tiers by assets and activity, with promotion and demotion rules. Immutable and thread-safe.
 *
 * <ul>
 *   <li><b>Promotion</b> is immediate: a customer who meets a higher tier's minimum assets and
 *       activity moves to the highest such tier.
 *   <li><b>Hysteresis</b>: a customer keeps a tier while holding at least {@code (1 - hysteresis)} of
 *       its minimum assets and activity, so one who hovers at a threshold does not flap.
 *   <li><b>Grace period</b>: a customer below that keeps the tier until they have been below it in
 *       every evaluation for the whole grace period; then they move to the highest lower tier they
 *       hold. Rising back above in between clears the count.
 *   <li>Missing assets or activity (NaN) change nothing: no information is no reason to move.
 * </ul>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GrowthLadder {

    private final List<Tier> tiers;
    private final Map<String, Integer> rank = new HashMap<>();
    private final double hysteresis;
    private final Period grace;

    private GrowthLadder(Builder b) {
        if (b.tiers.isEmpty()) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "a ladder needs at least one tier");
        }
        for (int i = 0; i < b.tiers.size(); i++) {
            Tier t = b.tiers.get(i);
            if (rank.putIfAbsent(t.name(), i) != null) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID, "tier '" + t.name() + "' appears twice");
            }
            if (i > 0) {
                Tier lower = b.tiers.get(i - 1);
                if (t.minAum() < lower.minAum()
                        || t.minActivity() < lower.minActivity()
                        || (t.minAum() == lower.minAum() && t.minActivity() == lower.minActivity())) {
                    throw new SegmentationException(
                            SegmentationError.ARGUMENT_INVALID,
                            "tier '" + t.name() + "' must ask more than '" + lower.name()
                                    + "' (tiers go from the lowest up)");
                }
            }
        }
        if (b.tiers.get(0).minAum() != 0 || b.tiers.get(0).minActivity() != 0) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the lowest tier must ask nothing (minAum and minActivity 0)");
        }
        this.tiers = List.copyOf(b.tiers);
        this.hysteresis = b.hysteresis;
        this.grace = b.grace;
    }

    /** A builder with no tiers, 10% hysteresis and a 90-day grace period. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The retail ladder 普通 (0), 金卡 (50,000), 白金 (500,000 and 2 a month), 钻石 (2,000,000 and 4),
     * 私行 (6,000,000 and 4), 10% hysteresis, 90 days' grace.
     */
    public static GrowthLadder retail() {
        return builder()
                .tier("普通", 0, 0)
                .tier("金卡", 50_000, 0)
                .tier("白金", 500_000, 2)
                .tier("钻石", 2_000_000, 4)
                .tier("私行", 6_000_000, 4)
                .build();
    }

    /** The tiers, lowest first. */
    public List<Tier> tiers() {
        return tiers;
    }

    /**
     * The highest tier whose minimums are met.
     *
     * @param aum the assets
     * @param activity the activity
     * @return the tier (the lowest when either is missing)
     */
    public Tier qualify(double aum, double activity) {
        int best = 0;
        for (int i = 0; i < tiers.size(); i++) {
            if (aum >= tiers.get(i).minAum() && activity >= tiers.get(i).minActivity()) {
                best = i;
            }
        }
        return tiers.get(best);
    }

    private boolean holds(int tier, double aum, double activity) {
        Tier t = tiers.get(tier);
        return aum >= t.minAum() * (1 - hysteresis) && activity >= t.minActivity() * (1 - hysteresis);
    }

    /**
     * Evaluates a customer.
     *
     * @param current the state before, or null for a customer not yet on the ladder (who enters at
     *     the tier they qualify for, without a change)
     * @param aum the assets now
     * @param activity the activity now
     * @param asOf the day of the evaluation
     * @return the new state and the change, if any
     */
    public TierDecision evaluate(TierState current, double aum, double activity, LocalDate asOf) {
        Arguments.notNull(asOf, "asOf");
        if (current == null) {
            return new TierDecision(TierState.holding(qualify(aum, activity).name()), Optional.empty());
        }
        Integer at = rank.get(current.tier());
        if (at == null) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "tier '" + current.tier() + "' is not on this ladder");
        }
        if (Double.isNaN(aum) || Double.isNaN(activity)) {
            return new TierDecision(current, Optional.empty());
        }
        int qualified = rank.get(qualify(aum, activity).name());
        if (qualified > at) {
            Tier to = tiers.get(qualified);
            return new TierDecision(
                    TierState.holding(to.name()),
                    Optional.of(new TierChange(
                            current.tier(),
                            to.name(),
                            asOf,
                            true,
                            "assets " + Numbers.format(aum) + " >= "
                                    + Numbers.format(to.minAum()) + " and activity " + Numbers.format(activity) + " >= "
                                    + Numbers.format(to.minActivity()))));
        }
        if (holds(at, aum, activity)) {
            return new TierDecision(TierState.holding(current.tier()), Optional.empty());
        }
        LocalDate since = current.belowSince().orElse(asOf);
        if (since.plus(grace).isAfter(asOf)) {
            return new TierDecision(new TierState(current.tier(), Optional.of(since)), Optional.empty());
        }
        int to = at - 1;
        while (to > 0 && !holds(to, aum, activity)) {
            to--;
        }
        Tier from = tiers.get(at);
        return new TierDecision(
                TierState.holding(tiers.get(to).name()),
                Optional.of(new TierChange(
                        from.name(),
                        tiers.get(to).name(),
                        asOf,
                        false,
                        "below " + Math.round((1 - hysteresis) * 100) + "% of '" + from.name() + "' minimums since "
                                + since + " (grace " + grace + ")")));
    }

    /** Builds a {@link GrowthLadder}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final List<Tier> tiers = new ArrayList<>();
        private double hysteresis = 0.1;
        private Period grace = Period.ofDays(90);

        private Builder() {}

        /**
         * Adds the next tier up.
         *
         * @param name its name
         * @param minAum the assets it takes
         * @param minActivity the activity it takes
         * @return this builder
         */
        public Builder tier(String name, double minAum, double minActivity) {
            tiers.add(new Tier(name, minAum, minActivity));
            return this;
        }

        /**
         * The share of a tier's minimums a customer may fall below before losing it.
         *
         * @param hysteresis 0 to 0.9
         * @return this builder
         */
        public Builder hysteresis(double hysteresis) {
            if (!(hysteresis >= 0 && hysteresis <= 0.9)) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID, "hysteresis must be 0 to 0.9, got " + hysteresis);
            }
            this.hysteresis = hysteresis;
            return this;
        }

        /**
         * How long a customer may stay below a tier before losing it.
         *
         * @param grace 0 days to 5 years
         * @return this builder
         */
        public Builder gracePeriod(Period grace) {
            Arguments.notNull(grace, "grace");
            if (grace.isNegative() || grace.toTotalMonths() > 60 || grace.getDays() > 1830) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID, "the grace period must be 0 days to 5 years, got " + grace);
            }
            this.grace = grace;
            return this;
        }

        /** The ladder. */
        public GrowthLadder build() {
            return new GrowthLadder(this);
        }
    }
}
