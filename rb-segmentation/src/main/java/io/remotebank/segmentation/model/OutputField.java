package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An output field of a model (an OutputField of its Output, or the predicted value when it has none).
 *
 * @param name the field's name in the model, e.g. {@code Final Score}
 * @param feature what it reports
 * @param type its type
 * @param index its position in {@link Evaluator#outputs()} and in a {@link Result}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record OutputField(String name, OutputFeature feature, FieldType type, int index) {
    /** Validates. */
    public OutputField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(type, "type");
    }
}
