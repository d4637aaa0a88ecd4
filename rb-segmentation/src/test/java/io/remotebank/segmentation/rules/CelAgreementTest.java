package io.remotebank.segmentation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.runtime.CelRuntime;
import io.remotebank.segmentation.profile.ProfileBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator and function of the compiled subset gives, on random profiles with missing values,
 * the answers cel-java gives. A condition is compared in three values: it and its negation are each
 * true in both or in neither, so "false" and "undefined" (a missing value, a division by zero) are
 * told apart. Numbers are compared exactly.
 */
class CelAgreementTest {

    private static final int ROWS = 300;
    private static final ProfileBatch PROFILES = Profiles.random(28, ROWS, 0.05);
    private static final CelReference CEL = new CelReference(Profiles.SCHEMA);

    static Stream<String> conditions() {
        return Stream.of(
                // comparisons, heterogeneous ordering of int and double
                "aum > 100000.0",
                "aum >= 100000",
                "age < 30",
                "age <= 30.5",
                "age > 65",
                "age >= 65",
                "age == 40",
                "age != 40",
                "aum == 0.0",
                "aum != 12.5",
                // bools and the logical operators, with CEL's absorption of undefined operands
                "vip",
                "!vip",
                "!!vip",
                "vip == consent",
                "vip != consent",
                "vip == true",
                "vip && aum > 1e6",
                "vip || aum > 1e6",
                "aum > 1e6 || vip",
                "aum > 1e6 && vip",
                "!(vip && consent) || age > 60",
                "true && vip",
                "false || consent",
                // int arithmetic: truncating division and remainder, division by zero undefined
                "age + txns > 100",
                "age - txns < 0",
                "age * 2 > 100",
                "txns / 3 > 10",
                "txns % 7 == 3",
                "-age < -50",
                "txns / (age - 40) > 1",
                "txns % (age - 40) == 1",
                "(txns - 100) / 7 == -3",
                "(txns - 100) % 7 == -2",
                // double arithmetic
                "aum * 1.5 > 1e6",
                "aum / 3.0 < 10000.0",
                "aum - balance > 0.0",
                "aum + balance > 1e6",
                "-aum < -1000.0",
                "aum / 0.5 > balance",
                // conversions
                "double(age) * 1000.0 < aum",
                "int(aum) % 2 == 0",
                "int(aum / 1000.0) > 500",
                "int(-balance / 7.0) < 3",
                "double(txns) == 10.0",
                // strings
                "city == 'Shanghai'",
                "city != 'Beijing'",
                "city < 'M'",
                "city <= 'Chengdu'",
                "city > 'Hangzhou'",
                "city >= 'Shenzhen'",
                "city.startsWith('Sh')",
                "city.endsWith('ing')",
                "city.contains('en')",
                "city.contains(\"'\")",
                "size(city) > 7",
                "city.size() == 8",
                "tier == '金卡'",
                "size(tier) == 2",
                "tier.startsWith('白')",
                "tier == \"\\u94bb\\u77f3\"",
                // in, lists, macros, indexing
                "city in ['Shanghai', 'Beijing']",
                "age in [20, 30, 40, 50]",
                "aum in [0.0, 100.0]",
                "'fund' in products",
                "city in products",
                "size(products) >= 2",
                "products.size() == 0",
                "products.exists(p, p.startsWith('f'))",
                "products.all(p, p != 'loan')",
                "products.exists(p, p == city)",
                "products.all(p, size(p) > age / 10)",
                "products[0] == 'card'",
                "products[1] == 'fund'",
                "products.exists(p, products.all(q, q == p))",
                // timestamps, dates and durations
                "opened < timestamp('2020-01-01T00:00:00Z')",
                "opened >= timestamp('2020-01-01T08:00:00+08:00')",
                "now - opened > duration('8760h')",
                "opened + duration('720h') < now",
                "duration('720h') + opened < now",
                "now - last_login < duration('720h')",
                "last_login - opened > duration('1000h')",
                "last_login - duration('1h30m') > opened",
                "now - last_login >= duration('90m') + duration('48h')",
                "duration('-1h') < duration('0')",
                "opened.getFullYear() == 2020",
                "opened.getMonth() == 0",
                "opened.getDayOfMonth() == 0",
                "opened.getDate() == 1",
                "opened.getDayOfWeek() == 1",
                "opened.getDayOfYear() < 31",
                "opened.getDayOfYear('Asia/Shanghai') > 300",
                "last_login.getHours('Asia/Shanghai') >= 20",
                "last_login.getHours() < 6",
                "last_login.getMinutes() < 30",
                "last_login.getSeconds() < 10",
                "last_login.getMilliseconds() < 500",
                "last_login.getDayOfWeek('Asia/Shanghai') == 0",
                "last_login.getMonth('+08:00') == 11",
                "last_login.getDate('America/New_York') == 31",
                "int(last_login) > 1720000000",
                "last_login > now - duration('24h')",
                "duration('1h30m') < duration('2h')",
                // the conditional operator
                "vip ? aum > 1e5 : aum > 1e6",
                "(age > 60 ? 'senior' : city) == 'senior'",
                "(vip ? age : txns) > 50",
                "(consent ? aum : balance) > 5000.0",
                "(vip ? opened : last_login) < timestamp('2022-01-01T00:00:00Z')",
                "vip ? consent : !consent",
                // literals
                "r'a\\d' == 'a\\\\d'",
                "'''x''' == \"x\"",
                "0x10 == 16",
                "1e3 == 1000.0",
                // a realistic segment
                "aum > 1e6 && (city == 'Shanghai' || 'fund' in products) && !vip && now - last_login < duration('2160h')");
    }

    @ParameterizedTest
    @MethodSource("conditions")
    void condition_agreesWithCelJava_onRandomProfiles(String expression) throws Exception {
        assertConditionAgrees(expression);
    }

    static Stream<String> formulas() {
        return Stream.of(
                "aum * 0.01",
                "age + txns",
                "age * txns - 7",
                "txns / 3",
                "txns % 5",
                "double(age) / 7.0",
                "int(aum)",
                "size(city)",
                "size(products)",
                "vip ? aum : 0.0",
                "opened.getFullYear()",
                "last_login.getHours('Asia/Shanghai')",
                "-age",
                "int(last_login)",
                "txns / (age - 40)");
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void formula_agreesWithCelJava_onRandomProfiles(String expression) throws Exception {
        Formula ours = Formula.compile("f", expression, Profiles.SCHEMA);
        CelRuntime.Program theirs = CEL.program(expression);
        double[] values = new double[ROWS];
        ours.evaluate(PROFILES, Profiles.NOW, values);
        int defined = 0;
        for (int r = 0; r < ROWS; r++) {
            Object expected = CelReference.evaluate(theirs, PROFILES, r, Profiles.NOW);
            double got = values[r];
            if (expected == CelReference.UNDEFINED) {
                assertThat(got).as("%s on row %d", expression, r).isNaN();
            } else {
                defined++;
                assertThat(got).as("%s on row %d", expression, r).isEqualTo(((Number) expected).doubleValue());
            }
        }
        assertThat(defined).as("rows where %s is defined", expression).isGreaterThan(ROWS / 2);
    }

    @Test
    void randomExpressions_agreeWithCelJava() throws Exception {
        SplittableRandom rnd = new SplittableRandom(2028);
        Generator g = new Generator(rnd);
        for (int i = 0; i < 250; i++) {
            assertConditionAgrees(g.bool(4));
        }
    }

    private static void assertConditionAgrees(String expression) throws Exception {
        for (String e : List.of(expression, "!(" + expression + ")")) {
            Condition ours = Condition.compile("c", e, Profiles.SCHEMA);
            CelRuntime.Program theirs = CEL.program(e);
            boolean[] got = new boolean[ROWS];
            ours.test(PROFILES, Profiles.NOW, got);
            for (int r = 0; r < ROWS; r++) {
                Object expected = CelReference.evaluate(theirs, PROFILES, r, Profiles.NOW);
                assertThat(got[r])
                        .as("%s on row %d %s (cel-java: %s)", e, r, PROFILES.toMap(r), expected)
                        .isEqualTo(Boolean.TRUE.equals(expected));
            }
        }
    }

    /**
     * Random well-typed expressions over the schema. Int products take a small literal, so that no
     * value leaves ±2^53 (where the compiled rules call it an error and CEL does not); doubles are
     * divided by non-zero literals only, so that no NaN arises (which the compiled rules read as
     * undefined).
     */
    static final class Generator {
        private final SplittableRandom rnd;

        Generator(SplittableRandom rnd) {
            this.rnd = rnd;
        }

        String bool(int depth) {
            if (depth == 0) {
                return pick("vip", "consent", "true", "false", "'fund' in products", "city.startsWith('S')");
            }
            switch (rnd.nextInt(11)) {
                case 0:
                    return "(" + bool(depth - 1) + " && " + bool(depth - 1) + ")";
                case 1:
                    return "(" + bool(depth - 1) + " || " + bool(depth - 1) + ")";
                case 2:
                    return "!(" + bool(depth - 1) + ")";
                case 3:
                    return "(" + bool(depth - 1) + " ? " + bool(depth - 1) + " : " + bool(depth - 1) + ")";
                case 4:
                    return "(" + integer(depth - 1) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " "
                            + integer(depth - 1) + ")";
                case 5:
                    return "(" + real(depth - 1) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + real(depth - 1)
                            + ")";
                case 6:
                    return "(" + integer(depth - 1) + " " + pick("<", ">=") + " " + real(depth - 1) + ")";
                case 7:
                    return "(" + string(depth - 1) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " "
                            + string(depth - 1) + ")";
                case 8:
                    return string(depth - 1) + "." + pick("startsWith", "endsWith", "contains") + "("
                            + string(depth - 1) + ")";
                case 9:
                    return "products.exists(p, " + bool(depth - 1).replace("city", "p") + ")";
                default:
                    return "(" + string(depth - 1) + " in products" + ")";
            }
        }

        String integer(int depth) {
            if (depth == 0) {
                return pick("age", "txns", String.valueOf(rnd.nextInt(-5, 100)), "size(city)", "size(products)");
            }
            switch (rnd.nextInt(7)) {
                case 0:
                    return "(" + integer(depth - 1) + " + " + integer(depth - 1) + ")";
                case 1:
                    return "(" + integer(depth - 1) + " - " + integer(depth - 1) + ")";
                case 2:
                    return "(" + integer(depth - 1) + " * " + rnd.nextInt(-3, 4) + ")";
                case 3:
                    return "(" + integer(depth - 1) + " / " + integer(depth - 1) + ")";
                case 4:
                    return "(" + integer(depth - 1) + " % " + integer(depth - 1) + ")";
                case 5:
                    return "int(" + real(depth - 1) + ")";
                default:
                    return "(" + bool(depth - 1) + " ? " + integer(depth - 1) + " : " + integer(depth - 1) + ")";
            }
        }

        String real(int depth) {
            if (depth == 0) {
                return pick("aum", "balance", rnd.nextInt(0, 100000) + ".5", "1e6");
            }
            switch (rnd.nextInt(6)) {
                case 0:
                    return "(" + real(depth - 1) + " + " + real(depth - 1) + ")";
                case 1:
                    return "(" + real(depth - 1) + " - " + real(depth - 1) + ")";
                case 2:
                    return "(" + real(depth - 1) + " * " + pick("0.5", "2.0", "-1.25") + ")";
                case 3:
                    return "(" + real(depth - 1) + " / " + pick("3.0", "-0.75", "1e3") + ")";
                case 4:
                    return "double(" + integer(depth - 1) + ")";
                default:
                    return "-" + real(depth - 1);
            }
        }

        String string(int depth) {
            if (depth == 0 || rnd.nextInt(3) > 0) {
                return pick("city", "tier", "'Sh'", "'ing'", "'金'", "products[0]", "''");
            }
            return "(" + bool(depth - 1) + " ? " + string(depth - 1) + " : " + string(depth - 1) + ")";
        }

        private String pick(String... options) {
            return options[rnd.nextInt(options.length)];
        }
    }

    static List<String> sample(int n) {
        Generator g = new Generator(new SplittableRandom(1));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.bool(3));
        }
        return out;
    }
}
