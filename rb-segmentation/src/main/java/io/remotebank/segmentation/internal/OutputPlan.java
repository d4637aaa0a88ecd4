package io.remotebank.segmentation.internal;

/** One OutputField: where its value comes from and the slot it is written to. */
final class OutputPlan {

    static final int PREDICTED = 0;
    static final int PROBABILITY = 1;
    static final int REASON_CODE = 2;
    static final int ENTITY_ID = 3;
    static final int TRANSFORMED = 4;

    final String name;
    final Expr.Kind kind;
    final String dataType;
    final int feature;
    final int slot;
    final ModelNode model;
    /** PROBABILITY: the category index, or -1 for the predicted category. REASON_CODE: the rank. */
    final int argument;

    final Expr expression;

    OutputPlan(
            String name,
            Expr.Kind kind,
            String dataType,
            int feature,
            int slot,
            ModelNode model,
            int argument,
            Expr expression) {
        this.name = name;
        this.kind = kind;
        this.dataType = dataType;
        this.feature = feature;
        this.slot = slot;
        this.model = model;
        this.argument = argument;
        this.expression = expression;
    }

    void compute(Frame f, boolean ok) {
        double[] v = f.v;
        double out;
        if (feature == TRANSFORMED) {
            out = expression.eval(f);
        } else if (!ok) {
            out = Double.NaN;
        } else {
            switch (feature) {
                case PREDICTED:
                    out = v[model.valueSlot];
                    break;
                case PROBABILITY: {
                    int index = argument >= 0 ? argument : model.categoryIndex(v[model.valueSlot]);
                    out = index < 0 ? Double.NaN : v[model.probSlot + index];
                    break;
                }
                case REASON_CODE:
                    out = argument <= v[model.reasonSlot] ? v[model.reasonSlot + argument] : Double.NaN;
                    break;
                default:
                    out = v[model.entitySlot];
                    break;
            }
        }
        v[slot] = out;
    }
}
