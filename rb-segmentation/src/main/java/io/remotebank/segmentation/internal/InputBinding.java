package io.remotebank.segmentation.internal;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import java.util.Arrays;

/**
 * One input field of a model: its DataField (type, valid, invalid and missing values, intervals) and
 * its MiningField treatments (PMML 4.4 "MiningSchema"), applied in the order the standard gives:
 * missing values, then invalid values (invalidValueTreatment), then outliers, then
 * missingValueReplacement for whatever is missing by then.
 */
final class InputBinding {

    static final int RETURN_INVALID = 0;
    static final int AS_IS = 1;
    static final int AS_MISSING = 2;
    static final int AS_VALUE = 3;

    static final int OUTLIERS_AS_IS = 0;
    static final int OUTLIERS_AS_MISSING = 1;
    static final int OUTLIERS_AS_EXTREME = 2;

    final String name;
    final int slot;
    final Expr.Kind kind;
    final boolean integer;
    final Dictionary dictionary;

    /** Valid values, sorted; null when any value of the type is valid. */
    double[] valid;
    /** Values declared invalid or missing, sorted. */
    double[] invalid = new double[0];

    double[] missing = new double[0];
    /** Valid intervals of a continuous field, or null. */
    double[] left;

    double[] right;
    boolean[] leftClosed;
    boolean[] rightClosed;

    int invalidTreatment = RETURN_INVALID;
    double invalidReplacement = Double.NaN;
    double missingReplacement = Double.NaN;
    int outliers = OUTLIERS_AS_IS;
    double lowValue = Double.NEGATIVE_INFINITY;
    double highValue = Double.POSITIVE_INFINITY;

    InputBinding(String name, int slot, Expr.Kind kind, boolean integer, Dictionary dictionary) {
        this.name = name;
        this.slot = slot;
        this.kind = kind;
        this.integer = integer;
        this.dictionary = dictionary;
    }

    void sortLists() {
        if (valid != null) {
            Arrays.sort(valid);
        }
        Arrays.sort(invalid);
        Arrays.sort(missing);
    }

    /** Binds a value of any Java type; null is missing. */
    double bind(Object raw) {
        if (raw == null) {
            return treat(Double.NaN, true);
        }
        if (raw instanceof String) {
            return bindText((String) raw);
        }
        if (raw instanceof Number) {
            if (kind == Expr.Kind.STRING) {
                return bindText(raw.toString());
            }
            return bindNumber(((Number) raw).doubleValue());
        }
        if (raw instanceof Boolean) {
            return kind == Expr.Kind.STRING ? bindText(raw.toString()) : bindNumber(((Boolean) raw) ? 1 : 0);
        }
        return bindText(raw.toString());
    }

    /** Binds text: an empty string is missing; for a numeric field, unparseable text is invalid. */
    double bindText(String text) {
        if (text == null || text.isEmpty()) {
            return treat(Double.NaN, true);
        }
        switch (kind) {
            case STRING:
                return treat(dictionary.lookup(text), false);
            case BOOLEAN:
                if (text.equals("true") || text.equals("1")) {
                    return treat(1, false);
                }
                if (text.equals("false") || text.equals("0")) {
                    return treat(0, false);
                }
                return invalid();
            default:
                double d;
                try {
                    d = Numbers.parse(text.trim());
                } catch (NumberFormatException e) {
                    return invalid();
                }
                return bindNumber(d);
        }
    }

    /** Binds a number: NaN is missing. */
    double bindNumber(double d) {
        if (d != d) {
            return treat(Double.NaN, true);
        }
        if (kind == Expr.Kind.STRING) {
            return bindText(Numbers.format(d));
        }
        return treat(d, d != d);
    }

    private double treat(double d, boolean isMissing) {
        if (!isMissing && missing.length > 0 && Arrays.binarySearch(missing, d) >= 0) {
            isMissing = true;
        }
        if (isMissing) {
            return missingReplacement;
        }
        if (!isValid(d)) {
            return invalid(d);
        }
        if (outliers != OUTLIERS_AS_IS && kind == Expr.Kind.NUMBER && (d < lowValue || d > highValue)) {
            if (outliers == OUTLIERS_AS_MISSING) {
                return missingReplacement;
            }
            return d < lowValue ? lowValue : highValue;
        }
        return d;
    }

    private boolean isValid(double d) {
        if (invalid.length > 0 && Arrays.binarySearch(invalid, d) >= 0) {
            return false;
        }
        if (kind == Expr.Kind.NUMBER) {
            if (Double.isInfinite(d)) {
                return false;
            }
            if (integer && d != Math.rint(d)) {
                return false;
            }
            if (left != null) {
                boolean inside = false;
                for (int i = 0; i < left.length && !inside; i++) {
                    inside = Intervals.contains(d, left[i], right[i], leftClosed[i], rightClosed[i]);
                }
                if (!inside) {
                    return false;
                }
            }
        }
        return valid == null || Arrays.binarySearch(valid, d) >= 0;
    }

    private double invalid() {
        return invalid(Dictionary.UNKNOWN);
    }

    private double invalid(double asIs) {
        switch (invalidTreatment) {
            case AS_IS:
                return asIs;
            case AS_MISSING:
                return missingReplacement;
            case AS_VALUE:
                return invalidReplacement;
            default:
                // The value itself is not echoed: it may be personal data.
                throw new SegmentationException(
                        SegmentationError.RECORD_INVALID, "the value of field '" + name + "' is invalid");
        }
    }
}
