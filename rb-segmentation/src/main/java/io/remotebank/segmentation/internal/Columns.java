package io.remotebank.segmentation.internal;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.BatchResult;
import io.remotebank.segmentation.model.ColumnarBatch;
import java.util.Arrays;
import java.util.Optional;

/** The columnar batch path: input columns in, output columns out, one frame reused for every row. */
final class Columns {

    private Columns() {}

    static String text(CompiledEvaluator evaluator, OutputPlan plan, double d) {
        if (d != d) {
            return null;
        }
        switch (plan.kind) {
            case STRING:
                return evaluator.model.dictionary.string(d);
            case BOOLEAN:
                return d != 0 ? "true" : "false";
            default:
                return "integer".equals(plan.dataType) ? Long.toString(Math.round(d)) : Numbers.format(d);
        }
    }

    /** Input columns. */
    static final class Batch implements ColumnarBatch {
        final CompiledEvaluator evaluator;
        final double[][] numbers;
        final String[][] texts;
        private final int capacity;
        private int rows;

        Batch(CompiledEvaluator evaluator, int capacity) {
            this.evaluator = evaluator;
            this.capacity = capacity;
            int n = evaluator.bindings.length;
            numbers = new double[n][];
            texts = new String[n][];
            for (int i = 0; i < n; i++) {
                if (evaluator.bindings[i].kind == Expr.Kind.STRING) {
                    texts[i] = new String[capacity];
                } else {
                    numbers[i] = new double[capacity];
                    Arrays.fill(numbers[i], Double.NaN);
                }
            }
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public void rows(int rows) {
            if (rows < 0 || rows > capacity) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID, "rows must be 0 to " + capacity + ", got " + rows);
            }
            this.rows = rows;
        }

        @Override
        public double[] numbers(int field) {
            double[] c = numbers[field];
            if (c == null) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID,
                        "field '" + evaluator.bindings[field].name + "' is a string field: use texts(" + field + ")");
            }
            return c;
        }

        @Override
        public String[] texts(int field) {
            String[] c = texts[field];
            if (c == null) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID,
                        "field '" + evaluator.bindings[field].name + "' is numeric: use numbers(" + field + ")");
            }
            return c;
        }
    }

    /** Output columns. */
    static final class Outputs implements BatchResult {
        final CompiledEvaluator evaluator;
        final Frame frame;
        final double[][] numbers;
        final String[][] texts;
        final boolean[] failed;
        final String[] errors;
        final int capacity;
        int rows;

        Outputs(CompiledEvaluator evaluator, int capacity) {
            this.evaluator = evaluator;
            this.capacity = capacity;
            this.frame = evaluator.model.newFrame();
            int n = evaluator.plans.length;
            numbers = new double[n][capacity];
            texts = new String[n][];
            for (int i = 0; i < n; i++) {
                if (evaluator.plans[i].kind == Expr.Kind.STRING) {
                    texts[i] = new String[capacity];
                }
            }
            failed = new boolean[capacity];
            errors = new String[capacity];
        }

        @Override
        public int rows() {
            return rows;
        }

        @Override
        public double[] numbers(int output) {
            return numbers[output];
        }

        @Override
        public String[] texts(int output) {
            return texts[output];
        }

        @Override
        public boolean failed(int row) {
            return failed[row];
        }

        @Override
        public Optional<String> error(int row) {
            return Optional.ofNullable(failed[row] ? errors[row] : null);
        }
    }

    static void score(CompiledEvaluator e, Batch in, Outputs out) {
        int rows = in.rows();
        if (rows > out.capacity) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID,
                    "the batch has " + rows + " rows but the result holds " + out.capacity);
        }
        Frame f = out.frame;
        double[] v = f.v;
        InputBinding[] bindings = e.bindings;
        OutputPlan[] plans = e.plans;
        Dictionary dictionary = e.model.dictionary;
        for (int r = 0; r < rows; r++) {
            f.next();
            try {
                for (int i = 0; i < bindings.length; i++) {
                    InputBinding b = bindings[i];
                    double[] numbers = in.numbers[i];
                    v[b.slot] = numbers != null ? b.bindNumber(numbers[r]) : b.bindText(in.texts[i][r]);
                }
                e.scoreBound(f);
                out.failed[r] = false;
                out.errors[r] = null;
                for (int o = 0; o < plans.length; o++) {
                    double d = v[plans[o].slot];
                    out.numbers[o][r] = d;
                    if (out.texts[o] != null) {
                        out.texts[o][r] = d != d ? null : dictionary.string(d);
                    }
                }
            } catch (SegmentationException ex) {
                out.failed[r] = true;
                out.errors[r] = ex.getMessage();
                for (int o = 0; o < plans.length; o++) {
                    out.numbers[o][r] = Double.NaN;
                    if (out.texts[o] != null) {
                        out.texts[o][r] = null;
                    }
                }
            }
        }
        out.rows = rows;
    }
}
