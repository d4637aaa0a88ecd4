package io.remotebank.segmentation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The DataDictionary: one slot per DataField, and the MiningSchema's treatments of the inputs. */
final class DataDictionary {

    /** One DataField. */
    static final class DataField {
        final XmlNode node;
        final String name;
        final String optype;
        final String dataType;
        final Expr.Kind kind;
        final int slot;
        /** Valid values in document order (their literal text). */
        final List<String> validValues = new ArrayList<>();

        final List<String> invalidValues = new ArrayList<>();
        final List<String> missingValues = new ArrayList<>();
        final List<XmlNode> intervals = new ArrayList<>();

        DataField(XmlNode node, int slot) {
            this.node = node;
            this.name = node.required("name");
            this.optype = node.oneOf("optype", "", Set.of("categorical", "ordinal", "continuous"));
            this.dataType = node.required("dataType");
            this.kind = ExpressionCompiler.kindOf(dataType, node);
            this.slot = slot;
            node.allowOnly(Set.of("Value", "Interval"));
            for (XmlNode v : node.children("Value")) {
                String property = v.oneOf("property", "valid", Set.of("valid", "invalid", "missing"));
                String value = v.required("value");
                switch (property) {
                    case "valid":
                        validValues.add(value);
                        break;
                    case "invalid":
                        invalidValues.add(value);
                        break;
                    default:
                        missingValues.add(value);
                        break;
                }
            }
            intervals.addAll(node.children("Interval"));
            if (!intervals.isEmpty() && kind != Expr.Kind.NUMBER) {
                throw node.invalid("<Interval> is only allowed on numeric fields");
            }
        }
    }

    private final PmmlCompiler compiler;
    final Map<String, DataField> fields = new LinkedHashMap<>();

    DataDictionary(XmlNode dictionary, PmmlCompiler compiler) {
        this.compiler = compiler;
        dictionary.allowOnly(Set.of("DataField", "Taxonomy"));
        for (XmlNode t : dictionary.children("Taxonomy")) {
            throw t.unsupported("<Taxonomy> is not supported");
        }
        for (XmlNode d : dictionary.children("DataField")) {
            DataField f = new DataField(d, compiler.layout.alloc(1));
            if (fields.putIfAbsent(f.name, f) != null) {
                throw d.invalid("field '" + f.name + "' is defined twice");
            }
        }
    }

    void defineAll(Scope scope) {
        for (DataField f : fields.values()) {
            scope.define(
                    f.node,
                    new Scope.Field(f.name, new Expr.Slot(f.slot, f.kind), f.kind, f.optype.equals("continuous")));
        }
    }

    DataField field(String name) {
        return fields.get(name);
    }

    /** The top-level MiningSchema's active fields as input bindings. */
    List<InputBinding> bindings(XmlNode schema) {
        ExpressionCompiler x = compiler.expressions;
        schema.allowOnly(Set.of("MiningField"));
        List<InputBinding> out = new ArrayList<>();
        for (XmlNode m : schema.children("MiningField")) {
            String name = m.required("name");
            String usage = m.oneOf(
                    "usageType",
                    "active",
                    Set.of(
                            "active",
                            "predicted",
                            "target",
                            "supplementary",
                            "group",
                            "order",
                            "frequencyWeight",
                            "analysisWeight"));
            DataField f = fields.get(name);
            if (f == null) {
                throw m.invalid("field '" + name + "' is not in the DataDictionary");
            }
            if (!usage.equals("active")) {
                if (usage.equals("group") || usage.equals("order")) {
                    throw m.unsupported("usageType '" + usage + "' is not supported");
                }
                continue;
            }
            InputBinding b = new InputBinding(name, f.slot, f.kind, f.dataType.equals("integer"), compiler.dictionary);
            if (!f.validValues.isEmpty() && !f.optype.equals("continuous")) {
                b.valid = values(f.validValues, f.kind, f.node);
            }
            b.invalid = values(f.invalidValues, f.kind, f.node);
            b.missing = values(f.missingValues, f.kind, f.node);
            if (!f.intervals.isEmpty()) {
                int n = f.intervals.size();
                b.left = new double[n];
                b.right = new double[n];
                b.leftClosed = new boolean[n];
                b.rightClosed = new boolean[n];
                for (int i = 0; i < n; i++) {
                    XmlNode in = f.intervals.get(i);
                    String closure =
                            in.oneOf("closure", "", Set.of("openClosed", "openOpen", "closedOpen", "closedClosed"));
                    b.left[i] = in.number("leftMargin", Double.NEGATIVE_INFINITY);
                    b.right[i] = in.number("rightMargin", Double.POSITIVE_INFINITY);
                    b.leftClosed[i] = closure.startsWith("closed");
                    b.rightClosed[i] = closure.endsWith("Closed");
                }
            }
            String invalid = m.oneOf(
                    "invalidValueTreatment", "returnInvalid", Set.of("returnInvalid", "asIs", "asMissing", "asValue"));
            b.invalidTreatment =
                    List.of("returnInvalid", "asIs", "asMissing", "asValue").indexOf(invalid);
            if (b.invalidTreatment == InputBinding.AS_VALUE) {
                b.invalidReplacement = x.value(m.required("invalidValueReplacement"), f.kind, m);
            }
            m.attr("missingValueReplacement").ifPresent(r -> b.missingReplacement = x.value(r, f.kind, m));
            String outliers = m.oneOf("outliers", "asIs", Set.of("asIs", "asMissingValues", "asExtremeValues"));
            b.outliers = List.of("asIs", "asMissingValues", "asExtremeValues").indexOf(outliers);
            if (b.outliers != InputBinding.OUTLIERS_AS_IS) {
                b.lowValue = m.requiredNumber("lowValue");
                b.highValue = m.requiredNumber("highValue");
            }
            m.attr("optype").ifPresent(o -> {
                if (!o.equals(f.optype)) {
                    throw m.unsupported("a MiningField optype different from its DataField's is not supported");
                }
            });
            b.sortLists();
            out.add(b);
        }
        return out;
    }

    private double[] values(List<String> texts, Expr.Kind kind, XmlNode at) {
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compiler.expressions.value(texts.get(i), kind, at);
        }
        return out;
    }

    /** The target field of a model's MiningSchema (usageType predicted or target), if any. */
    static String targetOf(XmlNode schema) {
        String target = null;
        for (XmlNode m : schema.children("MiningField")) {
            String usage = m.attr("usageType", "active");
            if (usage.equals("predicted") || usage.equals("target")) {
                if (target != null) {
                    throw m.unsupported("more than one target field is not supported");
                }
                target = m.required("name");
            }
        }
        return target;
    }
}
