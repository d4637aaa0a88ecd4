package io.remotebank.segmentation.internal;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import java.util.Arrays;

/**
 * A compiled PMML expression: evaluates to a double in a {@link Frame}, NaN for a missing value,
 * a {@link Dictionary} code for a string. Subclasses are small and final so the JIT inlines them.
 */
abstract class Expr {

    /** What the value means. */
    enum Kind {
        NUMBER,
        STRING,
        BOOLEAN
    }

    final Kind kind;

    Expr(Kind kind) {
        this.kind = kind;
    }

    abstract double eval(Frame f);

    static boolean missing(double d) {
        return d != d;
    }

    /** A constant. */
    static final class Const extends Expr {
        final double value;

        Const(double value, Kind kind) {
            super(kind);
            this.value = value;
        }

        @Override
        double eval(Frame f) {
            return value;
        }
    }

    /** A slot filled before the model runs: an input field or an earlier output. */
    static final class Slot extends Expr {
        final int slot;

        Slot(int slot, Kind kind) {
            super(kind);
            this.slot = slot;
        }

        @Override
        double eval(Frame f) {
            return f.v[slot];
        }
    }

    /** A DerivedField: computed at most once per record, when first needed. */
    static final class Derived extends Expr {
        final int slot;
        Expr expr;

        Derived(int slot, Kind kind) {
            super(kind);
            this.slot = slot;
        }

        @Override
        double eval(Frame f) {
            if (f.stamp[slot] != f.gen) {
                f.v[slot] = expr.eval(f);
                f.stamp[slot] = f.gen;
            }
            return f.v[slot];
        }
    }

    /** FieldRef with mapMissingTo. */
    static final class MapMissing extends Expr {
        final Expr source;
        final double replacement;

        MapMissing(Expr source, double replacement) {
            super(source.kind);
            this.source = source;
            this.replacement = replacement;
        }

        @Override
        double eval(Frame f) {
            double d = source.eval(f);
            return d != d ? replacement : d;
        }
    }

    /** NormContinuous: piecewise linear interpolation between LinearNorm points. */
    static final class NormContinuous extends Expr {
        static final int AS_IS = 0;
        static final int AS_MISSING = 1;
        static final int AS_EXTREME = 2;
        final Expr source;
        final double[] orig;
        final double[] norm;
        final int outliers;
        final double mapMissingTo;

        NormContinuous(Expr source, double[] orig, double[] norm, int outliers, double mapMissingTo) {
            super(Kind.NUMBER);
            this.source = source;
            this.orig = orig;
            this.norm = norm;
            this.outliers = outliers;
            this.mapMissingTo = mapMissingTo;
        }

        @Override
        double eval(Frame f) {
            double x = source.eval(f);
            if (x != x) {
                return mapMissingTo;
            }
            int n = orig.length;
            if (x < orig[0] || x > orig[n - 1]) {
                if (outliers == AS_MISSING) {
                    return Double.NaN;
                }
                if (outliers == AS_EXTREME) {
                    return x < orig[0] ? norm[0] : norm[n - 1];
                }
            }
            // PMML 4.4 Transformations, NormContinuous: outside the range, extrapolate the first or last piece.
            int i = 1;
            while (i < n - 1 && x > orig[i]) {
                i++;
            }
            return norm[i - 1] + (x - orig[i - 1]) / (orig[i] - orig[i - 1]) * (norm[i] - norm[i - 1]);
        }
    }

    /** NormDiscrete: 1 when the field equals the value, 0 otherwise. */
    static final class NormDiscrete extends Expr {
        final Expr source;
        final double value;
        final double mapMissingTo;

        NormDiscrete(Expr source, double value, double mapMissingTo) {
            super(Kind.NUMBER);
            this.source = source;
            this.value = value;
            this.mapMissingTo = mapMissingTo;
        }

        @Override
        double eval(Frame f) {
            double x = source.eval(f);
            if (x != x) {
                return mapMissingTo;
            }
            return x == value ? 1 : 0;
        }
    }

    /** Discretize: the first bin whose interval holds the value. */
    static final class Discretize extends Expr {
        final Expr source;
        final double[] left;
        final double[] right;
        final boolean[] leftClosed;
        final boolean[] rightClosed;
        final double[] binValues;
        final double mapMissingTo;
        final double defaultValue;

        Discretize(
                Expr source,
                Kind kind,
                double[] left,
                double[] right,
                boolean[] leftClosed,
                boolean[] rightClosed,
                double[] binValues,
                double mapMissingTo,
                double defaultValue) {
            super(kind);
            this.source = source;
            this.left = left;
            this.right = right;
            this.leftClosed = leftClosed;
            this.rightClosed = rightClosed;
            this.binValues = binValues;
            this.mapMissingTo = mapMissingTo;
            this.defaultValue = defaultValue;
        }

        @Override
        double eval(Frame f) {
            double x = source.eval(f);
            if (x != x) {
                return mapMissingTo;
            }
            for (int i = 0; i < binValues.length; i++) {
                if (Intervals.contains(x, left[i], right[i], leftClosed[i], rightClosed[i])) {
                    return binValues[i];
                }
            }
            return defaultValue;
        }
    }

    /** MapValues over an InlineTable: the output column of the first row whose key columns match. */
    static final class MapValues extends Expr {
        final Expr[] sources;
        /** Single-key tables: keys sorted, outputs in the same order. */
        final double[] sortedKeys;

        final double[] sortedOutputs;
        /** Multi-key tables: rows in document order. */
        final double[][] rows;

        final double[] outputs;
        final double mapMissingTo;
        final double defaultValue;

        MapValues(
                Expr[] sources,
                Kind kind,
                double[][] rows,
                double[] outputs,
                double mapMissingTo,
                double defaultValue) {
            super(kind);
            this.sources = sources;
            this.rows = rows;
            this.outputs = outputs;
            this.mapMissingTo = mapMissingTo;
            this.defaultValue = defaultValue;
            if (sources.length == 1) {
                // First row wins for a duplicate key, as a scan in document order would.
                Integer[] order = new Integer[rows.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> {
                    int c = Double.compare(rows[a][0], rows[b][0]);
                    return c != 0 ? c : Integer.compare(a, b);
                });
                int unique = 0;
                double[] keys = new double[rows.length];
                double[] outs = new double[rows.length];
                for (Integer i : order) {
                    double k = rows[i][0];
                    if (unique == 0 || keys[unique - 1] != k) {
                        keys[unique] = k;
                        outs[unique] = outputs[i];
                        unique++;
                    }
                }
                this.sortedKeys = Arrays.copyOf(keys, unique);
                this.sortedOutputs = Arrays.copyOf(outs, unique);
            } else {
                this.sortedKeys = null;
                this.sortedOutputs = null;
            }
        }

        @Override
        double eval(Frame f) {
            if (sortedKeys != null) {
                double x = sources[0].eval(f);
                if (x != x) {
                    return mapMissingTo;
                }
                int i = Arrays.binarySearch(sortedKeys, x);
                return i >= 0 ? sortedOutputs[i] : defaultValue;
            }
            for (Expr s : sources) {
                if (missing(s.eval(f))) {
                    return mapMissingTo;
                }
            }
            outer:
            for (int r = 0; r < rows.length; r++) {
                double[] row = rows[r];
                for (int c = 0; c < sources.length; c++) {
                    if (sources[c].eval(f) != row[c]) {
                        continue outer;
                    }
                }
                return outputs[r];
            }
            return defaultValue;
        }
    }

    /** Raises the error for an invalid computation whose invalidValueTreatment is returnInvalid. */
    static SegmentationException invalid(String what) {
        return new SegmentationException(SegmentationError.NO_RESULT, what);
    }
}
