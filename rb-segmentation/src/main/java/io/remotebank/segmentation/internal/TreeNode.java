package io.remotebank.segmentation.internal;

/**
 * A TreeModel (PMML 4.4 "TreeModel"): from the root, the first child whose predicate is TRUE is
 * followed until a leaf. A predicate that is UNKNOWN (a missing value) is resolved by the
 * missingValueStrategy; a node none of whose children is TRUE by the noTrueChildStrategy.
 */
final class TreeNode extends ModelNode {

    static final int NONE = 0;
    static final int LAST_PREDICTION = 1;
    static final int NULL_PREDICTION = 2;
    static final int DEFAULT_CHILD = 3;
    static final int WEIGHTED_CONFIDENCE = 4;
    static final int AGGREGATE_NODES = 5;

    /** One Node element. */
    static final class Node {
        Pred predicate;
        Node[] children = new Node[0];
        Node defaultChild;
        boolean hasScore;
        double score;
        /** Probabilities per category from the ScoreDistributions, or null. */
        double[] probabilities;
        /** Record counts per category, or null. */
        double[] counts;
        /** Confidences per category (the probability where none is given), or null. */
        double[] confidences;

        double recordCount = Double.NaN;
        /** The node's id as a dictionary code, NaN without one. */
        double id = Double.NaN;
    }

    final Node root;
    final int missingValueStrategy;
    final boolean returnLastPrediction;
    int accumulatorSlot;

    /*
     * The tree flattened into arrays, so that the common predicate (a SimplePredicate on an input field)
     * is tested inline, without a virtual call: node i's children are firstChild[i] ..
     * firstChild[i] + childCount[i] - 1, in document order.
     */
    private final Node[] nodes;
    private final int[] firstChild;
    private final int[] childCount;
    private final int[] defaultChild;
    /** 0: generic predicate, 1: TRUE, 2: FALSE, 3: SimplePredicate on a slot. */
    private final int[] kind;

    private final int[] slot;
    private final int[] op;
    private final double[] value;

    /**
     * Binary numeric splits (two children testing one input field against one threshold, x &lt; c and
     * x &gt;= c, or x &lt;= c and x &gt; c): -1 when node i is not one; 0 when its first child takes
     * x &lt; c; 1 when it takes x &lt;= c. Such a node picks its child without a branch on the data.
     */
    private final int[] split;

    private static final int GENERIC = 0;
    private static final int ALWAYS = 1;
    private static final int NEVER = 2;
    private static final int SIMPLE = 3;

    TreeNode(String name, boolean classification, Node root, int missingValueStrategy, boolean returnLastPrediction) {
        super(name, classification);
        this.root = root;
        this.missingValueStrategy = missingValueStrategy;
        this.returnLastPrediction = returnLastPrediction;
        java.util.List<Node> order = new java.util.ArrayList<>();
        order.add(root);
        // Breadth-first, so that each node's children are contiguous.
        for (int i = 0; i < order.size(); i++) {
            order.addAll(java.util.List.of(order.get(i).children));
        }
        int n = order.size();
        nodes = order.toArray(new Node[0]);
        firstChild = new int[n];
        childCount = new int[n];
        defaultChild = new int[n];
        kind = new int[n];
        slot = new int[n];
        op = new int[n];
        value = new double[n];
        java.util.IdentityHashMap<Node, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes[i], i);
        }
        split = new int[n];
        for (int i = 0; i < n; i++) {
            Node node = nodes[i];
            childCount[i] = node.children.length;
            firstChild[i] = node.children.length == 0 ? -1 : index.get(node.children[0]);
            defaultChild[i] = node.defaultChild == null ? -1 : index.get(node.defaultChild);
            Pred p = node.predicate;
            if (p instanceof Pred.Constant) {
                kind[i] = ((Pred.Constant) p).value == Pred.TRUE ? ALWAYS : NEVER;
            } else if (p instanceof Pred.Simple && ((Pred.Simple) p).field instanceof Expr.Slot) {
                Pred.Simple simple = (Pred.Simple) p;
                kind[i] = SIMPLE;
                slot[i] = ((Expr.Slot) simple.field).slot;
                op[i] = simple.op;
                value[i] = simple.value;
            } else {
                kind[i] = GENERIC;
            }
        }
        for (int i = 0; i < n; i++) {
            split[i] = -1;
            if (childCount[i] == 2) {
                int a = firstChild[i];
                int b = a + 1;
                if (kind[a] == SIMPLE && kind[b] == SIMPLE && slot[a] == slot[b] && value[a] == value[b]) {
                    if (op[a] == Pred.Simple.LT && op[b] == Pred.Simple.GE) {
                        split[i] = 0;
                    } else if (op[a] == Pred.Simple.LE && op[b] == Pred.Simple.GT) {
                        split[i] = 1;
                    }
                }
            }
        }
    }

    /** Node i's predicate, inline for the common kinds. */
    private int test(int i, Frame f) {
        switch (kind[i]) {
            case ALWAYS:
                return Pred.TRUE;
            case NEVER:
                return Pred.FALSE;
            case SIMPLE: {
                double x = f.v[slot[i]];
                double c = value[i];
                if (x != x) {
                    int o = op[i];
                    return o == Pred.Simple.IS_MISSING
                            ? Pred.TRUE
                            : o == Pred.Simple.IS_NOT_MISSING ? Pred.FALSE : Pred.UNKNOWN;
                }
                boolean r;
                switch (op[i]) {
                    case Pred.Simple.EQ:
                        r = x == c;
                        break;
                    case Pred.Simple.NE:
                        r = x != c;
                        break;
                    case Pred.Simple.LT:
                        r = x < c;
                        break;
                    case Pred.Simple.LE:
                        r = x <= c;
                        break;
                    case Pred.Simple.GT:
                        r = x > c;
                        break;
                    case Pred.Simple.GE:
                        r = x >= c;
                        break;
                    case Pred.Simple.IS_MISSING:
                        r = false;
                        break;
                    default:
                        r = true;
                        break;
                }
                return r ? Pred.TRUE : Pred.FALSE;
            }
            default:
                return nodes[i].predicate.eval(f);
        }
    }

    void layout(Layout layout) {
        valueSlot = layout.alloc(1);
        entitySlot = layout.alloc(1);
        if (classification) {
            probSlot = layout.alloc(categories.length);
            accumulatorSlot = layout.alloc(categories.length);
        }
    }

    @Override
    boolean evaluate(Frame f) {
        if (test(0, f) != Pred.TRUE) {
            return false;
        }
        int node = 0;
        double[] v = f.v;
        while (childCount[node] > 0) {
            int kindOfSplit = split[node];
            if (kindOfSplit >= 0) {
                int first = firstChild[node];
                double x = v[slot[first]];
                if (x == x) {
                    double c = value[first];
                    boolean takesFirst = kindOfSplit == 0 ? x < c : x <= c;
                    node = first + (takesFirst ? 0 : 1);
                    continue;
                }
            }
            int next = -1;
            int first = firstChild[node];
            int end = first + childCount[node];
            for (int child = first; child < end; child++) {
                int r = test(child, f);
                if (r == Pred.TRUE) {
                    next = child;
                    break;
                }
                if (r == Pred.UNKNOWN) {
                    switch (missingValueStrategy) {
                        case LAST_PREDICTION:
                            return predict(nodes[node], f);
                        case NULL_PREDICTION:
                            return false;
                        case DEFAULT_CHILD:
                            next = defaultChild[node];
                            if (next < 0) {
                                // No default child named: the node's own prediction stands.
                                return predict(nodes[node], f);
                            }
                            break;
                        case WEIGHTED_CONFIDENCE:
                        case AGGREGATE_NODES:
                            return classification ? aggregate(nodes[node], f) : predict(nodes[node], f);
                        default:
                            // none: UNKNOWN counts as FALSE.
                            continue;
                    }
                    break;
                }
            }
            if (next < 0) {
                return returnLastPrediction && predict(nodes[node], f);
            }
            node = next;
        }
        return predict(nodes[node], f);
    }

    private boolean predict(Node node, Frame f) {
        double[] v = f.v;
        v[entitySlot] = node.id;
        if (!classification) {
            if (!node.hasScore) {
                return false;
            }
            v[valueSlot] = node.score;
            return true;
        }
        if (node.probabilities != null) {
            for (int i = 0; i < categories.length; i++) {
                v[probSlot + i] = node.probabilities[i];
            }
            if (node.hasScore) {
                v[valueSlot] = node.score;
            } else {
                predictFromProbabilities(f);
            }
            return true;
        }
        if (!node.hasScore) {
            return false;
        }
        for (int i = 0; i < categories.length; i++) {
            v[probSlot + i] = categories[i] == node.score ? 1 : 0;
        }
        v[valueSlot] = node.score;
        return true;
    }

    /**
     * weightedConfidence and aggregateNodes: every node reachable through TRUE or UNKNOWN predicates
     * contributes its leaves' record counts (aggregateNodes) or confidences weighted by record count
     * (weightedConfidence); the result is the normalised sum.
     */
    private boolean aggregate(Node from, Frame f) {
        double[] v = f.v;
        for (int i = 0; i < categories.length; i++) {
            v[accumulatorSlot + i] = 0;
        }
        collect(from, f);
        double total = 0;
        for (int i = 0; i < categories.length; i++) {
            total += v[accumulatorSlot + i];
        }
        if (!(total > 0)) {
            return false;
        }
        for (int i = 0; i < categories.length; i++) {
            v[probSlot + i] = v[accumulatorSlot + i] / total;
        }
        v[entitySlot] = Double.NaN;
        predictFromProbabilities(f);
        return true;
    }

    private void collect(Node node, Frame f) {
        boolean descended = false;
        for (Node child : node.children) {
            int r = child.predicate.eval(f);
            if (r == Pred.FALSE) {
                continue;
            }
            collect(child, f);
            descended = true;
            if (r == Pred.TRUE) {
                break;
            }
        }
        if (!descended) {
            double[] v = f.v;
            double[] source = missingValueStrategy == AGGREGATE_NODES ? node.counts : node.confidences;
            if (source == null) {
                return;
            }
            double weight = missingValueStrategy == AGGREGATE_NODES ? 1 : node.recordCount;
            if (weight != weight) {
                weight = 1;
            }
            for (int i = 0; i < categories.length; i++) {
                v[accumulatorSlot + i] += weight * source[i];
            }
        }
    }
}
