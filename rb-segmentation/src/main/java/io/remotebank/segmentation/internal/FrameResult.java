package io.remotebank.segmentation.internal;

import io.remotebank.segmentation.model.Result;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link Result} that reads the output slots of its own frame. */
final class FrameResult implements Result {

    final CompiledEvaluator evaluator;
    final Frame frame;

    FrameResult(CompiledEvaluator evaluator, Frame frame) {
        this.evaluator = evaluator;
        this.frame = frame;
    }

    @Override
    public int size() {
        return evaluator.plans.length;
    }

    @Override
    public int indexOf(String name) {
        Integer i = evaluator.outputIndex.get(name);
        return i == null ? -1 : i;
    }

    @Override
    public boolean isMissing(int index) {
        double d = number(index);
        return d != d || (evaluator.plans[index].kind == Expr.Kind.STRING && d < 0);
    }

    @Override
    public double number(int index) {
        return frame.v[evaluator.plans[index].slot];
    }

    @Override
    public String text(int index) {
        return Columns.text(evaluator, evaluator.plans[index], number(index));
    }

    @Override
    public Object value(int index) {
        OutputPlan plan = evaluator.plans[index];
        double d = number(index);
        if (d != d) {
            return null;
        }
        switch (plan.kind) {
            case STRING:
                return evaluator.model.dictionary.string(d);
            case BOOLEAN:
                return d != 0;
            default:
                return d;
        }
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < evaluator.plans.length; i++) {
            Object v = value(i);
            if (v != null) {
                out.put(evaluator.plans[i].name, v);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        // Outputs are model results (scores, codes), not personal data.
        return "Result" + toMap();
    }
}
