package io.remotebank.segmentation.internal;

/**
 * A compiled model inside a {@link Frame}: it writes its prediction into its slots. The predicted
 * value is a number (regression) or a category's value (classification, a {@link Dictionary} code
 * for strings); classifiers also write one probability per category, in {@link #categories} order.
 */
abstract class ModelNode {

    final String name;
    final boolean classification;
    /** The categories of a classifier (codes or numbers), in the order of the probability slots. */
    double[] categories = new double[0];

    int valueSlot;
    int probSlot = -1;
    int entitySlot = -1;
    /** Reason codes: the count at reasonSlot, the ranked codes after it. */
    int reasonSlot = -1;

    Target target;

    ModelNode(String name, boolean classification) {
        this.name = name;
        this.classification = classification;
    }

    /** Computes the raw prediction; false when the model yields none (a missing result). */
    abstract boolean evaluate(Frame f);

    /** Computes the prediction with the Targets applied; false when there is none. */
    final boolean score(Frame f) {
        boolean ok = evaluate(f);
        if (target != null) {
            ok = target.apply(this, f, ok);
        }
        if (!ok) {
            clear(f);
        }
        return ok;
    }

    void clear(Frame f) {
        double[] v = f.v;
        v[valueSlot] = Double.NaN;
        if (probSlot >= 0) {
            for (int i = 0; i < categories.length; i++) {
                v[probSlot + i] = Double.NaN;
            }
        }
        if (entitySlot >= 0) {
            v[entitySlot] = Double.NaN;
        }
        if (reasonSlot >= 0) {
            v[reasonSlot] = 0;
        }
    }

    /** Sets the predicted category to the most probable one (the first of equals). */
    final void predictFromProbabilities(Frame f) {
        double[] v = f.v;
        int best = 0;
        for (int i = 1; i < categories.length; i++) {
            if (v[probSlot + i] > v[probSlot + best]) {
                best = i;
            }
        }
        v[valueSlot] = categories[best];
    }

    int categoryIndex(double value) {
        for (int i = 0; i < categories.length; i++) {
            if (categories[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** PMML Targets for the model's target field. */
    static final class Target {
        double min = Double.NEGATIVE_INFINITY;
        double max = Double.POSITIVE_INFINITY;
        double rescaleFactor = 1;
        double rescaleConstant;
        /** none, round, ceiling, floor. */
        String castInteger = "none";

        double defaultValue = Double.NaN;
        /** Prior probabilities aligned to the model's categories, or null. */
        double[] priors;

        boolean apply(ModelNode model, Frame f, boolean ok) {
            double[] v = f.v;
            if (!model.classification) {
                if (!ok) {
                    if (defaultValue != defaultValue) {
                        return false;
                    }
                    v[model.valueSlot] = defaultValue;
                    return true;
                }
                double y = v[model.valueSlot];
                y = Math.max(min, Math.min(max, y));
                y = y * rescaleFactor + rescaleConstant;
                switch (castInteger) {
                    case "round":
                        y = Math.round(y);
                        break;
                    case "ceiling":
                        y = Math.ceil(y);
                        break;
                    case "floor":
                        y = Math.floor(y);
                        break;
                    default:
                        break;
                }
                v[model.valueSlot] = y;
                return true;
            }
            if (ok || priors == null) {
                return ok;
            }
            for (int i = 0; i < priors.length; i++) {
                v[model.probSlot + i] = priors[i];
            }
            model.predictFromProbabilities(f);
            return true;
        }
    }
}
