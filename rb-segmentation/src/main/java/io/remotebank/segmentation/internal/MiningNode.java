package io.remotebank.segmentation.internal;

/**
 * A MiningModel (PMML 4.4 "Multiple Models"): Segments, each a predicate and a model, combined by the
 * multipleModelMethod. In a modelChain, each segment's OutputFields are fields for the segments after
 * it, and the last segment whose predicate is TRUE gives the result.
 */
final class MiningNode extends ModelNode {

    static final int MAJORITY_VOTE = 0;
    static final int WEIGHTED_MAJORITY_VOTE = 1;
    static final int AVERAGE = 2;
    static final int WEIGHTED_AVERAGE = 3;
    static final int MEDIAN = 4;
    static final int MAX = 5;
    static final int SUM = 6;
    static final int WEIGHTED_SUM = 7;
    static final int SELECT_FIRST = 8;
    static final int MODEL_CHAIN = 9;

    static final int CONTINUE = 0;
    static final int SKIP_SEGMENT = 1;
    static final int RETURN_MISSING = 2;

    /** One Segment. */
    static final class Segment {
        final Pred predicate;
        final double weight;
        final ModelNode model;
        final OutputPlan[] outputs;
        /** For classifiers: the mining model's category index of each of the segment's categories. */
        int[] categoryMap;

        Segment(Pred predicate, double weight, ModelNode model, OutputPlan[] outputs) {
            this.predicate = predicate;
            this.weight = weight;
            this.model = model;
            this.outputs = outputs;
        }
    }

    final Segment[] segments;
    final int method;
    final int missingPredictionTreatment;
    final double missingThreshold;
    int medianSlot;
    int reasonCapacity;

    MiningNode(
            String name,
            boolean classification,
            Segment[] segments,
            int method,
            int missingPredictionTreatment,
            double missingThreshold) {
        super(name, classification);
        this.segments = segments;
        this.method = method;
        this.missingPredictionTreatment = missingPredictionTreatment;
        this.missingThreshold = missingThreshold;
    }

    void layout(Layout layout) {
        valueSlot = layout.alloc(1);
        entitySlot = layout.alloc(1);
        if (classification) {
            probSlot = layout.alloc(categories.length);
        }
        if (method == MEDIAN) {
            medianSlot = layout.alloc(segments.length);
        }
        if (reasonCapacity > 0) {
            reasonSlot = layout.alloc(1 + reasonCapacity);
        }
    }

    @Override
    boolean evaluate(Frame f) {
        double[] v = f.v;
        int k = categories.length;
        if (classification) {
            for (int i = 0; i < k; i++) {
                v[probSlot + i] = 0;
            }
        }
        double acc = method == MAX ? Double.NEGATIVE_INFINITY : 0;
        double weights = 0;
        int n = 0;
        int fired = 0;
        int missed = 0;
        Segment last = null;
        for (Segment s : segments) {
            if (s.predicate.eval(f) != Pred.TRUE) {
                continue;
            }
            fired++;
            boolean ok = s.model.score(f);
            for (OutputPlan o : s.outputs) {
                o.compute(f, ok);
            }
            if (!ok) {
                if (missingPredictionTreatment == RETURN_MISSING) {
                    return false;
                }
                missed++;
                continue;
            }
            ModelNode m = s.model;
            switch (method) {
                case SELECT_FIRST:
                    return copy(s, f);
                case MODEL_CHAIN:
                    last = s;
                    break;
                case MAJORITY_VOTE:
                case WEIGHTED_MAJORITY_VOTE: {
                    int index = s.categoryMap[m.categoryIndex(v[m.valueSlot])];
                    v[probSlot + index] += method == MAJORITY_VOTE ? 1 : s.weight;
                    weights += method == MAJORITY_VOTE ? 1 : s.weight;
                    break;
                }
                case AVERAGE:
                case WEIGHTED_AVERAGE:
                case SUM:
                case WEIGHTED_SUM: {
                    double w = method == WEIGHTED_AVERAGE || method == WEIGHTED_SUM ? s.weight : 1;
                    if (classification) {
                        for (int i = 0; i < s.categoryMap.length; i++) {
                            v[probSlot + s.categoryMap[i]] += w * v[m.probSlot + i];
                        }
                    } else {
                        acc += w * v[m.valueSlot];
                    }
                    weights += w;
                    break;
                }
                case MEDIAN:
                    v[medianSlot + n] = v[m.valueSlot];
                    break;
                default: // MAX
                    acc = Math.max(acc, v[m.valueSlot]);
                    break;
            }
            n++;
        }
        if (fired == 0 || n == 0 || (missed > 0 && (double) missed / fired > missingThreshold)) {
            return false;
        }
        if (method == MODEL_CHAIN) {
            return copy(last, f);
        }
        v[entitySlot] = Double.NaN;
        if (classification) {
            boolean divide = method != SUM && method != WEIGHTED_SUM;
            for (int i = 0; i < k; i++) {
                v[probSlot + i] = divide ? v[probSlot + i] / weights : v[probSlot + i];
            }
            predictFromProbabilities(f);
            return true;
        }
        switch (method) {
            case AVERAGE:
            case WEIGHTED_AVERAGE:
                acc /= weights;
                break;
            case MEDIAN:
                acc = median(v, medianSlot, n);
                break;
            default:
                break;
        }
        v[valueSlot] = acc;
        return true;
    }

    private static double median(double[] v, int from, int n) {
        java.util.Arrays.sort(v, from, from + n);
        int mid = from + n / 2;
        return (n & 1) == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private boolean copy(Segment s, Frame f) {
        double[] v = f.v;
        ModelNode m = s.model;
        v[valueSlot] = v[m.valueSlot];
        v[entitySlot] = m.entitySlot >= 0 ? v[m.entitySlot] : Double.NaN;
        if (classification) {
            if (m.probSlot < 0 || s.categoryMap == null) {
                return false;
            }
            for (int i = 0; i < categories.length; i++) {
                v[probSlot + i] = 0;
            }
            for (int i = 0; i < s.categoryMap.length; i++) {
                v[probSlot + s.categoryMap[i]] = v[m.probSlot + i];
            }
        }
        if (reasonSlot >= 0) {
            int count = m.reasonSlot >= 0 ? (int) v[m.reasonSlot] : 0;
            v[reasonSlot] = count;
            for (int i = 1; i <= count; i++) {
                v[reasonSlot + i] = v[m.reasonSlot + i];
            }
        }
        return true;
    }
}
