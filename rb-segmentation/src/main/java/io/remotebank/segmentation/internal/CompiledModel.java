package io.remotebank.segmentation.internal;

import java.util.List;

/** The result of compiling a PMML document: immutable, shared by every thread. */
final class CompiledModel {

    final String modelName;
    final String modelType;
    final String functionName;
    final Dictionary dictionary;
    final List<InputBinding> inputs;
    final ModelNode root;
    final List<OutputPlan> outputs;
    final int slots;

    CompiledModel(
            String modelName,
            String modelType,
            String functionName,
            Dictionary dictionary,
            List<InputBinding> inputs,
            ModelNode root,
            List<OutputPlan> outputs,
            int slots) {
        this.modelName = modelName;
        this.modelType = modelType;
        this.functionName = functionName;
        this.dictionary = dictionary;
        this.inputs = List.copyOf(inputs);
        this.root = root;
        this.outputs = List.copyOf(outputs);
        this.slots = slots;
    }

    Frame newFrame() {
        Frame f = new Frame(slots);
        java.util.Arrays.fill(f.v, Double.NaN);
        return f;
    }

    /** Scores the record whose inputs are already bound in the frame; fills the output slots. */
    void score(Frame f) {
        boolean ok = root.score(f);
        for (OutputPlan o : outputs) {
            o.compute(f, ok);
        }
    }
}
