package io.remotebank.segmentation.internal;

/**
 * A RegressionModel (PMML 4.4 "Regression"): one RegressionTable for a regression, one per target
 * category for a classification, each the intercept plus its predictors, then the
 * normalizationMethod. A missing input in any predictor makes the prediction missing (then the
 * Targets' default applies).
 */
final class RegressionNode extends ModelNode {

    /** One RegressionTable. */
    static final class Table {
        final double intercept;
        final Expr[] numeric;
        final double[] exponents;
        final double[] numericCoefficients;
        /** CategoricalPredictors grouped by field: for field i, values[i] and coefficients[i]. */
        final Expr[] categorical;

        final double[][] values;
        final double[][] categoricalCoefficients;
        /** PredictorTerms: products of fields. */
        final Expr[][] terms;

        final double[] termCoefficients;

        Table(
                double intercept,
                Expr[] numeric,
                double[] exponents,
                double[] numericCoefficients,
                Expr[] categorical,
                double[][] values,
                double[][] categoricalCoefficients,
                Expr[][] terms,
                double[] termCoefficients) {
            this.intercept = intercept;
            this.numeric = numeric;
            this.exponents = exponents;
            this.numericCoefficients = numericCoefficients;
            this.categorical = categorical;
            this.values = values;
            this.categoricalCoefficients = categoricalCoefficients;
            this.terms = terms;
            this.termCoefficients = termCoefficients;
        }

        /** The table's value, NaN when an input is missing. */
        double eval(Frame f) {
            double y = intercept;
            for (int i = 0; i < numeric.length; i++) {
                double x = numeric[i].eval(f);
                if (x != x) {
                    return Double.NaN;
                }
                double e = exponents[i];
                y += numericCoefficients[i] * (e == 1 ? x : Math.pow(x, e));
            }
            for (int i = 0; i < categorical.length; i++) {
                double x = categorical[i].eval(f);
                if (x != x) {
                    return Double.NaN;
                }
                double[] vs = values[i];
                for (int j = 0; j < vs.length; j++) {
                    if (vs[j] == x) {
                        y += categoricalCoefficients[i][j];
                        break;
                    }
                }
            }
            for (int i = 0; i < terms.length; i++) {
                double product = termCoefficients[i];
                for (Expr t : terms[i]) {
                    double x = t.eval(f);
                    if (x != x) {
                        return Double.NaN;
                    }
                    product *= x;
                }
                y += product;
            }
            return y;
        }
    }

    static final int NONE = 0;
    static final int SIMPLEMAX = 1;
    static final int SOFTMAX = 2;
    static final int LOGIT = 3;
    static final int PROBIT = 4;
    static final int CLOGLOG = 5;
    static final int EXP = 6;
    static final int LOGLOG = 7;
    static final int CAUCHIT = 8;

    final Table[] tables;
    final int normalization;
    final boolean ordinal;

    RegressionNode(String name, boolean classification, Table[] tables, int normalization, boolean ordinal) {
        super(name, classification);
        this.tables = tables;
        this.normalization = normalization;
        this.ordinal = ordinal;
    }

    void layout(Layout layout) {
        valueSlot = layout.alloc(1);
        if (classification) {
            probSlot = layout.alloc(categories.length);
        }
    }

    @Override
    boolean evaluate(Frame f) {
        double[] v = f.v;
        if (!classification) {
            double y = tables[0].eval(f);
            if (y != y) {
                return false;
            }
            v[valueSlot] = normalizeRegression(y);
            return true;
        }
        int k = tables.length;
        for (int i = 0; i < k; i++) {
            double y = tables[i].eval(f);
            if (y != y) {
                return false;
            }
            v[probSlot + i] = y;
        }
        if (k == 2 && normalization != SOFTMAX && normalization != SIMPLEMAX) {
            // Binary: the first category's probability through the link, the second 1 minus it.
            double p = link(v[probSlot]);
            v[probSlot] = p;
            v[probSlot + 1] = 1 - p;
        } else if (ordinal && normalization != SOFTMAX && normalization != SIMPLEMAX) {
            // Cumulative link: each table gives P(Y <= category); the differences are the probabilities.
            double sum = 0;
            for (int i = 0; i < k - 1; i++) {
                double cumulative = link(v[probSlot + i]);
                v[probSlot + i] = i == 0 ? cumulative : cumulative - sum;
                sum = i == 0 ? cumulative : sum + v[probSlot + i];
            }
            v[probSlot + k - 1] = 1 - sum;
        } else if (normalization == NONE) {
            double sum = 0;
            for (int i = 0; i < k - 1; i++) {
                sum += v[probSlot + i];
            }
            v[probSlot + k - 1] = 1 - sum;
        } else {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                double y = v[probSlot + i];
                if (normalization == SOFTMAX) {
                    y = Math.exp(y);
                    v[probSlot + i] = y;
                }
                sum += y;
            }
            for (int i = 0; i < k; i++) {
                v[probSlot + i] /= sum;
            }
        }
        predictFromProbabilities(f);
        return true;
    }

    private double link(double y) {
        switch (normalization) {
            case NONE:
                return Math.max(0, Math.min(1, y));
            case LOGIT:
                return 1 / (1 + Math.exp(-y));
            case PROBIT:
                return Functions.normalCdf(y);
            case CLOGLOG:
                return 1 - Math.exp(-Math.exp(y));
            case LOGLOG:
                return Math.exp(-Math.exp(-y));
            case CAUCHIT:
                return 0.5 + Math.atan(y) / Math.PI;
            default:
                throw new IllegalStateException("normalization " + normalization);
        }
    }

    private double normalizeRegression(double y) {
        switch (normalization) {
            case NONE:
                return y;
            case SOFTMAX:
            case LOGIT:
                return 1 / (1 + Math.exp(-y));
            case EXP:
                return Math.exp(y);
            default:
                return link(y);
        }
    }
}
