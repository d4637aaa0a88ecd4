package io.remotebank.segmentation.ladder;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.LocalDate;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where a customer stands on the ladder.
 *
 * @param tier the tier's name
 * @param belowSince the first day of the current run of evaluations in which the customer no longer
 *     held the tier (counting towards the grace period), or empty
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TierState(String tier, Optional<LocalDate> belowSince) {
    /** Validates. */
    public TierState {
        Arguments.notBlank(tier, "tier");
        Arguments.notNull(belowSince, "belowSince");
    }

    /**
     * A customer who holds a tier.
     *
     * @param tier the tier's name
     * @return the state
     */
    public static TierState holding(String tier) {
        return new TierState(tier, Optional.empty());
    }
}
