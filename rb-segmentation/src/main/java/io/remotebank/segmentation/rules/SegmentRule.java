package io.remotebank.segmentation.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import org.apiguardian.api.API;

/**
 * A named segment and the CEL condition a profile must meet to belong to it.
 *
 * @param name the segment's name, not blank, at most 200 characters
 * @param priority its priority: of the segments a profile meets, the highest priority wins
 * @param when the condition, a CEL expression of type bool over the profile's fields and {@code now}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SegmentRule(String name, int priority, String when) {
    /** Validates. */
    public SegmentRule {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "a segment needs a name of 1 to 200 characters");
        }
        if (when == null || when.isBlank()) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "segment '" + name + "' has no condition ('when')");
        }
    }
}
