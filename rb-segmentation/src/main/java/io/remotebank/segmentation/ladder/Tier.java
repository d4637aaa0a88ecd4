package io.remotebank.segmentation.ladder;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import org.apiguardian.api.API;

/**
 * A rung of the growth ladder and what it takes to reach it.
 *
 * @param name the tier's name, e.g. {@code 白金}
 * @param minAum the assets under management it takes, at least 0
 * @param minActivity the activity it takes (e.g. transactions or logins a month), at least 0
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Tier(String name, double minAum, double minActivity) {
    /** Validates. */
    public Tier {
        if (name == null || name.isBlank()) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "a tier needs a name");
        }
        if (!(minAum >= 0) || Double.isInfinite(minAum) || !(minActivity >= 0) || Double.isInfinite(minActivity)) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID,
                    "tier '" + name + "': minAum and minActivity must be finite and" + " at least 0");
        }
    }
}
