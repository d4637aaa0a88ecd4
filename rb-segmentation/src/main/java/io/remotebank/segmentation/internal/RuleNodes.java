package io.remotebank.segmentation.internal;

import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * The nodes segment rules compile to, beside PMML's {@link Expr} and {@link Pred}: a CEL number,
 * timestamp (epoch milliseconds) or duration (milliseconds) is an {@link Expr}, a bool a {@link Pred}
 * (three-valued), a string a {@link Str}, a list of strings a {@link StrList}. A missing profile value
 * or a CEL error (division by zero, an index out of range) is NaN, UNKNOWN or null, and travels as
 * CEL's errors do: {@code &&} and {@code ||} absorb it when the other side decides (CEL language
 * definition, "Logical Operators"), everything else passes it on, and a rule that ends UNKNOWN does
 * not match. Nodes read the profile batch's columns in place and allocate nothing.
 */
final class RuleNodes {

    private RuleNodes() {}

    /** 2^53: the largest whole number a double holds exactly; CEL ints beyond it are an error here. */
    static final double MAX_INT = 9007199254740992d;

    static final double MILLIS_PER_DAY = 86_400_000d;

    /** A string-valued node. */
    abstract static class Str {
        /** The value, or null for missing or an error. */
        abstract String eval(Frame f);
    }

    /** A node whose value is a list of strings. */
    abstract static class StrList {
        /** The value, or null for missing. */
        abstract String[] eval(Frame f);
    }

    // ---- numbers, timestamps, durations ----

    static final class NumColumn extends Expr {
        final int col;

        NumColumn(int col) {
            super(Kind.NUMBER);
            this.col = col;
        }

        @Override
        double eval(Frame f) {
            return f.numbers[col][f.row];
        }
    }

    /** A date column as a timestamp at midnight UTC. */
    static final class DayColumn extends Expr {
        final int col;

        DayColumn(int col) {
            super(Kind.NUMBER);
            this.col = col;
        }

        @Override
        double eval(Frame f) {
            return f.numbers[col][f.row] * MILLIS_PER_DAY;
        }
    }

    static final class Now extends Expr {
        Now() {
            super(Kind.NUMBER);
        }

        @Override
        double eval(Frame f) {
            return f.now;
        }
    }

    static final class Arith extends Expr {
        static final int ADD = 0;
        static final int SUB = 1;
        static final int MUL = 2;
        static final int DIV = 3;
        static final int MOD = 4;
        final int op;
        final boolean integer;
        final Expr a;
        final Expr b;

        Arith(int op, boolean integer, Expr a, Expr b) {
            super(Kind.NUMBER);
            this.op = op;
            this.integer = integer;
            this.a = a;
            this.b = b;
        }

        @Override
        double eval(Frame f) {
            double x = a.eval(f);
            if (x != x) {
                return x;
            }
            double y = b.eval(f);
            if (y != y) {
                return y;
            }
            if (!integer) {
                switch (op) {
                    case ADD:
                        return x + y;
                    case SUB:
                        return x - y;
                    case MUL:
                        return x * y;
                    default:
                        return x / y;
                }
            }
            double r;
            switch (op) {
                case ADD:
                    r = x + y;
                    break;
                case SUB:
                    r = x - y;
                    break;
                case MUL:
                    r = x * y;
                    break;
                case DIV:
                    // CEL: integer division truncates towards zero; by zero is an error.
                    if (y == 0) {
                        return Double.NaN;
                    }
                    r = (double) ((long) x / (long) y);
                    break;
                default:
                    if (y == 0) {
                        return Double.NaN;
                    }
                    r = (double) ((long) x % (long) y);
                    break;
            }
            return Math.abs(r) > MAX_INT ? Double.NaN : r;
        }
    }

    static final class Neg extends Expr {
        final Expr a;

        Neg(Expr a) {
            super(Kind.NUMBER);
            this.a = a;
        }

        @Override
        double eval(Frame f) {
            return -a.eval(f);
        }
    }

    /** int(double): truncates towards zero; NaN, infinities and values beyond the int range are errors. */
    static final class IntOfDouble extends Expr {
        final Expr a;

        IntOfDouble(Expr a) {
            super(Kind.NUMBER);
            this.a = a;
        }

        @Override
        double eval(Frame f) {
            double d = a.eval(f);
            if (d != d || Math.abs(d) > MAX_INT) {
                return Double.NaN;
            }
            return (double) (long) d;
        }
    }

    /** int(timestamp): whole seconds since the epoch, rounded down. */
    static final class IntOfTimestamp extends Expr {
        final Expr a;

        IntOfTimestamp(Expr a) {
            super(Kind.NUMBER);
            this.a = a;
        }

        @Override
        double eval(Frame f) {
            double d = a.eval(f);
            return d != d ? d : Math.floor(d / 1000);
        }
    }

    static final class StrSize extends Expr {
        final Str s;

        StrSize(Str s) {
            super(Kind.NUMBER);
            this.s = s;
        }

        @Override
        double eval(Frame f) {
            String v = s.eval(f);
            // CEL: the size of a string is its number of code points.
            return v == null ? Double.NaN : v.codePointCount(0, v.length());
        }
    }

    static final class ListSize extends Expr {
        final StrList l;

        ListSize(StrList l) {
            super(Kind.NUMBER);
            this.l = l;
        }

        @Override
        double eval(Frame f) {
            String[] v = l.eval(f);
            return v == null ? Double.NaN : v.length;
        }
    }

    static final class CondNum extends Expr {
        final Pred c;
        final Expr a;
        final Expr b;

        CondNum(Pred c, Expr a, Expr b) {
            super(Kind.NUMBER);
            this.c = c;
            this.a = a;
            this.b = b;
        }

        @Override
        double eval(Frame f) {
            int r = c.eval(f);
            return r == Pred.TRUE ? a.eval(f) : r == Pred.FALSE ? b.eval(f) : Double.NaN;
        }
    }

    /**
     * A calendar part of a timestamp in a time zone (CEL standard definitions, "getFullYear" ...):
     * months, days of month, days of week (Sunday 0) and days of year count from 0, {@code getDate} from 1.
     */
    static final class TimestampPart extends Expr {
        static final int FULL_YEAR = 0;
        static final int MONTH = 1;
        static final int DAY_OF_MONTH = 2;
        static final int DATE = 3;
        static final int DAY_OF_WEEK = 4;
        static final int DAY_OF_YEAR = 5;
        static final int HOURS = 6;
        static final int MINUTES = 7;
        static final int SECONDS = 8;
        static final int MILLISECONDS = 9;

        private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

        final Expr ts;
        final int part;
        final ZoneRules zone;
        final long fixedOffsetMillis;

        TimestampPart(Expr ts, int part, ZoneRules zone) {
            super(Kind.NUMBER);
            this.ts = ts;
            this.part = part;
            this.zone = zone.isFixedOffset() ? null : zone;
            this.fixedOffsetMillis =
                    zone.isFixedOffset() ? zone.getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
        }

        @Override
        double eval(Frame f) {
            double d = ts.eval(f);
            if (d != d) {
                return d;
            }
            long t = (long) d;
            long offset = zone == null
                    ? fixedOffsetMillis
                    : zone.getOffset(Instant.ofEpochMilli(t)).getTotalSeconds() * 1000L;
            long local = t + offset;
            long days = Math.floorDiv(local, 86_400_000L);
            long ms = Math.floorMod(local, 86_400_000L);
            switch (part) {
                case HOURS:
                    return ms / 3_600_000L;
                case MINUTES:
                    return ms / 60_000L % 60;
                case SECONDS:
                    return ms / 1000 % 60;
                case MILLISECONDS:
                    return ms % 1000;
                case DAY_OF_WEEK:
                    // 1970-01-01 was a Thursday (4).
                    return Math.floorMod(days + 4, 7L);
                default:
                    break;
            }
            // Days to civil date: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
            long z = days + 719_468;
            long era = Math.floorDiv(z, 146_097L);
            long doe = z - era * 146_097;
            long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            long day = doy - (153 * mp + 2) / 5 + 1;
            long month = mp < 10 ? mp + 3 : mp - 9;
            long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
            switch (part) {
                case FULL_YEAR:
                    return year;
                case MONTH:
                    return month - 1;
                case DAY_OF_MONTH:
                    return day - 1;
                case DATE:
                    return day;
                default: {
                    boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                    return DAYS_BEFORE_MONTH[(int) month - 1] + (leap && month > 2 ? 1 : 0) + day - 1;
                }
            }
        }
    }

    // ---- booleans ----

    static final class BoolColumn extends Pred {
        final int col;

        BoolColumn(int col) {
            this.col = col;
        }

        @Override
        int eval(Frame f) {
            double d = f.numbers[col][f.row];
            return d != d ? UNKNOWN : d != 0 ? TRUE : FALSE;
        }
    }

    static final int EQ = 0;
    static final int NE = 1;
    static final int LT = 2;
    static final int LE = 3;
    static final int GT = 4;
    static final int GE = 5;

    static int compareResult(int op, int c) {
        boolean r;
        switch (op) {
            case EQ:
                r = c == 0;
                break;
            case NE:
                r = c != 0;
                break;
            case LT:
                r = c < 0;
                break;
            case LE:
                r = c <= 0;
                break;
            case GT:
                r = c > 0;
                break;
            default:
                r = c >= 0;
                break;
        }
        return r ? Pred.TRUE : Pred.FALSE;
    }

    static final class NumCompare extends Pred {
        final int op;
        final Expr a;
        final Expr b;

        NumCompare(int op, Expr a, Expr b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        int eval(Frame f) {
            double x = a.eval(f);
            if (x != x) {
                return UNKNOWN;
            }
            double y = b.eval(f);
            if (y != y) {
                return UNKNOWN;
            }
            return compareResult(op, x < y ? -1 : x > y ? 1 : 0);
        }
    }

    static final class StrCompare extends Pred {
        final int op;
        final Str a;
        final Str b;

        StrCompare(int op, Str a, Str b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        int eval(Frame f) {
            String x = a.eval(f);
            if (x == null) {
                return UNKNOWN;
            }
            String y = b.eval(f);
            if (y == null) {
                return UNKNOWN;
            }
            return compareResult(op, op <= NE ? (x.equals(y) ? 0 : 1) : x.compareTo(y));
        }
    }

    static final class BoolEquals extends Pred {
        final boolean equal;
        final Pred a;
        final Pred b;

        BoolEquals(boolean equal, Pred a, Pred b) {
            this.equal = equal;
            this.a = a;
            this.b = b;
        }

        @Override
        int eval(Frame f) {
            int x = a.eval(f);
            if (x == UNKNOWN) {
                return UNKNOWN;
            }
            int y = b.eval(f);
            if (y == UNKNOWN) {
                return UNKNOWN;
            }
            return (x == y) == equal ? TRUE : FALSE;
        }
    }

    static final class Not extends Pred {
        final Pred a;

        Not(Pred a) {
            this.a = a;
        }

        @Override
        int eval(Frame f) {
            int r = a.eval(f);
            return r == TRUE ? FALSE : r == FALSE ? TRUE : UNKNOWN;
        }
    }

    static final class CondBool extends Pred {
        final Pred c;
        final Pred a;
        final Pred b;

        CondBool(Pred c, Pred a, Pred b) {
            this.c = c;
            this.a = a;
            this.b = b;
        }

        @Override
        int eval(Frame f) {
            int r = c.eval(f);
            return r == TRUE ? a.eval(f) : r == FALSE ? b.eval(f) : UNKNOWN;
        }
    }

    static final class StrTest extends Pred {
        static final int CONTAINS = 0;
        static final int STARTS_WITH = 1;
        static final int ENDS_WITH = 2;
        final int op;
        final Str s;
        final Str arg;

        StrTest(int op, Str s, Str arg) {
            this.op = op;
            this.s = s;
            this.arg = arg;
        }

        @Override
        int eval(Frame f) {
            String x = s.eval(f);
            if (x == null) {
                return UNKNOWN;
            }
            String y = arg.eval(f);
            if (y == null) {
                return UNKNOWN;
            }
            boolean r = op == CONTAINS ? x.contains(y) : op == STARTS_WITH ? x.startsWith(y) : x.endsWith(y);
            return r ? TRUE : FALSE;
        }
    }

    static final class StrInList extends Pred {
        final Str s;
        final StrList list;

        StrInList(Str s, StrList list) {
            this.s = s;
            this.list = list;
        }

        @Override
        int eval(Frame f) {
            String x = s.eval(f);
            if (x == null) {
                return UNKNOWN;
            }
            String[] l = list.eval(f);
            if (l == null) {
                return UNKNOWN;
            }
            for (String item : l) {
                if (x.equals(item)) {
                    return TRUE;
                }
            }
            return FALSE;
        }
    }

    static final class StrInSet extends Pred {
        final Str s;
        final java.util.Set<String> set;

        StrInSet(Str s, java.util.Set<String> set) {
            this.s = s;
            this.set = java.util.Set.copyOf(set);
        }

        @Override
        int eval(Frame f) {
            String x = s.eval(f);
            return x == null ? UNKNOWN : set.contains(x) ? TRUE : FALSE;
        }
    }

    static final class NumInSet extends Pred {
        final Expr x;
        final double[] sorted;

        NumInSet(Expr x, double[] values) {
            this.x = x;
            this.sorted = values.clone();
            Arrays.sort(this.sorted);
        }

        @Override
        int eval(Frame f) {
            double d = x.eval(f);
            if (d != d) {
                return UNKNOWN;
            }
            // +0.0 and -0.0 are equal in CEL; binarySearch tells them apart.
            return Arrays.binarySearch(sorted, d == 0 ? 0.0 : d) >= 0 ? TRUE : FALSE;
        }
    }

    /**
     * {@code list.exists(x, p)} and {@code list.all(x, p)}: CEL's macros fold the items with {@code
     * ||} (resp. {@code &&}), so an error on one item is absorbed by a deciding result on another.
     */
    static final class Quantifier extends Pred {
        final boolean exists;
        final StrList list;
        final int slot;
        final Pred body;

        Quantifier(boolean exists, StrList list, int slot, Pred body) {
            this.exists = exists;
            this.list = list;
            this.slot = slot;
            this.body = body;
        }

        @Override
        int eval(Frame f) {
            String[] l = list.eval(f);
            if (l == null) {
                return UNKNOWN;
            }
            int decisive = exists ? TRUE : FALSE;
            boolean unknown = false;
            for (String item : l) {
                f.strings[slot] = item;
                int r = body.eval(f);
                if (r == decisive) {
                    return decisive;
                }
                if (r == UNKNOWN) {
                    unknown = true;
                }
            }
            return unknown ? UNKNOWN : exists ? FALSE : TRUE;
        }
    }

    // ---- strings and lists ----

    static final class StrColumn extends Str {
        final int col;

        StrColumn(int col) {
            this.col = col;
        }

        @Override
        String eval(Frame f) {
            return f.texts[col][f.row];
        }
    }

    static final class StrConst extends Str {
        final String value;

        StrConst(String value) {
            this.value = value;
        }

        @Override
        String eval(Frame f) {
            return value;
        }
    }

    static final class StrVar extends Str {
        final int slot;

        StrVar(int slot) {
            this.slot = slot;
        }

        @Override
        String eval(Frame f) {
            return f.strings[slot];
        }
    }

    static final class CondStr extends Str {
        final Pred c;
        final Str a;
        final Str b;

        CondStr(Pred c, Str a, Str b) {
            this.c = c;
            this.a = a;
            this.b = b;
        }

        @Override
        String eval(Frame f) {
            int r = c.eval(f);
            return r == Pred.TRUE ? a.eval(f) : r == Pred.FALSE ? b.eval(f) : null;
        }
    }

    static final class ListIndex extends Str {
        final StrList list;
        final Expr index;

        ListIndex(StrList list, Expr index) {
            this.list = list;
            this.index = index;
        }

        @Override
        String eval(Frame f) {
            String[] l = list.eval(f);
            if (l == null) {
                return null;
            }
            double i = index.eval(f);
            // CEL: an index out of range is an error.
            return i != i || i < 0 || i >= l.length ? null : l[(int) i];
        }
    }

    static final class ListColumn extends StrList {
        final int col;

        ListColumn(int col) {
            this.col = col;
        }

        @Override
        String[] eval(Frame f) {
            return f.lists[col][f.row];
        }
    }
}
