package io.remotebank.segmentation.nba;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ContactChannel;
import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.rules.Condition;
import io.remotebank.segmentation.rules.Formula;
import org.apiguardian.api.API;

/**
 * A candidate action: who may receive it, how likely they are to accept it, and what it is worth when
 * they do. Its expected value for a customer is propensity times value.
 *
 * @param name the action's name, e.g. {@code wealth-call}
 * @param campaign the campaign whose capacity it uses
 * @param channel how it reaches the customer
 * @param eligibility who may receive it
 * @param propensity how likely they accept
 * @param value what an acceptance is worth (a CEL formula, e.g. {@code aum * 0.004})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Action(
        String name,
        String campaign,
        ContactChannel channel,
        Condition eligibility,
        Propensity propensity,
        Formula value) {
    /** Validates. */
    public Action {
        if (name == null || name.isBlank() || campaign == null || campaign.isBlank()) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "an action needs a name and a campaign");
        }
        if (channel == null || eligibility == null || propensity == null || value == null) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID,
                    "action '" + name + "' needs a channel, an eligibility rule, a" + " propensity and a value");
        }
    }
}
