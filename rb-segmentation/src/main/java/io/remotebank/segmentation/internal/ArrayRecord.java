package io.remotebank.segmentation.internal;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.InputRecord;
import java.util.Arrays;

/** An {@link InputRecord} backed by arrays. */
final class ArrayRecord implements InputRecord {

    final CompiledEvaluator evaluator;
    final double[] numbers;
    final String[] texts;

    ArrayRecord(CompiledEvaluator evaluator) {
        this.evaluator = evaluator;
        this.numbers = new double[evaluator.bindings.length];
        this.texts = new String[evaluator.bindings.length];
        clear();
    }

    @Override
    public InputRecord set(int index, double value) {
        numbers[index] = value;
        texts[index] = null;
        return this;
    }

    @Override
    public InputRecord set(int index, String value) {
        numbers[index] = Double.NaN;
        texts[index] = value;
        return this;
    }

    @Override
    public InputRecord set(String name, Object value) {
        Integer index = evaluator.inputIndex.get(name);
        if (index == null) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the model has no input field '" + name + "'");
        }
        if (value == null) {
            return set(index, Double.NaN);
        }
        if (value instanceof Number && evaluator.bindings[index].kind != Expr.Kind.STRING) {
            return set(index, ((Number) value).doubleValue());
        }
        return set(index, value.toString());
    }

    @Override
    public void clear() {
        Arrays.fill(numbers, Double.NaN);
        Arrays.fill(texts, null);
    }

    @Override
    public String toString() {
        // Inputs may be personal data: only the shape is shown.
        return "InputRecord[" + numbers.length + " fields]";
    }
}
