package io.remotebank.segmentation.internal;

/**
 * A Scorecard (PMML 4.4 "Scorecard"): the initial score plus, per Characteristic, the partial score
 * of its first Attribute whose predicate is TRUE. With reason codes, each characteristic contributes
 * the difference between its baseline and its partial score (pointsBelow: baseline - partial;
 * pointsAbove: partial - baseline) to its reason code (the Attribute's, else the Characteristic's);
 * differences of one code add up, negative totals are dropped, and the codes are ranked by
 * decreasing total, ties in the order the codes were first met.
 */
final class ScorecardNode extends ModelNode {

    static final class Attribute {
        final Pred predicate;
        final double partialScore;
        /** ComplexPartialScore, or null. */
        final Expr complex;
        /** Index of the reason code among the model's codes. */
        final int reason;

        Attribute(Pred predicate, double partialScore, Expr complex, int reason) {
            this.predicate = predicate;
            this.partialScore = partialScore;
            this.complex = complex;
            this.reason = reason;
        }
    }

    static final class Characteristic {
        final String name;
        final double baseline;
        final Attribute[] attributes;

        Characteristic(String name, double baseline, Attribute[] attributes) {
            this.name = name;
            this.baseline = baseline;
            this.attributes = attributes;
        }
    }

    final double initialScore;
    final Characteristic[] characteristics;
    final boolean useReasonCodes;
    final boolean pointsAbove;
    /** The reason codes' dictionary codes, by index. */
    final double[] reasonCodes;
    /** Scratch: points per code index, and the order codes were first met. */
    int pointsSlot;

    int orderSlot;

    ScorecardNode(
            String name,
            double initialScore,
            Characteristic[] characteristics,
            boolean useReasonCodes,
            boolean pointsAbove,
            double[] reasonCodes) {
        super(name, false);
        this.initialScore = initialScore;
        this.characteristics = characteristics;
        this.useReasonCodes = useReasonCodes;
        this.pointsAbove = pointsAbove;
        this.reasonCodes = reasonCodes;
    }

    void layout(Layout layout) {
        valueSlot = layout.alloc(1);
        if (useReasonCodes) {
            reasonSlot = layout.alloc(1 + reasonCodes.length);
            pointsSlot = layout.alloc(reasonCodes.length);
            orderSlot = layout.alloc(reasonCodes.length);
        }
    }

    @Override
    boolean evaluate(Frame f) {
        double[] v = f.v;
        int met = 0;
        if (useReasonCodes) {
            for (int i = 0; i < reasonCodes.length; i++) {
                v[pointsSlot + i] = Double.NaN;
            }
        }
        double score = initialScore;
        for (Characteristic c : characteristics) {
            Attribute match = null;
            for (Attribute a : c.attributes) {
                if (a.predicate.eval(f) == Pred.TRUE) {
                    match = a;
                    break;
                }
            }
            if (match == null) {
                // PMML 4.4 Scorecard: if no Attribute of a Characteristic is TRUE, the result is invalid.
                throw Expr.invalid("no attribute of characteristic '" + c.name + "' matches this record");
            }
            double partial = match.partialScore;
            if (match.complex != null) {
                partial = match.complex.eval(f);
                if (partial != partial) {
                    return false;
                }
            }
            score += partial;
            if (useReasonCodes) {
                double difference = pointsAbove ? partial - c.baseline : c.baseline - partial;
                int slot = pointsSlot + match.reason;
                if (v[slot] != v[slot]) {
                    v[slot] = difference;
                    v[orderSlot + met++] = match.reason;
                } else {
                    v[slot] += difference;
                }
            }
        }
        v[valueSlot] = score;
        if (useReasonCodes) {
            rank(v, met);
        }
        return true;
    }

    /** Keeps the codes with a non-negative total, sorted by decreasing total (stable). */
    private void rank(double[] v, int met) {
        int n = 0;
        int out = reasonSlot + 1;
        for (int i = 0; i < met; i++) {
            int code = (int) v[orderSlot + i];
            double points = v[pointsSlot + code];
            if (points >= 0) {
                // Insertion sort: stable, and tiny n.
                int j = n;
                while (j > 0 && v[pointsSlot + (int) v[orderSlot + j - 1]] < points) {
                    v[orderSlot + j] = v[orderSlot + j - 1];
                    j--;
                }
                v[orderSlot + j] = code;
                n++;
            }
        }
        v[reasonSlot] = n;
        for (int i = 0; i < n; i++) {
            v[out + i] = reasonCodes[(int) v[orderSlot + i]];
        }
    }
}
