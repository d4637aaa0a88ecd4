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

    TreeNode(String name, boolean classification, Node root, int missingValueStrategy, boolean returnLastPrediction) {
        super(name, classification);
        this.root = root;
        this.missingValueStrategy = missingValueStrategy;
        this.returnLastPrediction = returnLastPrediction;
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
        if (root.predicate.eval(f) != Pred.TRUE) {
            return false;
        }
        Node node = root;
        while (node.children.length > 0) {
            Node next = null;
            for (Node child : node.children) {
                int r = child.predicate.eval(f);
                if (r == Pred.TRUE) {
                    next = child;
                    break;
                }
                if (r == Pred.UNKNOWN) {
                    switch (missingValueStrategy) {
                        case LAST_PREDICTION:
                            return predict(node, f);
                        case NULL_PREDICTION:
                            return false;
                        case DEFAULT_CHILD:
                            next = node.defaultChild;
                            if (next == null) {
                                // No default child named: the node's own prediction stands.
                                return predict(node, f);
                            }
                            break;
                        case WEIGHTED_CONFIDENCE:
                        case AGGREGATE_NODES:
                            if (classification) {
                                return aggregate(node, f);
                            }
                            return predict(node, f);
                        default:
                            // none: UNKNOWN counts as FALSE.
                            continue;
                    }
                    break;
                }
            }
            if (next == null) {
                return returnLastPrediction && predict(node, f);
            }
            node = next;
        }
        return predict(node, f);
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
