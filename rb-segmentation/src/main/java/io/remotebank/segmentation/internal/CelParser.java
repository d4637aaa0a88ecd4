package io.remotebank.segmentation.internal;

import io.remotebank.segmentation.internal.CelSyntax.Call;
import io.remotebank.segmentation.internal.CelSyntax.Ident;
import io.remotebank.segmentation.internal.CelSyntax.ListLiteral;
import io.remotebank.segmentation.internal.CelSyntax.Literal;
import io.remotebank.segmentation.internal.CelSyntax.Node;
import io.remotebank.segmentation.internal.CelSyntax.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser of CEL's grammar (CEL language definition, "Syntax": the precedence of
 * {@code ?:}, {@code ||}, {@code &&}, relations, additions, multiplications, unary operators, member
 * access). It reads the whole language where that costs nothing, so that a feature outside the
 * compiled subset is refused by name rather than as a syntax error; it refuses what has no meaning
 * for a flat profile (maps, messages, bytes, unsigned numbers, null) at once. Expressions are bounded
 * in length and nesting, so a hostile rule cannot exhaust the stack.
 */
final class CelParser {

    /** The longest expression, in characters. */
    static final int MAX_LENGTH = 10_000;

    /** The deepest nesting of sub-expressions. */
    static final int MAX_DEPTH = 64;

    /** Reserved words that are not literals (CEL spec, "Syntax"). */
    private static final Set<String> RESERVED = Set.of(
            "as",
            "break",
            "const",
            "continue",
            "else",
            "for",
            "function",
            "if",
            "import",
            "let",
            "loop",
            "package",
            "namespace",
            "return",
            "var",
            "void",
            "while");

    /** A syntax error or a refused feature, at an offset of the source. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int pos;
        final boolean unsupported;

        Failure(int pos, String message, boolean unsupported) {
            super(message, null, false, false);
            this.pos = pos;
            this.unsupported = unsupported;
        }
    }

    private enum Kind {
        IDENT,
        INT,
        DOUBLE,
        STRING,
        PUNCT,
        END
    }

    private record Token(Kind kind, String text, Object value, int pos) {}

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int at;
    private int depth;

    private CelParser(String src) {
        this.src = src;
    }

    /**
     * Parses an expression.
     *
     * @param src the source
     * @return its syntax tree
     * @throws Failure if it is not valid CEL or uses a feature refused at parse time
     */
    static Node parse(String src) {
        if (src.length() > MAX_LENGTH) {
            throw new Failure(0, "the expression is longer than " + MAX_LENGTH + " characters", false);
        }
        CelParser p = new CelParser(src);
        p.lex();
        Node n = p.expr();
        Token t = p.peek();
        if (t.kind != Kind.END) {
            throw new Failure(t.pos, "unexpected '" + t.text + "'", false);
        }
        return n;
    }

    // ---- lexer ----

    private void lex() {
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
                i = number(i);
            } else if (c == '"' || c == '\'') {
                i = string(i, i, false);
            } else if ((c == 'r' || c == 'R') && i + 1 < n && (src.charAt(i + 1) == '"' || src.charAt(i + 1) == '\'')) {
                i = string(i, i + 1, true);
            } else if ((c == 'b' || c == 'B') && i + 1 < n && (src.charAt(i + 1) == '"' || src.charAt(i + 1) == '\'')) {
                throw new Failure(i, "bytes literals are not supported", true);
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
                String word = src.substring(s, i);
                if (!word.chars().allMatch(ch -> ch < 128)) {
                    throw new Failure(s, "identifiers are ASCII letters, digits and _", false);
                }
                tokens.add(new Token(Kind.IDENT, word, null, s));
            } else {
                String two = i + 1 < n ? src.substring(i, i + 2) : "";
                if (two.equals("&&")
                        || two.equals("||")
                        || two.equals("<=")
                        || two.equals(">=")
                        || two.equals("==")
                        || two.equals("!=")) {
                    tokens.add(new Token(Kind.PUNCT, two, null, i));
                    i += 2;
                } else if ("()[]{}.,?:!-+*/%<>".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.PUNCT, String.valueOf(c), null, i));
                    i++;
                } else if (c == '=' || c == '&' || c == '|') {
                    throw new Failure(i, "unexpected '" + c + "' (did you mean '" + c + c + "'?)", false);
                } else {
                    throw new Failure(i, "unexpected character U+" + String.format("%04X", (int) c), false);
                }
            }
        }
        tokens.add(new Token(Kind.END, "end of expression", null, n));
    }

    private int number(int i) {
        int s = i;
        int n = src.length();
        if (src.startsWith("0x", i) || src.startsWith("0X", i)) {
            i += 2;
            int d = i;
            while (i < n && Character.digit(src.charAt(i), 16) >= 0) {
                i++;
            }
            if (i == d) {
                throw new Failure(s, "a hexadecimal literal needs digits", false);
            }
            if (i < n && (src.charAt(i) == 'u' || src.charAt(i) == 'U')) {
                throw new Failure(s, "unsigned integers (uint) are not supported", true);
            }
            long v;
            try {
                v = Long.parseLong(src.substring(d, i), 16);
            } catch (NumberFormatException e) {
                throw new Failure(s, "integer literal out of range", false);
            }
            tokens.add(new Token(Kind.INT, src.substring(s, i), v, s));
            return i;
        }
        while (i < n && Character.isDigit(src.charAt(i))) {
            i++;
        }
        boolean isDouble = false;
        if (i + 1 < n && src.charAt(i) == '.' && Character.isDigit(src.charAt(i + 1))) {
            isDouble = true;
            i++;
            while (i < n && Character.isDigit(src.charAt(i))) {
                i++;
            }
        }
        if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < n && (src.charAt(e) == '+' || src.charAt(e) == '-')) {
                e++;
            }
            if (e < n && Character.isDigit(src.charAt(e))) {
                isDouble = true;
                i = e;
                while (i < n && Character.isDigit(src.charAt(i))) {
                    i++;
                }
            }
        }
        String text = src.substring(s, i);
        if (!isDouble && i < n && (src.charAt(i) == 'u' || src.charAt(i) == 'U')) {
            throw new Failure(s, "unsigned integers (uint) are not supported", true);
        }
        if (isDouble) {
            tokens.add(new Token(Kind.DOUBLE, text, Double.parseDouble(text), s));
        } else {
            try {
                tokens.add(new Token(Kind.INT, text, Long.parseLong(text), s));
            } catch (NumberFormatException e) {
                throw new Failure(s, "integer literal out of range", false);
            }
        }
        return i;
    }

    /** A string literal: '..', "..", triple-quoted, raw (CEL spec, "String and Bytes Literals"). */
    private int string(int start, int i, boolean raw) {
        char q = src.charAt(i);
        boolean triple = src.startsWith("" + q + q + q, i);
        int n = src.length();
        i += triple ? 3 : 1;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= n) {
                throw new Failure(start, "the string literal is not closed", false);
            }
            char c = src.charAt(i);
            if (triple ? src.startsWith("" + q + q + q, i) : c == q) {
                i += triple ? 3 : 1;
                break;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                throw new Failure(start, "a line break inside a string literal (use a triple-quoted string)", false);
            }
            if (c == '\\' && !raw) {
                i = escape(i, b);
                continue;
            }
            b.append(c);
            i++;
        }
        tokens.add(new Token(Kind.STRING, src.substring(start, i), b.toString(), start));
        return i;
    }

    private int escape(int i, StringBuilder b) {
        int n = src.length();
        if (i + 1 >= n) {
            throw new Failure(i, "an escape sequence is cut off", false);
        }
        char e = src.charAt(i + 1);
        switch (e) {
            case '\\':
            case '\'':
            case '"':
            case '`':
            case '?':
                b.append(e);
                return i + 2;
            case 'a':
                b.append('\u0007');
                return i + 2;
            case 'b':
                b.append('\b');
                return i + 2;
            case 'f':
                b.append('\f');
                return i + 2;
            case 'n':
                b.append('\n');
                return i + 2;
            case 'r':
                b.append('\r');
                return i + 2;
            case 't':
                b.append('\t');
                return i + 2;
            case 'v':
                b.append('\u000B');
                return i + 2;
            case 'x':
            case 'X':
                return codePoint(i, 2, 16, b);
            case 'u':
                return codePoint(i, 4, 16, b);
            case 'U':
                return codePoint(i, 8, 16, b);
            default:
                if (e >= '0' && e <= '3') {
                    return codePoint(i - 1, 3, 8, b);
                }
                throw new Failure(i, "unknown escape sequence '\\" + e + "'", false);
        }
    }

    /** \xHH, \\uHHHH, \\UHHHHHHHH, or (from i + 1) octal \ooo. */
    private int codePoint(int i, int digits, int radix, StringBuilder b) {
        int from = i + 2;
        if (from + digits > src.length()) {
            throw new Failure(i, "an escape sequence is cut off", false);
        }
        int cp;
        try {
            cp = Integer.parseInt(src.substring(from, from + digits), radix);
        } catch (NumberFormatException e) {
            throw new Failure(i, "a malformed escape sequence", false);
        }
        if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new Failure(i, "an escape sequence names no Unicode scalar value", false);
        }
        b.appendCodePoint(cp);
        return from + digits;
    }

    // ---- parser ----

    private Token peek() {
        return tokens.get(at);
    }

    private boolean is(String punct) {
        Token t = peek();
        return t.kind == Kind.PUNCT && t.text.equals(punct);
    }

    private Token expect(String punct) {
        Token t = peek();
        if (!is(punct)) {
            throw new Failure(t.pos, "expected '" + punct + "', found '" + t.text + "'", false);
        }
        at++;
        return t;
    }

    private void enter(int pos) {
        if (++depth > MAX_DEPTH) {
            throw new Failure(pos, "the expression nests deeper than " + MAX_DEPTH + " levels", false);
        }
    }

    private Node expr() {
        enter(peek().pos);
        try {
            Node cond = or();
            if (is("?")) {
                int pos = expect("?").pos;
                Node a = or();
                expect(":");
                Node b = expr();
                return new Call(pos, "_?_:_", null, List.of(cond, a, b));
            }
            return cond;
        } finally {
            depth--;
        }
    }

    private Node or() {
        Node left = and();
        while (is("||")) {
            int pos = expect("||").pos;
            left = new Call(pos, "_||_", null, List.of(left, and()));
        }
        return left;
    }

    private Node and() {
        Node left = relation();
        while (is("&&")) {
            int pos = expect("&&").pos;
            left = new Call(pos, "_&&_", null, List.of(left, relation()));
        }
        return left;
    }

    private Node relation() {
        Node left = addition();
        while (true) {
            Token t = peek();
            String op = null;
            if (t.kind == Kind.PUNCT && Set.of("<", "<=", ">", ">=", "==", "!=").contains(t.text)) {
                op = "_" + t.text + "_";
            } else if (t.kind == Kind.IDENT && t.text.equals("in")) {
                op = "@in";
            }
            if (op == null) {
                return left;
            }
            at++;
            left = new Call(t.pos, op, null, List.of(left, addition()));
        }
    }

    private Node addition() {
        Node left = multiplication();
        while (is("+") || is("-")) {
            Token t = peek();
            at++;
            left = new Call(t.pos, "_" + t.text + "_", null, List.of(left, multiplication()));
        }
        return left;
    }

    private Node multiplication() {
        Node left = unary();
        while (is("*") || is("/") || is("%")) {
            Token t = peek();
            at++;
            left = new Call(t.pos, "_" + t.text + "_", null, List.of(left, unary()));
        }
        return left;
    }

    private Node unary() {
        Token t = peek();
        if (is("!") || is("-")) {
            at++;
            enter(t.pos);
            try {
                Node operand = unary();
                if (t.text.equals("-")
                        && operand instanceof Literal
                        && !(((Literal) operand).value instanceof String)
                        && !(((Literal) operand).value instanceof Boolean)) {
                    // A negative literal is one literal (so that the smallest int64 can be written).
                    Object v = ((Literal) operand).value;
                    return new Literal(t.pos, v instanceof Long ? (Object) (-(Long) v) : (Object) (-(Double) v));
                }
                return new Call(t.pos, t.text + "_", null, List.of(operand));
            } finally {
                depth--;
            }
        }
        return member();
    }

    private Node member() {
        Node n = primary();
        while (true) {
            if (is(".")) {
                int pos = expect(".").pos;
                Token name = peek();
                if (is("?")) {
                    throw new Failure(pos, "optional field selection (.?) is not supported", true);
                }
                if (name.kind != Kind.IDENT) {
                    throw new Failure(name.pos, "expected a name after '.'", false);
                }
                at++;
                if (is("(")) {
                    n = new Call(name.pos, name.text, n, args(")"));
                } else {
                    n = new Select(name.pos, n, name.text);
                }
            } else if (is("[")) {
                int pos = expect("[").pos;
                if (is("?")) {
                    throw new Failure(pos, "optional indexing ([?]) is not supported", true);
                }
                Node index = expr();
                expect("]");
                n = new Call(pos, "_[_]", null, List.of(n, index));
            } else if (is("{")) {
                throw new Failure(peek().pos, "message construction is not supported: a profile has no messages", true);
            } else {
                return n;
            }
        }
    }

    private List<Node> args(String close) {
        expect(close.equals(")") ? "(" : "[");
        List<Node> out = new ArrayList<>();
        if (!is(close)) {
            do {
                if (is(close)) {
                    break; // CEL allows a trailing comma
                }
                out.add(expr());
            } while (is(",") && expect(",") != null);
        }
        expect(close);
        return out;
    }

    private Node primary() {
        Token t = peek();
        switch (t.kind) {
            case INT:
            case DOUBLE:
            case STRING:
                at++;
                return new Literal(t.pos, t.value);
            case IDENT:
                return identifier(t);
            case END:
                throw new Failure(t.pos, "the expression ends too early", false);
            default:
                break;
        }
        if (is("(")) {
            expect("(");
            Node n = expr();
            expect(")");
            return n;
        }
        if (is("[")) {
            return new ListLiteral(t.pos, args("]"));
        }
        if (is("{")) {
            throw new Failure(t.pos, "map literals are not supported", true);
        }
        if (is(".")) {
            throw new Failure(t.pos, "leading-dot (absolute) names are not supported", true);
        }
        throw new Failure(t.pos, "unexpected '" + t.text + "'", false);
    }

    private Node identifier(Token t) {
        at++;
        switch (t.text) {
            case "true":
                return new Literal(t.pos, Boolean.TRUE);
            case "false":
                return new Literal(t.pos, Boolean.FALSE);
            case "null":
                throw new Failure(t.pos, "null is not supported: a missing profile value is not null", true);
            case "in":
                throw new Failure(t.pos, "'in' needs a value on its left", false);
            default:
                break;
        }
        if (RESERVED.contains(t.text)) {
            throw new Failure(t.pos, "'" + t.text + "' is a reserved word", false);
        }
        if (is("(")) {
            return new Call(t.pos, t.text, null, args(")"));
        }
        return new Ident(t.pos, t.text);
    }
}
