package io.remotebank.segmentation.funnel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.rules.Condition;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A stage of the conversion funnel, reached either by an event (a {@code date} or {@code timestamp}
 * field holding when the customer first did it, empty if never) or by a rule (a CEL condition on the
 * profile; such a stage has no time, so no time to convert).
 *
 * @param name the stage's name, e.g. {@code 绑定}
 * @param eventField the event's field, or empty for a rule stage
 * @param rule the rule, or empty for an event stage
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FunnelStage(String name, Optional<String> eventField, Optional<Condition> rule) {

    /** Validates: a name, and exactly one of an event field and a rule. */
    public FunnelStage {
        if (name == null || name.isBlank()) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "a funnel stage needs a name");
        }
        if (eventField == null || rule == null || eventField.isPresent() == rule.isPresent()) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "stage '" + name + "' needs either an event field or a rule");
        }
    }

    /**
     * A stage reached by an event.
     *
     * @param name the stage's name
     * @param field the {@code date} or {@code timestamp} field of the event
     * @return the stage
     */
    public static FunnelStage byEvent(String name, String field) {
        return new FunnelStage(name, Optional.ofNullable(field), Optional.empty());
    }

    /**
     * A stage reached by a rule.
     *
     * @param name the stage's name
     * @param rule the condition
     * @return the stage
     */
    public static FunnelStage byRule(String name, Condition rule) {
        return new FunnelStage(name, Optional.empty(), Optional.ofNullable(rule));
    }
}
