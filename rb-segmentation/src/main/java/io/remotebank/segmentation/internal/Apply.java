package io.remotebank.segmentation.internal;

import java.util.Map;
import java.util.Set;

/**
 * PMML's Apply of a built-in function (PMML 4.4 "Built-in Functions"): arithmetic, the mathematical
 * functions, comparisons, boolean logic and {@code if}. A missing argument makes the result missing
 * (then {@code mapMissingTo}), except for {@code isMissing}, {@code isNotMissing} and the branch of
 * {@code if} not taken. An undefined result from valid arguments (division by zero, the log of a
 * negative number) is invalid: it fails the record unless invalidValueTreatment says asMissing.
 */
final class Apply extends Expr {

    /** The supported functions, with their arity (-1: one or more). */
    static final Map<String, Integer> FUNCTIONS = Map.ofEntries(
            Map.entry("+", 2),
            Map.entry("-", 2),
            Map.entry("*", 2),
            Map.entry("/", 2),
            Map.entry("min", -1),
            Map.entry("max", -1),
            Map.entry("sum", -1),
            Map.entry("avg", -1),
            Map.entry("product", -1),
            Map.entry("log10", 1),
            Map.entry("ln", 1),
            Map.entry("exp", 1),
            Map.entry("sqrt", 1),
            Map.entry("abs", 1),
            Map.entry("pow", 2),
            Map.entry("threshold", 2),
            Map.entry("floor", 1),
            Map.entry("ceil", 1),
            Map.entry("round", 1),
            Map.entry("isMissing", 1),
            Map.entry("isNotMissing", 1),
            Map.entry("equal", 2),
            Map.entry("notEqual", 2),
            Map.entry("lessThan", 2),
            Map.entry("lessOrEqual", 2),
            Map.entry("greaterThan", 2),
            Map.entry("greaterOrEqual", 2),
            Map.entry("and", -1),
            Map.entry("or", -1),
            Map.entry("not", 1),
            Map.entry("if", -1));

    static final Set<String> BOOLEAN_RESULTS = Set.of(
            "isMissing",
            "isNotMissing",
            "equal",
            "notEqual",
            "lessThan",
            "lessOrEqual",
            "greaterThan",
            "greaterOrEqual",
            "and",
            "or",
            "not");

    private final int op;
    private final String function;
    private final Expr[] args;
    private final double mapMissingTo;
    private final double defaultValue;
    private final boolean invalidAsMissing;

    private static final String[] OPS = {
        "+",
        "-",
        "*",
        "/",
        "min",
        "max",
        "sum",
        "avg",
        "product",
        "log10",
        "ln",
        "exp",
        "sqrt",
        "abs",
        "pow",
        "threshold",
        "floor",
        "ceil",
        "round",
        "isMissing",
        "isNotMissing",
        "equal",
        "notEqual",
        "lessThan",
        "lessOrEqual",
        "greaterThan",
        "greaterOrEqual",
        "and",
        "or",
        "not",
        "if"
    };

    Apply(String function, Kind kind, Expr[] args, double mapMissingTo, double defaultValue, boolean invalidAsMissing) {
        super(kind);
        int found = -1;
        for (int i = 0; i < OPS.length; i++) {
            if (OPS[i].equals(function)) {
                found = i;
            }
        }
        this.op = found;
        this.function = function;
        this.args = args;
        this.mapMissingTo = mapMissingTo;
        this.defaultValue = defaultValue;
        this.invalidAsMissing = invalidAsMissing;
    }

    @Override
    double eval(Frame f) {
        switch (op) {
            case 19: // isMissing
                return missing(args[0].eval(f)) ? 1 : 0;
            case 20: // isNotMissing
                return missing(args[0].eval(f)) ? 0 : 1;
            case 30: { // if
                double c = args[0].eval(f);
                if (c != c) {
                    return mapMissingTo;
                }
                double r;
                if (c != 0) {
                    r = args[1].eval(f);
                } else if (args.length > 2) {
                    r = args[2].eval(f);
                } else {
                    return defaultValue;
                }
                return r != r ? mapMissingTo : r;
            }
            default:
                break;
        }
        if (args.length == 1) {
            double a = args[0].eval(f);
            return a != a ? mapMissingTo : checked(unary(a));
        }
        if (args.length == 2) {
            double a = args[0].eval(f);
            if (a != a) {
                return mapMissingTo;
            }
            double b = args[1].eval(f);
            if (b != b) {
                return mapMissingTo;
            }
            return checked(binary(a, b));
        }
        double acc = 0;
        for (int i = 0; i < args.length; i++) {
            double x = args[i].eval(f);
            if (x != x) {
                return mapMissingTo;
            }
            acc = i == 0 ? x : fold(acc, x);
        }
        if (op == 7) { // avg
            acc /= args.length;
        }
        return checked(acc);
    }

    private double checked(double r) {
        if (r != r || Double.isInfinite(r)) {
            if (invalidAsMissing) {
                return Double.NaN;
            }
            throw invalid("function '" + function + "' has no valid result for this record");
        }
        return r;
    }

    private double unary(double a) {
        switch (op) {
            case 9:
                return Math.log10(a);
            case 10:
                return Math.log(a);
            case 11:
                return Math.exp(a);
            case 12:
                return Math.sqrt(a);
            case 13:
                return Math.abs(a);
            case 16:
                return Math.floor(a);
            case 17:
                return Math.ceil(a);
            case 18:
                return Math.round(a);
            case 29:
                return a == 0 ? 1 : 0;
            case 4: // min, max, sum, avg, product, and, or of one argument
            case 5:
            case 6:
            case 7:
            case 8:
                return a;
            case 27:
            case 28:
                return a != 0 ? 1 : 0;
            default:
                throw new IllegalStateException(function);
        }
    }

    private double binary(double a, double b) {
        switch (op) {
            case 0:
                return a + b;
            case 1:
                return a - b;
            case 2:
                return a * b;
            case 3:
                return a / b;
            case 7:
                return (a + b) / 2;
            case 14:
                return Math.pow(a, b);
            case 15:
                return a > b ? 1 : 0;
            case 21:
                return a == b ? 1 : 0;
            case 22:
                return a != b ? 1 : 0;
            case 23:
                return a < b ? 1 : 0;
            case 24:
                return a <= b ? 1 : 0;
            case 25:
                return a > b ? 1 : 0;
            case 26:
                return a >= b ? 1 : 0;
            default:
                return fold(a, b);
        }
    }

    private double fold(double acc, double x) {
        switch (op) {
            case 4:
                return Math.min(acc, x);
            case 5:
                return Math.max(acc, x);
            case 6:
            case 7:
                return acc + x;
            case 8:
                return acc * x;
            case 27:
                return acc != 0 && x != 0 ? 1 : 0;
            case 28:
                return acc != 0 || x != 0 ? 1 : 0;
            default:
                throw new IllegalStateException(function);
        }
    }
}
