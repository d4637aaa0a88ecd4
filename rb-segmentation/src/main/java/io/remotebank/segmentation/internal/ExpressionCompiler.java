package io.remotebank.segmentation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiles PMML expressions and predicates against a {@link Scope}. */
final class ExpressionCompiler {

    static final Set<String> EXPRESSIONS =
            Set.of("Constant", "FieldRef", "NormContinuous", "NormDiscrete", "Discretize", "MapValues", "Apply");
    static final Set<String> PREDICATES =
            Set.of("SimplePredicate", "SimpleSetPredicate", "CompoundPredicate", "True", "False");

    final Dictionary dictionary;
    final Layout layout;

    ExpressionCompiler(Dictionary dictionary, Layout layout) {
        this.dictionary = dictionary;
        this.layout = layout;
    }

    static Expr.Kind kindOf(String dataType, XmlNode at) {
        switch (dataType) {
            case "string":
                return Expr.Kind.STRING;
            case "boolean":
                return Expr.Kind.BOOLEAN;
            case "integer":
            case "float":
            case "double":
                return Expr.Kind.NUMBER;
            default:
                throw at.unsupported("dataType '" + dataType + "' is not supported (string, integer, float, double,"
                        + " boolean are)");
        }
    }

    /** A literal as a value of the given kind: strings become dictionary codes. */
    double value(String text, Expr.Kind kind, XmlNode at) {
        switch (kind) {
            case STRING:
                return dictionary.intern(text);
            case BOOLEAN:
                switch (text.trim()) {
                    case "true":
                    case "1":
                        return 1;
                    case "false":
                    case "0":
                        return 0;
                    default:
                        throw at.invalid("'" + text + "' is not a boolean");
                }
            default:
                try {
                    return Numbers.parse(text.trim());
                } catch (NumberFormatException e) {
                    throw at.invalid("'" + text + "' is not a number");
                }
        }
    }

    /** Defines the DerivedFields of a TransformationDictionary or LocalTransformations in a scope. */
    void derivedFields(XmlNode container, Scope scope) {
        container.allowOnly(Set.of("DerivedField"));
        List<Expr.Derived> pending = new ArrayList<>();
        List<XmlNode> nodes = container.children("DerivedField");
        // Define all first: a derived field may refer to one defined after it.
        for (XmlNode d : nodes) {
            Expr.Kind kind = kindOf(d.required("dataType"), d);
            Expr.Derived derived = new Expr.Derived(layout.alloc(1), kind);
            scope.define(
                    d, new Scope.Field(d.required("name"), derived, kind, "continuous".equals(d.attr("optype", ""))));
            pending.add(derived);
        }
        for (int i = 0; i < nodes.size(); i++) {
            XmlNode d = nodes.get(i);
            Expr.Derived derived = pending.get(i);
            derived.expr = expression(single(d, EXPRESSIONS), scope, derived.kind);
        }
    }

    /** The one child of an element that is one of the allowed kinds; anything else is refused. */
    static XmlNode single(XmlNode parent, Set<String> allowed) {
        XmlNode found = null;
        for (XmlNode c : parent.children()) {
            if (!allowed.contains(c.name())) {
                throw c.unsupported("element <" + c.name() + "> is not supported inside <" + parent.name() + ">");
            }
            if (found != null) {
                throw c.invalid("<" + parent.name() + "> takes one expression");
            }
            found = c;
        }
        if (found == null) {
            throw parent.invalid("an expression is required");
        }
        return found;
    }

    /**
     * Compiles an expression.
     *
     * @param expected the kind the result should have (for constants and table values), or null
     */
    Expr expression(XmlNode e, Scope scope, Expr.Kind expected) {
        Expr.Kind kind = expected == null ? Expr.Kind.NUMBER : expected;
        switch (e.name()) {
            case "Constant": {
                e.allowOnly(Set.of());
                String text = e.text();
                Expr.Kind k = e.attr("dataType")
                        .map(t -> kindOf(t, e))
                        .orElse(
                                expected == Expr.Kind.STRING || !looksNumeric(text)
                                        ? Expr.Kind.STRING
                                        : Expr.Kind.NUMBER);
                if (e.bool("missing", false)) {
                    return new Expr.Const(Double.NaN, k);
                }
                return new Expr.Const(value(text, k, e), k);
            }
            case "FieldRef": {
                e.allowOnly(Set.of());
                Scope.Field f = scope.resolve(e.required("field"), e);
                return withMissing(f.expr, e, f.kind);
            }
            case "NormContinuous": {
                e.allowOnly(Set.of("LinearNorm"));
                Scope.Field f = scope.resolve(e.required("field"), e);
                List<XmlNode> norms = e.children("LinearNorm");
                if (norms.size() < 2) {
                    throw e.invalid("at least two <LinearNorm> are required");
                }
                double[] orig = new double[norms.size()];
                double[] norm = new double[norms.size()];
                for (int i = 0; i < orig.length; i++) {
                    orig[i] = norms.get(i).requiredNumber("orig");
                    norm[i] = norms.get(i).requiredNumber("norm");
                    if (i > 0 && !(orig[i] > orig[i - 1])) {
                        throw norms.get(i).invalid("LinearNorm orig values must increase");
                    }
                }
                String outliers = e.oneOf("outliers", "asIs", Set.of("asIs", "asMissingValues", "asExtremeValues"));
                int mode = outliers.equals("asIs")
                        ? Expr.NormContinuous.AS_IS
                        : outliers.equals("asMissingValues")
                                ? Expr.NormContinuous.AS_MISSING
                                : Expr.NormContinuous.AS_EXTREME;
                return new Expr.NormContinuous(f.expr, orig, norm, mode, e.number("mapMissingTo", Double.NaN));
            }
            case "NormDiscrete": {
                e.allowOnly(Set.of());
                Scope.Field f = scope.resolve(e.required("field"), e);
                return new Expr.NormDiscrete(
                        f.expr, value(e.required("value"), f.kind, e), e.number("mapMissingTo", Double.NaN));
            }
            case "Discretize":
                return discretize(e, scope, kind);
            case "MapValues":
                return mapValues(e, scope, kind);
            case "Apply":
                return apply(e, scope, expected);
            default:
                throw e.unsupported("expression <" + e.name() + "> is not supported (supported: " + EXPRESSIONS + ")");
        }
    }

    private Expr withMissing(Expr source, XmlNode e, Expr.Kind kind) {
        return e.attr("mapMissingTo").isPresent()
                ? new Expr.MapMissing(source, value(e.required("mapMissingTo"), kind, e))
                : source;
    }

    private static boolean looksNumeric(String text) {
        try {
            Numbers.parse(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Expr discretize(XmlNode e, Scope scope, Expr.Kind kind) {
        e.allowOnly(Set.of("DiscretizeBin"));
        Scope.Field f = scope.resolve(e.required("field"), e);
        Expr.Kind out = e.attr("dataType").map(t -> kindOf(t, e)).orElse(kind);
        List<XmlNode> bins = e.children("DiscretizeBin");
        int n = bins.size();
        double[] left = new double[n];
        double[] right = new double[n];
        boolean[] leftClosed = new boolean[n];
        boolean[] rightClosed = new boolean[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            XmlNode bin = bins.get(i);
            bin.allowOnly(Set.of("Interval"));
            XmlNode interval = bin.requiredChild("Interval");
            String closure =
                    interval.oneOf("closure", "", Set.of("openClosed", "openOpen", "closedOpen", "closedClosed"));
            left[i] = interval.number("leftMargin", Double.NEGATIVE_INFINITY);
            right[i] = interval.number("rightMargin", Double.POSITIVE_INFINITY);
            leftClosed[i] = closure.startsWith("closed");
            rightClosed[i] = closure.endsWith("Closed");
            values[i] = value(bin.required("binValue"), out, bin);
        }
        double mapMissingTo = e.attr("mapMissingTo").map(t -> value(t, out, e)).orElse(Double.NaN);
        double defaultValue = e.attr("defaultValue").map(t -> value(t, out, e)).orElse(Double.NaN);
        return new Expr.Discretize(
                f.expr, out, left, right, leftClosed, rightClosed, values, mapMissingTo, defaultValue);
    }

    private Expr mapValues(XmlNode e, Scope scope, Expr.Kind kind) {
        e.allowOnly(Set.of("FieldColumnPair", "InlineTable"));
        Expr.Kind out = e.attr("dataType").map(t -> kindOf(t, e)).orElse(kind);
        List<XmlNode> pairs = e.children("FieldColumnPair");
        Expr[] sources = new Expr[pairs.size()];
        String[] columns = new String[pairs.size()];
        Expr.Kind[] kinds = new Expr.Kind[pairs.size()];
        for (int i = 0; i < sources.length; i++) {
            XmlNode p = pairs.get(i);
            Scope.Field f = scope.resolve(p.required("field"), p);
            sources[i] = f.expr;
            kinds[i] = f.kind;
            columns[i] = p.required("column");
        }
        String outputColumn = e.required("outputColumn");
        XmlNode table = e.child("InlineTable")
                .orElseThrow(() -> e.unsupported(
                        "only an <InlineTable> is supported as the table of <MapValues> (TableLocator is not)"));
        table.allowOnly(Set.of("row"));
        List<double[]> rows = new ArrayList<>();
        List<Double> outputs = new ArrayList<>();
        for (XmlNode row : table.children("row")) {
            Map<String, String> cells = new java.util.HashMap<>();
            for (XmlNode cell : row.children()) {
                cells.put(cell.name(), cell.text());
            }
            String o = cells.get(outputColumn);
            if (o == null) {
                throw row.invalid("the row has no '" + outputColumn + "' column");
            }
            double[] keys = new double[sources.length];
            boolean complete = true;
            for (int i = 0; i < keys.length; i++) {
                String k = cells.get(columns[i]);
                if (k == null) {
                    complete = false;
                    break;
                }
                keys[i] = value(k, kinds[i], row);
            }
            if (complete) {
                rows.add(keys);
                outputs.add(value(o, out, row));
            }
        }
        double[] outs = new double[outputs.size()];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = outputs.get(i);
        }
        double mapMissingTo = e.attr("mapMissingTo").map(t -> value(t, out, e)).orElse(Double.NaN);
        double defaultValue = e.attr("defaultValue").map(t -> value(t, out, e)).orElse(Double.NaN);
        return new Expr.MapValues(sources, out, rows.toArray(new double[0][]), outs, mapMissingTo, defaultValue);
    }

    private Expr apply(XmlNode e, Scope scope, Expr.Kind expected) {
        String function = e.required("function");
        Integer arity = Apply.FUNCTIONS.get(function);
        if (arity == null) {
            throw e.unsupported("function '" + function + "' is not supported (supported: "
                    + new java.util.TreeSet<>(Apply.FUNCTIONS.keySet()) + ")");
        }
        List<XmlNode> argNodes = e.children();
        for (XmlNode a : argNodes) {
            if (!EXPRESSIONS.contains(a.name())) {
                throw a.unsupported("element <" + a.name() + "> is not supported inside <Apply>");
            }
        }
        boolean ok = arity < 0 ? !argNodes.isEmpty() : argNodes.size() == arity;
        if (function.equals("if")) {
            ok = argNodes.size() == 2 || argNodes.size() == 3;
        }
        if (function.equals("round") || function.equals("avg")) {
            ok = arity < 0 ? !argNodes.isEmpty() : argNodes.size() == arity;
        }
        if (!ok) {
            throw e.invalid("function '" + function + "' takes " + (arity < 0 ? "one or more" : arity)
                    + " arguments, got " + argNodes.size());
        }
        Expr[] args = new Expr[argNodes.size()];
        // Compile field references first, so that a string constant compared with a field gets its kind.
        Expr.Kind argKind = null;
        for (int i = 0; i < args.length; i++) {
            if (!argNodes.get(i).name().equals("Constant")) {
                args[i] = expression(argNodes.get(i), scope, null);
                if (!function.equals("if") || i > 0) {
                    argKind = argKind == null ? args[i].kind : argKind;
                }
            }
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                Expr.Kind k =
                        function.equals("if") && i == 0 ? Expr.Kind.BOOLEAN : argKind != null ? argKind : expected;
                args[i] = expression(argNodes.get(i), scope, k);
            }
        }
        Expr.Kind kind;
        if (Apply.BOOLEAN_RESULTS.contains(function)) {
            kind = Expr.Kind.BOOLEAN;
        } else if (function.equals("if")) {
            kind = args[1].kind;
        } else {
            kind = Expr.Kind.NUMBER;
        }
        String invalid =
                e.oneOf("invalidValueTreatment", "returnInvalid", Set.of("returnInvalid", "asMissing", "asIs"));
        double mapMissingTo = e.attr("mapMissingTo").map(t -> value(t, kind, e)).orElse(Double.NaN);
        double defaultValue = e.attr("defaultValue").map(t -> value(t, kind, e)).orElse(Double.NaN);
        return new Apply(function, kind, args, mapMissingTo, defaultValue, !invalid.equals("returnInvalid"));
    }

    /** The predicate among an element's children (the first one that is a predicate). */
    Pred predicateOf(XmlNode parent, Scope scope) {
        for (XmlNode c : parent.children()) {
            if (PREDICATES.contains(c.name())) {
                return predicate(c, scope);
            }
        }
        throw parent.invalid("a predicate (" + PREDICATES + ") is required");
    }

    Pred predicate(XmlNode p, Scope scope) {
        switch (p.name()) {
            case "True":
                return new Pred.Constant(Pred.TRUE);
            case "False":
                return new Pred.Constant(Pred.FALSE);
            case "SimplePredicate": {
                p.allowOnly(Set.of());
                Scope.Field f = scope.resolve(p.required("field"), p);
                String operator = p.oneOf(
                        "operator",
                        "",
                        Set.of(
                                "equal",
                                "notEqual",
                                "lessThan",
                                "lessOrEqual",
                                "greaterThan",
                                "greaterOrEqual",
                                "isMissing",
                                "isNotMissing"));
                int op = List.of(
                                "equal",
                                "notEqual",
                                "lessThan",
                                "lessOrEqual",
                                "greaterThan",
                                "greaterOrEqual",
                                "isMissing",
                                "isNotMissing")
                        .indexOf(operator);
                if (op >= Pred.Simple.LT && op <= Pred.Simple.GE && f.kind == Expr.Kind.STRING) {
                    throw p.unsupported("operator '" + operator + "' on string field '" + f.name
                            + "' is not supported (its order is not defined)");
                }
                double value = op >= Pred.Simple.IS_MISSING ? Double.NaN : value(p.required("value"), f.kind, p);
                return new Pred.Simple(f.expr, op, value);
            }
            case "SimpleSetPredicate": {
                p.allowOnly(Set.of("Array"));
                Scope.Field f = scope.resolve(p.required("field"), p);
                String op = p.oneOf("booleanOperator", "", Set.of("isIn", "isNotIn"));
                XmlNode array = p.requiredChild("Array");
                List<String> items = ArrayParser.parse(array);
                double[] values = new double[items.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = value(items.get(i), f.kind, array);
                }
                return new Pred.Set(f.expr, values, op.equals("isIn"));
            }
            case "CompoundPredicate": {
                String op = p.oneOf("booleanOperator", "", Set.of("and", "or", "xor", "surrogate"));
                List<XmlNode> parts = p.children();
                if (parts.size() < 2) {
                    throw p.invalid("a CompoundPredicate needs at least two predicates");
                }
                Pred[] compiled = new Pred[parts.size()];
                for (int i = 0; i < compiled.length; i++) {
                    if (!PREDICATES.contains(parts.get(i).name())) {
                        throw parts.get(i)
                                .unsupported("element <" + parts.get(i).name()
                                        + "> is not supported inside <CompoundPredicate>");
                    }
                    compiled[i] = predicate(parts.get(i), scope);
                }
                int code = List.of("and", "or", "xor", "surrogate").indexOf(op);
                return new Pred.Compound(code, compiled);
            }
            default:
                throw p.unsupported("predicate <" + p.name() + "> is not supported (supported: " + PREDICATES + ")");
        }
    }
}
