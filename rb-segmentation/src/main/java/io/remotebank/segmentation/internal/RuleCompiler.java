package io.remotebank.segmentation.internal;

import io.remotebank.segmentation.internal.CelParser.Failure;
import io.remotebank.segmentation.internal.CelSyntax.Call;
import io.remotebank.segmentation.internal.CelSyntax.Ident;
import io.remotebank.segmentation.internal.CelSyntax.ListLiteral;
import io.remotebank.segmentation.internal.CelSyntax.Literal;
import io.remotebank.segmentation.internal.CelSyntax.Node;
import io.remotebank.segmentation.internal.CelSyntax.Select;
import io.remotebank.segmentation.internal.RuleNodes.Str;
import io.remotebank.segmentation.internal.RuleNodes.StrList;
import io.remotebank.segmentation.profile.ProfileField;
import io.remotebank.segmentation.profile.ProfileSchema;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Type-checks a CEL syntax tree against a profile schema and compiles it to {@link RuleNodes} in one
 * walk. The types are CEL's ({@code int}, {@code double}, {@code bool}, {@code string}, {@code
 * timestamp}, {@code duration}, {@code list<string>}); as in CEL, {@code int} and {@code double} do
 * not mix in arithmetic or equality, while ordering compares them (cel-java's heterogeneous numeric
 * comparisons). Whatever lies outside the subset is refused by name.
 */
final class RuleCompiler {

    enum Type {
        INT("int"),
        DOUBLE("double"),
        BOOL("bool"),
        STRING("string"),
        TIMESTAMP("google.protobuf.Timestamp"),
        DURATION("google.protobuf.Duration"),
        STRING_LIST("list(string)"),
        INT_LIST("list(int)"),
        DOUBLE_LIST("list(double)");

        final String cel;

        Type(String cel) {
            this.cel = cel;
        }

        boolean numeric() {
            return this == INT || this == DOUBLE;
        }
    }

    /** A compiled, typed sub-expression. */
    static final class Typed {
        final Type type;
        final Expr num;
        final Pred bool;
        final Str str;
        final StrList list;
        /** The value of a literal list (Set of String, or double[]), or of a string literal. */
        final Object constant;

        private Typed(Type type, Expr num, Pred bool, Str str, StrList list, Object constant) {
            this.type = type;
            this.num = num;
            this.bool = bool;
            this.str = str;
            this.list = list;
            this.constant = constant;
        }

        static Typed num(Type type, Expr e) {
            return new Typed(type, e, null, null, null, null);
        }

        static Typed bool(Pred p) {
            return new Typed(Type.BOOL, null, p, null, null, null);
        }

        static Typed str(Str s, Object constant) {
            return new Typed(Type.STRING, null, null, s, null, constant);
        }

        static Typed list(StrList l) {
            return new Typed(Type.STRING_LIST, null, null, null, l, null);
        }

        static Typed literalList(Type type, Object values) {
            return new Typed(type, null, null, null, null, values);
        }
    }

    private static final Set<String> TIMESTAMP_PARTS = Set.of(
            "getFullYear",
            "getMonth",
            "getDayOfMonth",
            "getDate",
            "getDayOfWeek",
            "getDayOfYear",
            "getHours",
            "getMinutes",
            "getSeconds",
            "getMilliseconds");

    private final ProfileSchema schema;
    private final Map<String, Integer> variables = new HashMap<>();
    private int stringSlots;

    private RuleCompiler(ProfileSchema schema) {
        this.schema = schema;
    }

    /** A compiled expression and the comprehension slots it needs. */
    record Result(Typed root, int stringSlots) {}

    static Result compile(String source, ProfileSchema schema) {
        RuleCompiler c = new RuleCompiler(schema);
        Typed t = c.compile(CelParser.parse(source));
        return new Result(t, c.stringSlots);
    }

    private static Failure error(Node at, String message) {
        return new Failure(at.pos, message, false);
    }

    private static Failure unsupported(Node at, String message) {
        return new Failure(at.pos, message, true);
    }

    Typed compile(Node n) {
        if (n instanceof Literal) {
            return literal((Literal) n);
        }
        if (n instanceof Ident) {
            return ident((Ident) n);
        }
        if (n instanceof Select) {
            Select s = (Select) n;
            throw unsupported(
                    n, "field selection ('." + s.field + "') is not supported: a profile's fields are " + "flat names");
        }
        if (n instanceof ListLiteral) {
            return listLiteral((ListLiteral) n);
        }
        return call((Call) n);
    }

    private Typed literal(Literal l) {
        Object v = l.value;
        if (v instanceof Boolean) {
            return Typed.bool(new Pred.Constant((Boolean) v ? Pred.TRUE : Pred.FALSE));
        }
        if (v instanceof String) {
            return Typed.str(new RuleNodes.StrConst((String) v), v);
        }
        if (v instanceof Long) {
            long x = (Long) v;
            if (x > (1L << 53) || x < -(1L << 53)) {
                throw unsupported(l, "int literals beyond ±2^53 are not supported");
            }
            return Typed.num(Type.INT, new Expr.Const(x, Expr.Kind.NUMBER));
        }
        return Typed.num(Type.DOUBLE, new Expr.Const((Double) v, Expr.Kind.NUMBER));
    }

    private Typed ident(Ident id) {
        Integer slot = variables.get(id.name);
        if (slot != null) {
            return Typed.str(new RuleNodes.StrVar(slot), null);
        }
        if (id.name.equals("now")) {
            return Typed.num(Type.TIMESTAMP, new RuleNodes.Now());
        }
        int col = schema.indexOf(id.name);
        if (col < 0) {
            throw error(id, "undeclared reference to '" + id.name + "'" + suggestion(id.name));
        }
        ProfileField f = schema.fields().get(col);
        switch (f.type()) {
            case INT:
                return Typed.num(Type.INT, new RuleNodes.NumColumn(col));
            case DOUBLE:
                return Typed.num(Type.DOUBLE, new RuleNodes.NumColumn(col));
            case BOOL:
                return Typed.bool(new RuleNodes.BoolColumn(col));
            case STRING:
                return Typed.str(new RuleNodes.StrColumn(col), null);
            case DATE:
                return Typed.num(Type.TIMESTAMP, new RuleNodes.DayColumn(col));
            case TIMESTAMP:
                return Typed.num(Type.TIMESTAMP, new RuleNodes.NumColumn(col));
            default:
                return Typed.list(new RuleNodes.ListColumn(col));
        }
    }

    /** " (did you mean 'aum'?)" for a name within two edits of a field's, else "". */
    private String suggestion(String name) {
        String best = null;
        int bestDistance = 3;
        for (ProfileField f : schema.fields()) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), f.name().toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = f.name();
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private Typed listLiteral(ListLiteral l) {
        if (l.elements.isEmpty()) {
            throw unsupported(l, "an empty list literal has no element type; use size(list) == 0");
        }
        Type element = null;
        Set<String> strings = new HashSet<>();
        double[] numbers = new double[l.elements.size()];
        for (int i = 0; i < l.elements.size(); i++) {
            Node e = l.elements.get(i);
            if (!(e instanceof Literal) || ((Literal) e).value instanceof Boolean) {
                throw unsupported(e, "list literals hold only string, int or double constants");
            }
            Typed t = literal((Literal) e);
            if (element != null && element != t.type) {
                throw error(e, "a list literal mixes " + element.cel + " and " + t.type.cel);
            }
            element = t.type;
            if (t.type == Type.STRING) {
                strings.add((String) t.constant);
            } else {
                numbers[i] = ((Expr.Const) t.num).value;
            }
        }
        switch (element) {
            case STRING:
                return Typed.literalList(Type.STRING_LIST, strings);
            case INT:
                return Typed.literalList(Type.INT_LIST, numbers);
            default:
                return Typed.literalList(Type.DOUBLE_LIST, numbers);
        }
    }

    private Typed call(Call c) {
        switch (c.function) {
            case "_&&_":
            case "_||_": {
                Pred a = bool(c.args.get(0), c);
                Pred b = bool(c.args.get(1), c);
                return Typed.bool(new Pred.Compound(
                        c.function.equals("_&&_") ? Pred.Compound.AND : Pred.Compound.OR, new Pred[] {a, b}));
            }
            case "!_":
                return Typed.bool(new RuleNodes.Not(bool(c.args.get(0), c)));
            case "-_": {
                Typed a = compile(c.args.get(0));
                if (!a.type.numeric()) {
                    throw error(c, "no operator '-' for " + a.type.cel);
                }
                return Typed.num(a.type, new RuleNodes.Neg(a.num));
            }
            case "_?_:_":
                return conditional(c);
            case "_+_":
            case "_-_":
            case "_*_":
            case "_/_":
            case "_%_":
                return arithmetic(c);
            case "_==_":
            case "_!=_":
            case "_<_":
            case "_<=_":
            case "_>_":
            case "_>=_":
                return comparison(c);
            case "@in":
                return in(c);
            case "_[_]":
                return index(c);
            default:
                return function(c);
        }
    }

    private Pred bool(Node n, Call op) {
        Typed t = compile(n);
        if (t.type != Type.BOOL) {
            throw error(n, "'" + operator(op) + "' needs bool operands, found " + t.type.cel);
        }
        return t.bool;
    }

    private static String operator(Call c) {
        String f = c.function;
        if (f.equals("@in")) {
            return "in";
        }
        if (f.equals("_?_:_")) {
            return "?:";
        }
        return f.replace("_", "");
    }

    private Typed conditional(Call c) {
        Typed cond = compile(c.args.get(0));
        if (cond.type != Type.BOOL) {
            throw error(c.args.get(0), "the condition of '?:' must be bool, found " + cond.type.cel);
        }
        Typed a = compile(c.args.get(1));
        Typed b = compile(c.args.get(2));
        if (a.type != b.type) {
            throw error(c, "the branches of '?:' have different types: " + a.type.cel + " and " + b.type.cel);
        }
        switch (a.type) {
            case BOOL:
                return Typed.bool(new RuleNodes.CondBool(cond.bool, a.bool, b.bool));
            case STRING:
                return Typed.str(new RuleNodes.CondStr(cond.bool, a.str, b.str), null);
            case STRING_LIST:
            case INT_LIST:
            case DOUBLE_LIST:
                throw unsupported(c, "'?:' choosing between lists is not supported");
            default:
                return Typed.num(a.type, new RuleNodes.CondNum(cond.bool, a.num, b.num));
        }
    }

    private Typed arithmetic(Call c) {
        Typed a = compile(c.args.get(0));
        Typed b = compile(c.args.get(1));
        String op = operator(c);
        int code = switch (op) {
            case "+" -> RuleNodes.Arith.ADD;
            case "-" -> RuleNodes.Arith.SUB;
            case "*" -> RuleNodes.Arith.MUL;
            case "/" -> RuleNodes.Arith.DIV;
            default -> RuleNodes.Arith.MOD;
        };
        if (a.type == b.type && a.type.numeric()) {
            if (op.equals("%") && a.type == Type.DOUBLE) {
                throw error(c, "no operator '%' for (double, double): CEL's '%' is for int");
            }
            return Typed.num(a.type, new RuleNodes.Arith(code, a.type == Type.INT, a.num, b.num));
        }
        if (op.equals("+") || op.equals("-")) {
            Type result = null;
            if (a.type == Type.TIMESTAMP && b.type == Type.DURATION) {
                result = Type.TIMESTAMP;
            } else if (op.equals("+") && a.type == Type.DURATION && b.type == Type.TIMESTAMP) {
                result = Type.TIMESTAMP;
            } else if (a.type == Type.DURATION && b.type == Type.DURATION) {
                result = Type.DURATION;
            } else if (op.equals("-") && a.type == Type.TIMESTAMP && b.type == Type.TIMESTAMP) {
                result = Type.DURATION;
            }
            if (result != null) {
                return Typed.num(result, new RuleNodes.Arith(code, false, a.num, b.num));
            }
            if (op.equals("+") && (a.type == Type.STRING || a.type == Type.STRING_LIST)) {
                throw unsupported(
                        c,
                        "concatenation with '+' is not supported: rules compare values, they do not " + "build them");
            }
        }
        String hint = a.type.numeric() && b.type.numeric()
                ? ": int and double do not mix; write the int as a double (2.0) or convert with double(...)"
                : "";
        throw error(c, "no operator '" + op + "' for (" + a.type.cel + ", " + b.type.cel + ")" + hint);
    }

    private Typed comparison(Call c) {
        Typed a = compile(c.args.get(0));
        Typed b = compile(c.args.get(1));
        String op = operator(c);
        int code = switch (op) {
            case "==" -> RuleNodes.EQ;
            case "!=" -> RuleNodes.NE;
            case "<" -> RuleNodes.LT;
            case "<=" -> RuleNodes.LE;
            case ">" -> RuleNodes.GT;
            default -> RuleNodes.GE;
        };
        boolean equality = code <= RuleNodes.NE;
        if (a.type == b.type) {
            switch (a.type) {
                case BOOL:
                    if (!equality) {
                        throw unsupported(c, "ordering of bool values is not supported");
                    }
                    return Typed.bool(new RuleNodes.BoolEquals(code == RuleNodes.EQ, a.bool, b.bool));
                case STRING:
                    return Typed.bool(new RuleNodes.StrCompare(code, a.str, b.str));
                case STRING_LIST:
                case INT_LIST:
                case DOUBLE_LIST:
                    throw unsupported(c, "comparing lists is not supported; use 'in', size() or exists()");
                default:
                    return Typed.bool(new RuleNodes.NumCompare(code, a.num, b.num));
            }
        }
        if (!equality && a.type.numeric() && b.type.numeric()) {
            return Typed.bool(new RuleNodes.NumCompare(code, a.num, b.num));
        }
        String hint = a.type.numeric() && b.type.numeric()
                ? ": int and double are never equal in CEL; compare with <= and >=, or convert with double(...)"
                : "";
        throw error(c, "no operator '" + op + "' for (" + a.type.cel + ", " + b.type.cel + ")" + hint);
    }

    @SuppressWarnings("unchecked")
    private Typed in(Call c) {
        Typed a = compile(c.args.get(0));
        Typed b = compile(c.args.get(1));
        if (a.type == Type.STRING && b.type == Type.STRING_LIST) {
            if (b.list != null) {
                return Typed.bool(new RuleNodes.StrInList(a.str, b.list));
            }
            return Typed.bool(new RuleNodes.StrInSet(a.str, (Set<String>) b.constant));
        }
        if ((a.type == Type.INT && b.type == Type.INT_LIST) || (a.type == Type.DOUBLE && b.type == Type.DOUBLE_LIST)) {
            return Typed.bool(new RuleNodes.NumInSet(a.num, (double[]) b.constant));
        }
        throw error(c, "no operator 'in' for (" + a.type.cel + ", " + b.type.cel + ")");
    }

    private Typed index(Call c) {
        Typed list = compile(c.args.get(0));
        Typed i = compile(c.args.get(1));
        if (list.type != Type.STRING_LIST || list.list == null) {
            throw error(
                    c,
                    "no operator '[]' for " + list.type.cel
                            + (list.type == Type.STRING
                                    ? " (strings are not " + "indexed)"
                                    : list.list == null && list.type == Type.STRING_LIST ? " literal" : ""));
        }
        if (i.type != Type.INT) {
            throw error(c.args.get(1), "a list index must be int, found " + i.type.cel);
        }
        return Typed.str(new RuleNodes.ListIndex(list.list, i.num), null);
    }

    private Typed function(Call c) {
        String f = c.function;
        switch (f) {
            case "size": {
                Typed arg = single(c);
                if (arg.type == Type.STRING) {
                    return Typed.num(Type.INT, new RuleNodes.StrSize(arg.str));
                }
                if (arg.type == Type.STRING_LIST && arg.list != null) {
                    return Typed.num(Type.INT, new RuleNodes.ListSize(arg.list));
                }
                throw error(c, "no overload of size() for " + arg.type.cel);
            }
            case "contains":
            case "startsWith":
            case "endsWith": {
                Typed s = receiver(c, Type.STRING);
                Typed arg = argument(c, 1, 0);
                if (arg.type != Type.STRING) {
                    throw error(c.args.get(0), f + "() needs a string argument, found " + arg.type.cel);
                }
                int op = f.equals("contains")
                        ? RuleNodes.StrTest.CONTAINS
                        : f.equals("startsWith") ? RuleNodes.StrTest.STARTS_WITH : RuleNodes.StrTest.ENDS_WITH;
                return Typed.bool(new RuleNodes.StrTest(op, s.str, arg.str));
            }
            case "int": {
                Typed arg = global(c);
                switch (arg.type) {
                    case INT:
                        return arg;
                    case DOUBLE:
                        return Typed.num(Type.INT, new RuleNodes.IntOfDouble(arg.num));
                    case TIMESTAMP:
                        return Typed.num(Type.INT, new RuleNodes.IntOfTimestamp(arg.num));
                    case STRING:
                        throw unsupported(c, "int(string) is not supported: declare the field as int in the schema");
                    default:
                        throw error(c, "no overload of int() for " + arg.type.cel);
                }
            }
            case "double": {
                Typed arg = global(c);
                if (arg.type.numeric()) {
                    return Typed.num(Type.DOUBLE, arg.num);
                }
                if (arg.type == Type.STRING) {
                    throw unsupported(c, "double(string) is not supported: declare the field as double in the schema");
                }
                throw error(c, "no overload of double() for " + arg.type.cel);
            }
            case "timestamp":
            case "duration":
                return timeLiteral(c);
            case "exists":
            case "all":
                return quantifier(c);
            case "matches":
                throw unsupported(
                        c,
                        "matches() is not supported: regular expressions cost unbounded time per record"
                                + " and RE2 and Java differ; use startsWith(), endsWith() or contains()");
            case "has":
                throw unsupported(
                        c,
                        "has() is not supported: a profile has no messages; a missing value makes a "
                                + "comparison false");
            case "exists_one":
            case "map":
            case "filter":
            case "transformList":
            case "transformMap":
                throw unsupported(c, "the macro " + f + "() is not supported; exists() and all() are");
            case "string":
            case "bytes":
            case "uint":
            case "dyn":
            case "type":
                throw unsupported(c, f + "() is not supported");
            default:
                break;
        }
        if (TIMESTAMP_PARTS.contains(f)) {
            return timestampPart(c);
        }
        throw error(c, "undeclared reference to '" + f + "()'");
    }

    private Typed single(Call c) {
        if (c.target != null) {
            if (!c.args.isEmpty()) {
                throw error(c, c.function + "() takes no arguments when called as a method");
            }
            return compile(c.target);
        }
        if (c.args.size() != 1) {
            throw error(c, c.function + "() takes one argument, found " + c.args.size());
        }
        return compile(c.args.get(0));
    }

    private Typed global(Call c) {
        if (c.target != null) {
            throw error(c, c.function + "() is a function, not a method: write " + c.function + "(x)");
        }
        if (c.args.size() != 1) {
            throw error(c, c.function + "() takes one argument, found " + c.args.size());
        }
        return compile(c.args.get(0));
    }

    private Typed receiver(Call c, Type type) {
        if (c.target == null) {
            throw error(c, c.function + "() is a method: write x." + c.function + "(...)");
        }
        Typed t = compile(c.target);
        if (t.type != type) {
            throw error(c, "no method " + c.function + "() on " + t.type.cel);
        }
        return t;
    }

    private Typed argument(Call c, int count, int i) {
        if (c.args.size() != count) {
            throw error(
                    c,
                    c.function + "() takes " + count + " argument" + (count == 1 ? "" : "s") + ", found "
                            + c.args.size());
        }
        return compile(c.args.get(i));
    }

    private Typed timeLiteral(Call c) {
        Typed arg = global(c);
        boolean timestamp = c.function.equals("timestamp");
        Type own = timestamp ? Type.TIMESTAMP : Type.DURATION;
        if (arg.type == own) {
            return arg;
        }
        if (arg.type != Type.STRING || arg.constant == null) {
            throw unsupported(
                    c,
                    c.function + "() takes a string literal here, e.g. "
                            + (timestamp ? "timestamp('2024-01-01T00:00:00Z')" : "duration('720h')"));
        }
        String text = (String) arg.constant;
        if (timestamp) {
            try {
                long ms = OffsetDateTime.parse(text).toInstant().toEpochMilli();
                return Typed.num(Type.TIMESTAMP, new Expr.Const(ms, Expr.Kind.NUMBER));
            } catch (DateTimeParseException | ArithmeticException e) {
                throw error(c.args.get(0), "not an RFC 3339 timestamp, e.g. '2024-01-01T00:00:00Z'");
            }
        }
        return Typed.num(Type.DURATION, new Expr.Const(durationMillis(text, c.args.get(0)), Expr.Kind.NUMBER));
    }

    /** A CEL duration string (Go's format): an optional sign, then numbers with units h, m, s, ms. */
    private static double durationMillis(String text, Node at) {
        String s = text;
        int sign = 1;
        if (s.startsWith("-") || s.startsWith("+")) {
            sign = s.startsWith("-") ? -1 : 1;
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            throw error(at, "an empty duration; write e.g. '720h', '1h30m', '90s'");
        }
        if (s.equals("0")) {
            return 0;
        }
        double total = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (i == start) {
                throw error(at, "not a duration; write e.g. '720h', '1h30m', '90s'");
            }
            double value;
            try {
                value = Double.parseDouble(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error(at, "not a duration; write e.g. '720h', '1h30m', '90s'");
            }
            int u = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            String unit = s.substring(u, i);
            if (unit.isEmpty()) {
                throw error(at, "not a duration; write e.g. '720h', '1h30m', '90s'");
            }
            switch (unit) {
                case "h":
                    total += value * 3_600_000d;
                    break;
                case "m":
                    total += value * 60_000d;
                    break;
                case "s":
                    total += value * 1000d;
                    break;
                case "ms":
                    total += value;
                    break;
                case "us":
                case "ns":
                    throw unsupported(at, "durations finer than a millisecond are not supported");
                default:
                    throw error(at, "unknown duration unit '" + unit + "'; use h, m, s or ms");
            }
        }
        if (total != Math.rint(total)) {
            throw unsupported(at, "durations finer than a millisecond are not supported");
        }
        return sign * total;
    }

    private Typed timestampPart(Call c) {
        Typed ts = receiver(c, Type.TIMESTAMP);
        ZoneId zone = ZoneId.of("UTC");
        if (c.args.size() > 1) {
            throw error(c, c.function + "() takes at most one argument, a time zone");
        }
        if (c.args.size() == 1) {
            Typed z = compile(c.args.get(0));
            if (z.type != Type.STRING || z.constant == null) {
                throw unsupported(c.args.get(0), "the time zone must be a string literal, e.g. 'Asia/Shanghai'");
            }
            try {
                zone = ZoneId.of((String) z.constant);
            } catch (DateTimeException e) {
                throw error(
                        c.args.get(0),
                        "unknown time zone; use an IANA name such as 'Asia/Shanghai' or an offset "
                                + "such as '+08:00'");
            }
        }
        int part = switch (c.function) {
            case "getFullYear" -> RuleNodes.TimestampPart.FULL_YEAR;
            case "getMonth" -> RuleNodes.TimestampPart.MONTH;
            case "getDayOfMonth" -> RuleNodes.TimestampPart.DAY_OF_MONTH;
            case "getDate" -> RuleNodes.TimestampPart.DATE;
            case "getDayOfWeek" -> RuleNodes.TimestampPart.DAY_OF_WEEK;
            case "getDayOfYear" -> RuleNodes.TimestampPart.DAY_OF_YEAR;
            case "getHours" -> RuleNodes.TimestampPart.HOURS;
            case "getMinutes" -> RuleNodes.TimestampPart.MINUTES;
            case "getSeconds" -> RuleNodes.TimestampPart.SECONDS;
            default -> RuleNodes.TimestampPart.MILLISECONDS;
        };
        return Typed.num(Type.INT, new RuleNodes.TimestampPart(ts.num, part, zone.getRules()));
    }

    private Typed quantifier(Call c) {
        if (c.target == null) {
            throw error(c, c.function + "() is a macro on a list: write list." + c.function + "(x, predicate)");
        }
        if (c.args.size() != 2 || !(c.args.get(0) instanceof Ident)) {
            throw error(c, c.function + "() takes a variable name and a predicate: list." + c.function + "(x, p)");
        }
        Typed list = compile(c.target);
        if (list.type != Type.STRING_LIST || list.list == null) {
            throw unsupported(
                    c,
                    c.function + "() is supported on list<string> fields only, found " + list.type.cel
                            + (list.list == null && list.type == Type.STRING_LIST ? " literal" : ""));
        }
        String name = ((Ident) c.args.get(0)).name;
        if (schema.indexOf(name) >= 0 || name.equals("now")) {
            throw error(c.args.get(0), "the variable '" + name + "' hides a field of the profile; choose another name");
        }
        Integer outer = variables.get(name);
        int slot = stringSlots++;
        variables.put(name, slot);
        try {
            Typed body = compile(c.args.get(1));
            if (body.type != Type.BOOL) {
                throw error(
                        c.args.get(1), "the predicate of " + c.function + "() must be bool, found " + body.type.cel);
            }
            return Typed.bool(new RuleNodes.Quantifier(c.function.equals("exists"), list.list, slot, body.bool));
        } finally {
            if (outer == null) {
                variables.remove(name);
            } else {
                variables.put(name, outer);
            }
        }
    }
}
