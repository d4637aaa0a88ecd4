package io.remotebank.segmentation.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An input field of a model (an active field of its MiningSchema).
 *
 * @param name the field's name in the model
 * @param type its type
 * @param index its position in {@link Evaluator#inputs()}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InputField(String name, FieldType type, int index) {
    /** Validates. */
    public InputField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
