package io.remotebank.segmentation.internal;

import java.util.Arrays;

/**
 * A compiled PMML predicate with three-valued logic (PMML 4.4 TreeModel, "Predicates"): a
 * comparison with a missing value is UNKNOWN, which CompoundPredicate and the tree's
 * missingValueStrategy then resolve.
 */
abstract class Pred {

    static final int FALSE = 0;
    static final int TRUE = 1;
    static final int UNKNOWN = 2;

    abstract int eval(Frame f);

    static final class Constant extends Pred {
        final int value;

        Constant(int value) {
            this.value = value;
        }

        @Override
        int eval(Frame f) {
            return value;
        }
    }

    /** SimplePredicate. */
    static final class Simple extends Pred {
        static final int EQ = 0;
        static final int NE = 1;
        static final int LT = 2;
        static final int LE = 3;
        static final int GT = 4;
        static final int GE = 5;
        static final int IS_MISSING = 6;
        static final int IS_NOT_MISSING = 7;

        final Expr field;
        final int op;
        final double value;

        Simple(Expr field, int op, double value) {
            this.field = field;
            this.op = op;
            this.value = value;
        }

        @Override
        int eval(Frame f) {
            double x = field.eval(f);
            if (x != x) {
                return op == IS_MISSING ? TRUE : op == IS_NOT_MISSING ? FALSE : UNKNOWN;
            }
            boolean r;
            switch (op) {
                case EQ:
                    r = x == value;
                    break;
                case NE:
                    r = x != value;
                    break;
                case LT:
                    r = x < value;
                    break;
                case LE:
                    r = x <= value;
                    break;
                case GT:
                    r = x > value;
                    break;
                case GE:
                    r = x >= value;
                    break;
                case IS_MISSING:
                    r = false;
                    break;
                default:
                    r = true;
                    break;
            }
            return r ? TRUE : FALSE;
        }
    }

    /** SimpleSetPredicate: isIn / isNotIn over a sorted array. */
    static final class Set extends Pred {
        final Expr field;
        final double[] sorted;
        final boolean in;

        Set(Expr field, double[] values, boolean in) {
            this.field = field;
            this.sorted = values.clone();
            Arrays.sort(this.sorted);
            this.in = in;
        }

        @Override
        int eval(Frame f) {
            double x = field.eval(f);
            if (x != x) {
                return UNKNOWN;
            }
            boolean found = Arrays.binarySearch(sorted, x) >= 0;
            return found == in ? TRUE : FALSE;
        }
    }

    /** CompoundPredicate: and, or, xor, surrogate. */
    static final class Compound extends Pred {
        static final int AND = 0;
        static final int OR = 1;
        static final int XOR = 2;
        static final int SURROGATE = 3;
        final int op;
        final Pred[] parts;

        Compound(int op, Pred[] parts) {
            this.op = op;
            this.parts = parts;
        }

        @Override
        int eval(Frame f) {
            switch (op) {
                case AND: {
                    int result = TRUE;
                    for (Pred p : parts) {
                        int r = p.eval(f);
                        if (r == FALSE) {
                            return FALSE;
                        }
                        if (r == UNKNOWN) {
                            result = UNKNOWN;
                        }
                    }
                    return result;
                }
                case OR: {
                    int result = FALSE;
                    for (Pred p : parts) {
                        int r = p.eval(f);
                        if (r == TRUE) {
                            return TRUE;
                        }
                        if (r == UNKNOWN) {
                            result = UNKNOWN;
                        }
                    }
                    return result;
                }
                case XOR: {
                    int ones = 0;
                    for (Pred p : parts) {
                        int r = p.eval(f);
                        if (r == UNKNOWN) {
                            return UNKNOWN;
                        }
                        ones += r;
                    }
                    return (ones & 1) == 1 ? TRUE : FALSE;
                }
                default: {
                    for (Pred p : parts) {
                        int r = p.eval(f);
                        if (r != UNKNOWN) {
                            return r;
                        }
                    }
                    return UNKNOWN;
                }
            }
        }
    }
}
