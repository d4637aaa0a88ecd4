package io.remotebank.segmentation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Compiles a TreeModel's Nodes. */
final class TreeCompiler {

    private static final List<String> MISSING_STRATEGIES =
            List.of("none", "lastPrediction", "nullPrediction", "defaultChild", "weightedConfidence", "aggregateNodes");

    private final ModelCompiler models;

    TreeCompiler(ModelCompiler models) {
        this.models = models;
    }

    /** A ScoreDistribution before the categories are known. */
    private record Distribution(double value, double recordCount, double probability, double confidence) {}

    private static final class Raw {
        TreeNode.Node node;
        List<Distribution> distributions = new ArrayList<>();
        List<Raw> children = new ArrayList<>();
    }

    TreeNode tree(XmlNode m, Scope scope, boolean classification, Expr.Kind valueKind, double[] declared) {
        m.allowOnly(ModelCompiler.allowed("Node"));
        int strategy =
                MISSING_STRATEGIES.indexOf(m.oneOf("missingValueStrategy", "none", Set.copyOf(MISSING_STRATEGIES)));
        boolean returnLast = m.oneOf(
                        "noTrueChildStrategy",
                        "returnNullPrediction",
                        Set.of("returnNullPrediction", "returnLastPrediction"))
                .equals("returnLastPrediction");
        m.oneOf("splitCharacteristic", "multiSplit", Set.of("binarySplit", "multiSplit"));
        // missingValuePenalty scales confidences only, which no supported output reports.
        m.number("missingValuePenalty", 1);
        List<Double> categories = new ArrayList<>();
        if (declared != null) {
            for (double d : declared) {
                categories.add(d);
            }
        }
        Raw root = node(m.requiredChild("Node"), scope, valueKind, classification, categories, declared != null);
        TreeNode tree = new TreeNode(m.attr("modelName", "TreeModel"), classification, root.node, strategy, returnLast);
        if (classification) {
            tree.categories = ModelCompiler.toArray(categories);
            finish(root, tree.categories);
        }
        tree.layout(models.compiler.layout);
        return tree;
    }

    private Raw node(
            XmlNode n,
            Scope scope,
            Expr.Kind valueKind,
            boolean classification,
            List<Double> categories,
            boolean fixed) {
        Set<String> allowed = new HashSet<>(ExpressionCompiler.PREDICATES);
        allowed.add("Node");
        allowed.add("ScoreDistribution");
        n.allowOnly(allowed);
        ExpressionCompiler x = models.x;
        Raw raw = new Raw();
        TreeNode.Node node = new TreeNode.Node();
        raw.node = node;
        node.predicate = x.predicateOf(n, scope);
        n.attr("id").ifPresent(id -> node.id = models.compiler.dictionary.intern(id));
        n.attr("score").ifPresent(score -> {
            node.hasScore = true;
            node.score = x.value(score, valueKind, n);
            if (classification) {
                addCategory(categories, node.score, fixed, n);
            }
        });
        node.recordCount = n.number("recordCount", Double.NaN);
        for (XmlNode d : n.children("ScoreDistribution")) {
            d.allowOnly(Set.of());
            double value = x.value(d.required("value"), valueKind, d);
            if (classification) {
                addCategory(categories, value, fixed, d);
            }
            raw.distributions.add(new Distribution(
                    value,
                    d.requiredNumber("recordCount"),
                    d.number("probability", Double.NaN),
                    d.number("confidence", Double.NaN)));
        }
        List<XmlNode> childNodes = n.children("Node");
        node.children = new TreeNode.Node[childNodes.size()];
        for (int i = 0; i < childNodes.size(); i++) {
            Raw child = node(childNodes.get(i), scope, valueKind, classification, categories, fixed);
            raw.children.add(child);
            node.children[i] = child.node;
        }
        n.attr("defaultChild").ifPresent(id -> {
            double code = models.compiler.dictionary.intern(id);
            for (TreeNode.Node c : node.children) {
                if (c.id == code) {
                    node.defaultChild = c;
                }
            }
            if (node.defaultChild == null) {
                throw n.invalid("defaultChild '" + id + "' is not a child of this node");
            }
        });
        if (!classification && !node.hasScore && childNodes.isEmpty()) {
            throw n.invalid("a leaf of a regression tree needs a score");
        }
        return raw;
    }

    private static void addCategory(List<Double> categories, double value, boolean fixed, XmlNode at) {
        if (!categories.contains(value)) {
            if (fixed) {
                throw at.invalid("the category is not a valid value of the target field");
            }
            categories.add(value);
        }
    }

    private static void finish(Raw raw, double[] categories) {
        if (!raw.distributions.isEmpty()) {
            int k = categories.length;
            double[] counts = new double[k];
            double[] probabilities = new double[k];
            double[] confidences = new double[k];
            boolean explicit = false;
            double total = 0;
            for (Distribution d : raw.distributions) {
                explicit |= d.probability() == d.probability();
                total += d.recordCount();
            }
            for (Distribution d : raw.distributions) {
                int i = indexOf(categories, d.value());
                counts[i] += d.recordCount();
                probabilities[i] = explicit ? d.probability() : total > 0 ? d.recordCount() / total : 0;
                confidences[i] = d.confidence() == d.confidence() ? d.confidence() : probabilities[i];
            }
            raw.node.counts = counts;
            raw.node.probabilities = probabilities;
            raw.node.confidences = confidences;
            if (raw.node.recordCount != raw.node.recordCount) {
                raw.node.recordCount = total;
            }
        }
        for (Raw c : raw.children) {
            finish(c, categories);
        }
    }

    private static int indexOf(double[] categories, double value) {
        for (int i = 0; i < categories.length; i++) {
            if (categories[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("category not collected");
    }
}
