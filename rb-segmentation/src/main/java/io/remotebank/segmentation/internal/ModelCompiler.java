package io.remotebank.segmentation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Compiles the model elements (Scorecard, RegressionModel, TreeModel, MiningModel) with their schema, targets and outputs. */
final class ModelCompiler {

    /** A compiled model and its OutputFields. */
    record Compiled(ModelNode node, List<OutputPlan> outputs) {}

    /** Elements a model may hold besides its body; ModelStats and ModelExplanation carry no scoring semantics. */
    private static final Set<String> COMMON =
            Set.of("MiningSchema", "Output", "Targets", "LocalTransformations", "ModelStats", "ModelExplanation");

    final PmmlCompiler compiler;
    final ExpressionCompiler x;
    final TreeCompiler trees;

    ModelCompiler(PmmlCompiler compiler) {
        this.compiler = compiler;
        this.x = compiler.expressions;
        this.trees = new TreeCompiler(this);
    }

    static Set<String> allowed(String... body) {
        Set<String> s = new HashSet<>(COMMON);
        s.addAll(List.of(body));
        return s;
    }

    Compiled model(XmlNode m, Scope parent, boolean top) {
        if (!m.bool("isScorable", true)) {
            throw m.invalid("the model is marked isScorable=\"false\": its producer says it must not be used to score");
        }
        Scope scope = new Scope(parent);
        m.child("LocalTransformations").ifPresent(lt -> x.derivedFields(lt, scope));
        XmlNode schema = m.requiredChild("MiningSchema");
        checkSchema(schema, scope, top);
        String target = DataDictionary.targetOf(schema);
        boolean classification = m.oneOf("functionName", "", Set.of("regression", "classification"))
                .equals("classification");
        DataDictionary.DataField targetField = target == null ? null : compiler.data.field(target);
        if (target != null && targetField == null) {
            throw schema.invalid("target field '" + target + "' is not in the DataDictionary");
        }
        Expr.Kind valueKind =
                !classification ? Expr.Kind.NUMBER : targetField != null ? targetField.kind : Expr.Kind.STRING;
        ModelNode node;
        switch (m.name()) {
            case "Scorecard":
                node = scorecard(m, scope, classification);
                break;
            case "RegressionModel":
                node = regression(m, scope, classification, valueKind, targetField);
                break;
            case "TreeModel":
                node = trees.tree(m, scope, classification, valueKind, declaredCategories(targetField, valueKind));
                break;
            default:
                node = mining(m, scope, classification, valueKind, targetField);
                break;
        }
        Optional<XmlNode> targets = m.child("Targets");
        if (targets.isPresent()) {
            node.target = target(targets.get(), node, valueKind, target);
        }
        List<OutputPlan> outputs = m.child("Output")
                .map(o -> outputs(o, node, scope, valueKind, target))
                .orElse(List.of());
        if (top && outputs.isEmpty()) {
            outputs = List.of(defaultOutput(m, node, valueKind, target));
        }
        return new Compiled(node, outputs);
    }

    private void checkSchema(XmlNode schema, Scope scope, boolean top) {
        schema.allowOnly(Set.of("MiningField"));
        for (XmlNode f : schema.children("MiningField")) {
            String name = f.required("name");
            if (scope.find(name) == null) {
                throw f.invalid("field '" + name + "' is not defined");
            }
            if (!top) {
                for (String a : List.of(
                        "invalidValueTreatment", "missingValueReplacement", "outliers", "invalidValueReplacement")) {
                    String v = f.attr(a, null);
                    if (v != null
                            && !(a.equals("invalidValueTreatment") && v.equals("returnInvalid"))
                            && !(a.equals("outliers") && v.equals("asIs"))) {
                        throw f.unsupported("attribute '" + a + "' on a nested model's MiningField is not supported;"
                                + " declare the treatment in the top-level MiningSchema");
                    }
                }
            }
        }
    }

    double[] declaredCategories(DataDictionary.DataField target, Expr.Kind kind) {
        if (target == null || target.validValues.isEmpty()) {
            return null;
        }
        double[] out = new double[target.validValues.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = x.value(target.validValues.get(i), kind, target.node);
        }
        return out;
    }

    private ScorecardNode scorecard(XmlNode m, Scope scope, boolean classification) {
        m.allowOnly(allowed("Characteristics"));
        if (classification) {
            throw m.unsupported("a Scorecard must have functionName=\"regression\"");
        }
        boolean useReasonCodes = m.bool("useReasonCodes", true);
        boolean pointsAbove = m.oneOf("reasonCodeAlgorithm", "pointsBelow", Set.of("pointsBelow", "pointsAbove"))
                .equals("pointsAbove");
        // baselineMethod only records how the baselines were chosen; each is accepted.
        m.oneOf("baselineMethod", "other", Set.of("max", "min", "mean", "neutral", "other"));
        Optional<Double> modelBaseline = m.optionalNumber("baselineScore");
        XmlNode characteristics = m.requiredChild("Characteristics");
        characteristics.allowOnly(Set.of("Characteristic"));
        List<String> codes = new ArrayList<>();
        List<ScorecardNode.Characteristic> out = new ArrayList<>();
        for (XmlNode c : characteristics.children("Characteristic")) {
            c.allowOnly(Set.of("Attribute"));
            Optional<Double> baseline = c.optionalNumber("baselineScore").or(() -> modelBaseline);
            if (useReasonCodes && baseline.isEmpty()) {
                throw c.invalid(
                        "with reason codes, a baselineScore is required on the Characteristic or the" + " Scorecard");
            }
            List<ScorecardNode.Attribute> attributes = new ArrayList<>();
            for (XmlNode a : c.children("Attribute")) {
                Set<String> allowed = new HashSet<>(ExpressionCompiler.PREDICATES);
                allowed.add("ComplexPartialScore");
                a.allowOnly(allowed);
                Pred p = x.predicateOf(a, scope);
                Expr complex = a.child("ComplexPartialScore")
                        .map(cps -> x.expression(
                                ExpressionCompiler.single(cps, ExpressionCompiler.EXPRESSIONS),
                                scope,
                                Expr.Kind.NUMBER))
                        .orElse(null);
                double partial = complex != null ? Double.NaN : a.requiredNumber("partialScore");
                int reason = -1;
                if (useReasonCodes) {
                    String code = a.attr("reasonCode")
                            .or(() -> c.attr("reasonCode"))
                            .orElseThrow(
                                    () -> a.invalid(
                                            "with reason codes, a reasonCode is required on the Attribute or its Characteristic"));
                    reason = codes.indexOf(code);
                    if (reason < 0) {
                        reason = codes.size();
                        codes.add(code);
                    }
                }
                attributes.add(new ScorecardNode.Attribute(p, partial, complex, reason));
            }
            if (attributes.isEmpty()) {
                throw c.invalid("a Characteristic needs at least one Attribute");
            }
            out.add(new ScorecardNode.Characteristic(
                    c.attr("name", "#" + (out.size() + 1)),
                    baseline.orElse(0.0),
                    attributes.toArray(new ScorecardNode.Attribute[0])));
        }
        if (out.isEmpty()) {
            throw characteristics.invalid("a Scorecard needs at least one Characteristic");
        }
        double[] reasonCodes = new double[codes.size()];
        for (int i = 0; i < reasonCodes.length; i++) {
            reasonCodes[i] = compiler.dictionary.intern(codes.get(i));
        }
        ScorecardNode node = new ScorecardNode(
                m.attr("modelName", "Scorecard"),
                m.number("initialScore", 0),
                out.toArray(new ScorecardNode.Characteristic[0]),
                useReasonCodes,
                pointsAbove,
                reasonCodes);
        node.layout(compiler.layout);
        return node;
    }

    private RegressionNode regression(
            XmlNode m, Scope scope, boolean classification, Expr.Kind valueKind, DataDictionary.DataField target) {
        m.allowOnly(allowed("RegressionTable"));
        List<String> methods =
                List.of("none", "simplemax", "softmax", "logit", "probit", "cloglog", "exp", "loglog", "cauchit");
        int normalization = methods.indexOf(m.oneOf("normalizationMethod", "none", Set.copyOf(methods)));
        List<XmlNode> tableNodes = m.children("RegressionTable");
        boolean ordinal = target != null && target.optype.equals("ordinal");
        if (!classification && tableNodes.size() != 1) {
            throw m.invalid("a regression needs exactly one RegressionTable, found " + tableNodes.size());
        }
        if (classification) {
            if (tableNodes.size() < 2) {
                throw m.invalid("a classification needs a RegressionTable per category (at least two)");
            }
            boolean link = normalization != RegressionNode.SOFTMAX && normalization != RegressionNode.SIMPLEMAX;
            if (normalization == RegressionNode.EXP
                    || (link && normalization != RegressionNode.NONE && tableNodes.size() > 2 && !ordinal)) {
                throw m.unsupported("normalizationMethod '" + methods.get(normalization) + "' is not supported for "
                        + tableNodes.size() + " categories");
            }
        }
        RegressionNode.Table[] tables = new RegressionNode.Table[tableNodes.size()];
        double[] categories = new double[tables.length];
        for (int t = 0; t < tables.length; t++) {
            XmlNode table = tableNodes.get(t);
            tables[t] = table(table, scope);
            if (classification) {
                categories[t] = x.value(table.required("targetCategory"), valueKind, table);
            }
        }
        RegressionNode node = new RegressionNode(
                m.attr("modelName", "RegressionModel"), classification, tables, normalization, ordinal);
        if (classification) {
            node.categories = categories;
        }
        node.layout(compiler.layout);
        return node;
    }

    private RegressionNode.Table table(XmlNode table, Scope scope) {
        table.allowOnly(Set.of("NumericPredictor", "CategoricalPredictor", "PredictorTerm"));
        List<Expr> numeric = new ArrayList<>();
        List<Double> exponents = new ArrayList<>();
        List<Double> coefficients = new ArrayList<>();
        for (XmlNode p : table.children("NumericPredictor")) {
            Scope.Field f = scope.resolve(p.required("name"), p);
            if (f.kind == Expr.Kind.STRING) {
                throw p.invalid("NumericPredictor '" + f.name + "' refers to a string field");
            }
            numeric.add(f.expr);
            exponents.add(p.number("exponent", 1));
            coefficients.add(p.requiredNumber("coefficient"));
        }
        List<String> names = new ArrayList<>();
        List<Expr> categorical = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        List<List<Double>> categoricalCoefficients = new ArrayList<>();
        for (XmlNode p : table.children("CategoricalPredictor")) {
            Scope.Field f = scope.resolve(p.required("name"), p);
            int i = names.indexOf(f.name);
            if (i < 0) {
                i = names.size();
                names.add(f.name);
                categorical.add(f.expr);
                values.add(new ArrayList<>());
                categoricalCoefficients.add(new ArrayList<>());
            }
            values.get(i).add(x.value(p.required("value"), f.kind, p));
            categoricalCoefficients.get(i).add(p.requiredNumber("coefficient"));
        }
        List<Expr[]> terms = new ArrayList<>();
        List<Double> termCoefficients = new ArrayList<>();
        for (XmlNode p : table.children("PredictorTerm")) {
            p.allowOnly(Set.of("FieldRef"));
            List<Expr> refs = new ArrayList<>();
            for (XmlNode r : p.children("FieldRef")) {
                refs.add(x.expression(r, scope, Expr.Kind.NUMBER));
            }
            if (refs.isEmpty()) {
                throw p.invalid("a PredictorTerm needs at least one FieldRef");
            }
            terms.add(refs.toArray(new Expr[0]));
            termCoefficients.add(p.requiredNumber("coefficient"));
        }
        double[][] vs = new double[values.size()][];
        double[][] cs = new double[values.size()][];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = toArray(values.get(i));
            cs[i] = toArray(categoricalCoefficients.get(i));
        }
        return new RegressionNode.Table(
                table.number("intercept", 0),
                numeric.toArray(new Expr[0]),
                toArray(exponents),
                toArray(coefficients),
                categorical.toArray(new Expr[0]),
                vs,
                cs,
                terms.toArray(new Expr[0][]),
                toArray(termCoefficients));
    }

    static double[] toArray(List<Double> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private MiningNode mining(
            XmlNode m, Scope scope, boolean classification, Expr.Kind valueKind, DataDictionary.DataField target) {
        m.allowOnly(allowed("Segmentation"));
        XmlNode segmentation = m.requiredChild("Segmentation");
        List<String> methods = List.of(
                "majorityVote",
                "weightedMajorityVote",
                "average",
                "weightedAverage",
                "median",
                "max",
                "sum",
                "weightedSum",
                "selectFirst",
                "modelChain");
        Set<String> allowedMethods = classification
                ? Set.of(
                        "majorityVote",
                        "weightedMajorityVote",
                        "average",
                        "weightedAverage",
                        "selectFirst",
                        "modelChain")
                : Set.of(
                        "average",
                        "weightedAverage",
                        "median",
                        "max",
                        "sum",
                        "weightedSum",
                        "selectFirst",
                        "modelChain");
        int method = methods.indexOf(segmentation.oneOf("multipleModelMethod", "", allowedMethods));
        int treatment = List.of("continue", "skipSegment", "returnMissing")
                .indexOf(segmentation.oneOf(
                        "missingPredictionTreatment", "continue", Set.of("continue", "skipSegment", "returnMissing")));
        double threshold = segmentation.number("missingThreshold", 1);
        Set<String> segmentationChildren = Set.of("Segment", "LocalTransformations");
        segmentation.allowOnly(segmentationChildren);
        Scope chain = new Scope(scope);
        segmentation.child("LocalTransformations").ifPresent(lt -> x.derivedFields(lt, chain));
        List<MiningNode.Segment> segments = new ArrayList<>();
        List<Double> categories = new ArrayList<>();
        double[] declared = declaredCategories(target, valueKind);
        if (classification && declared != null) {
            for (double d : declared) {
                categories.add(d);
            }
        }
        int reasonCapacity = 0;
        Set<String> segmentAllowed = new HashSet<>(ExpressionCompiler.PREDICATES);
        segmentAllowed.addAll(PmmlCompiler.MODELS);
        for (XmlNode s : segmentation.children("Segment")) {
            s.allowOnly(segmentAllowed);
            Pred p = x.predicateOf(s, chain);
            XmlNode body = null;
            for (XmlNode c : s.children()) {
                if (PmmlCompiler.MODELS.contains(c.name())) {
                    if (body != null) {
                        throw c.invalid("a Segment holds one model");
                    }
                    body = c;
                }
            }
            if (body == null) {
                throw s.invalid("a Segment needs a model");
            }
            Compiled c = model(body, chain, false);
            if (method == MiningNode.MODEL_CHAIN) {
                for (OutputPlan o : c.outputs()) {
                    chain.define(body, new Scope.Field(o.name, new Expr.Slot(o.slot, o.kind), o.kind, true));
                }
            } else if (method != MiningNode.SELECT_FIRST && c.node().classification != classification) {
                throw body.invalid("a " + (classification ? "classification" : "regression") + " ensemble needs "
                        + (classification ? "classification" : "regression") + " segments");
            }
            MiningNode.Segment seg = new MiningNode.Segment(
                    p, s.number("weight", 1), c.node(), c.outputs().toArray(new OutputPlan[0]));
            if (classification && c.node().classification) {
                double[] own = c.node().categories;
                seg.categoryMap = new int[own.length];
                for (int i = 0; i < own.length; i++) {
                    int index = categories.indexOf(own[i]);
                    if (index < 0) {
                        if (declared != null) {
                            throw body.invalid("the segment predicts a category the target field does not declare");
                        }
                        index = categories.size();
                        categories.add(own[i]);
                    }
                    seg.categoryMap[i] = index;
                }
            }
            reasonCapacity = Math.max(reasonCapacity, reasonCapacity(c.node()));
            segments.add(seg);
        }
        if (segments.isEmpty()) {
            throw segmentation.invalid("a Segmentation needs at least one Segment");
        }
        MiningNode node = new MiningNode(
                m.attr("modelName", "MiningModel"),
                classification,
                segments.toArray(new MiningNode.Segment[0]),
                method,
                treatment,
                threshold);
        node.categories = toArray(categories);
        node.reasonCapacity = reasonCapacity;
        node.layout(compiler.layout);
        return node;
    }

    static int reasonCapacity(ModelNode node) {
        if (node instanceof ScorecardNode) {
            ScorecardNode s = (ScorecardNode) node;
            return s.useReasonCodes ? s.reasonCodes.length : 0;
        }
        if (node instanceof MiningNode) {
            return ((MiningNode) node).reasonCapacity;
        }
        return 0;
    }

    private ModelNode.Target target(XmlNode targets, ModelNode node, Expr.Kind valueKind, String targetName) {
        targets.allowOnly(Set.of("Target"));
        List<XmlNode> list = targets.children("Target");
        if (list.size() != 1) {
            throw targets.unsupported("exactly one <Target> is supported, found " + list.size());
        }
        XmlNode t = list.get(0);
        t.allowOnly(Set.of("TargetValue"));
        String field = t.attr("field", targetName);
        if (targetName != null && field != null && !field.equals(targetName)) {
            throw t.invalid("Target field '" + field + "' is not the model's target '" + targetName + "'");
        }
        ModelNode.Target target = new ModelNode.Target();
        target.min = t.number("min", Double.NEGATIVE_INFINITY);
        target.max = t.number("max", Double.POSITIVE_INFINITY);
        target.rescaleFactor = t.number("rescaleFactor", 1);
        target.rescaleConstant = t.number("rescaleConstant", 0);
        target.castInteger = t.oneOf("castInteger", "none", Set.of("none", "round", "ceiling", "floor"));
        List<XmlNode> values = t.children("TargetValue");
        if (!node.classification) {
            if (values.size() > 1) {
                throw t.invalid("a regression's Target takes at most one TargetValue");
            }
            if (!values.isEmpty()) {
                target.defaultValue = values.get(0).number("defaultValue", Double.NaN);
            }
        } else if (!values.isEmpty()) {
            target.priors = new double[node.categories.length];
            for (XmlNode v : values) {
                double value = x.value(v.required("value"), valueKind, v);
                int index = node.categoryIndex(value);
                if (index < 0) {
                    throw v.invalid("TargetValue '" + v.required("value") + "' is not a category of the model");
                }
                target.priors[index] = v.number("priorProbability", 0);
            }
        }
        return target;
    }

    private List<OutputPlan> outputs(XmlNode output, ModelNode node, Scope scope, Expr.Kind valueKind, String target) {
        output.allowOnly(Set.of("OutputField"));
        Scope outputScope = new Scope(scope);
        List<OutputPlan> out = new ArrayList<>();
        List<String> features = List.of("predictedValue", "probability", "reasonCode", "entityId", "transformedValue");
        for (XmlNode o : output.children("OutputField")) {
            String name = o.required("name");
            int feature = features.indexOf(o.oneOf("feature", "predictedValue", Set.copyOf(features)));
            o.attr("targetField").ifPresent(tf -> {
                if (!tf.equals(target)) {
                    throw o.unsupported("targetField '" + tf + "' is not the model's target; multi-target models are"
                            + " not supported");
                }
            });
            if (o.attr("segmentId").isPresent()) {
                throw o.unsupported("attribute 'segmentId' is not supported");
            }
            String dataType = o.attr("dataType", null);
            Expr.Kind kind;
            int argument = 0;
            Expr expression = null;
            switch (feature) {
                case OutputPlan.PREDICTED:
                    kind = valueKind;
                    o.allowOnly(Set.of());
                    break;
                case OutputPlan.PROBABILITY: {
                    o.allowOnly(Set.of());
                    if (!node.classification) {
                        throw o.invalid("feature 'probability' needs a classification model");
                    }
                    kind = Expr.Kind.NUMBER;
                    argument = -1;
                    Optional<String> value = o.attr("value");
                    if (value.isPresent()) {
                        argument = node.categoryIndex(x.value(value.get(), valueKind, o));
                        if (argument < 0) {
                            throw o.invalid("'" + value.get() + "' is not a category of the model");
                        }
                    }
                    break;
                }
                case OutputPlan.REASON_CODE:
                    o.allowOnly(Set.of());
                    kind = Expr.Kind.STRING;
                    if (node.reasonSlot < 0) {
                        throw o.invalid("feature 'reasonCode' needs a Scorecard with useReasonCodes=\"true\"");
                    }
                    argument = (int) o.number("rank", 1);
                    if (argument < 1) {
                        throw o.invalid("rank must be 1 or more");
                    }
                    break;
                case OutputPlan.ENTITY_ID:
                    o.allowOnly(Set.of());
                    kind = Expr.Kind.STRING;
                    if (node.entitySlot < 0) {
                        throw o.unsupported("feature 'entityId' is supported for trees and ensembles only");
                    }
                    break;
                default:
                    kind = dataType == null ? Expr.Kind.NUMBER : ExpressionCompiler.kindOf(dataType, o);
                    expression = x.expression(
                            ExpressionCompiler.single(o, ExpressionCompiler.EXPRESSIONS), outputScope, kind);
                    kind = expression.kind == Expr.Kind.STRING ? Expr.Kind.STRING : kind;
                    break;
            }
            OutputPlan plan =
                    new OutputPlan(name, kind, dataType, feature, compiler.layout.alloc(1), node, argument, expression);
            outputScope.define(o, new Scope.Field(name, new Expr.Slot(plan.slot, kind), kind, true));
            out.add(plan);
        }
        return out;
    }

    private OutputPlan defaultOutput(XmlNode m, ModelNode node, Expr.Kind valueKind, String target) {
        String name = target != null ? target : "predictedValue";
        return new OutputPlan(name, valueKind, null, OutputPlan.PREDICTED, compiler.layout.alloc(1), node, 0, null);
    }
}
