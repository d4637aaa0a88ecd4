package io.remotebank.segmentation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules that do not compile are refused at load time, naming the rule, its column and the fault. */
class RuleErrorsTest {

    private static RuleException refused(String expression) {
        try {
            RuleSet.compile(
                    Profiles.SCHEMA, List.of(new SegmentRule("ok", 2, "vip"), new SegmentRule("bad", 1, expression)));
        } catch (RuleException e) {
            return e;
        }
        throw new AssertionError("compiled: " + expression);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "aum * 2 > 3                 | 5  | no operator '*' for (double, int): int and double do not mix",
                "age == 1.0                  | 5  | no operator '==' for (int, double): int and double are never equal",
                "aumm > 1.0                  | 1  | undeclared reference to 'aumm' (did you mean 'aum'?)",
                "city > 3                    | 6  | no operator '>' for (string, int)",
                "vip && age                  | 8  | '&&' needs bool operands, found int",
                "age + 1                     | 1  | a condition must be bool, this is int",
                "vip ? 1 : 'x'               | 5  | the branches of '?:' have different types: int and string",
                "aum % 2.0 == 0.0            | 5  | no operator '%' for (double, double)",
                "city.startsWith(1)          | 17 | startsWith() needs a string argument, found int",
                "size(age) > 1               | 1  | no overload of size() for int",
                "frobnicate(age)             | 1  | undeclared reference to 'frobnicate()'",
                "age in ['a']                | 5  | no operator 'in' for (int, list(string))",
                "opened > now - 5            | 14 | no operator '-' for (google.protobuf.Timestamp, int)",
                "timestamp('yesterday') < now| 11 | not an RFC 3339 timestamp",
                "duration('3 days') < now - opened | 10 | not a duration",
                "products.exists(aum, aum == 'x') | 17 | the variable 'aum' hides a field",
                "(age > 1                    | 9  | expected ')', found 'end of expression'",
                "age > 1 = 2                 | 9  | unexpected '=' (did you mean '=='?)",
                "'open                       | 1  | the string literal is not closed",
            })
    void typeAndSyntaxErrors_nameTheRuleAndColumn(String expression, int column, String reason) {
        RuleException e = refused(expression);
        assertThat(e.code()).isEqualTo(SegmentationError.RULE_INVALID);
        assertThat(e.rule()).isEqualTo("bad");
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).contains("rule 'bad' at column " + column + ": ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "city.matches('^S.*')              | matches() is not supported",
                "has(city)                         | has() is not supported",
                "city + 'x' == 'y'                 | concatenation with '+' is not supported",
                "string(age) == '1'                | string() is not supported",
                "int(city) > 1                     | int(string) is not supported",
                "{'a': 1}['a'] == 1                | map literals are not supported",
                "age == null                       | null is not supported",
                "age > 1u                          | unsigned integers (uint) are not supported",
                "b'abc' == b'abc'                  | bytes literals are not supported",
                "products.map(p, p) == products    | the macro map() is not supported",
                "products.filter(p, p == 'x')[0] == 'x' | the macro filter() is not supported",
                "products.exists_one(p, p == 'x')  | the macro exists_one() is not supported",
                "city.size.x == 1                  | field selection ('.x') is not supported",
                "Msg{a: 1} == 1                    | message construction is not supported",
                "age > 9007199254740993            | int literals beyond ±2^53 are not supported",
                "products == ['a']                 | comparing lists is not supported",
                "vip < consent                     | ordering of bool values is not supported",
                "duration('1us') < duration('1s')  | durations finer than a millisecond are not supported",
                "type(age) == int                  | type() is not supported",
            })
    void featuresOutsideTheSubset_areRefusedByName(String expression, String reason) {
        RuleException e = refused(expression);
        assertThat(e.code()).isEqualTo(SegmentationError.RULE_UNSUPPORTED);
        assertThat(e.rule()).isEqualTo("bad");
        assertThat(e.reason()).contains(reason);
    }

    @Test
    void errorOnALaterLine_givesLineAndColumn() {
        RuleException e = refused("vip &&\n  aum > 'x'");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.getMessage()).contains("rule 'bad' at line 2, column 7: ");
    }

    @Test
    void deeplyNestedRule_isRefusedWithoutOverflowingTheStack() {
        String deep = "(".repeat(3000) + "vip" + ")".repeat(3000);
        assertThat(refused(deep).reason()).contains("nests deeper than 64 levels");
        String negations = "!".repeat(100_000).substring(0, 9_000) + "vip";
        assertThat(refused(negations).reason()).contains("nests deeper than 64 levels");
    }

    @Test
    void overlongRule_isRefused() {
        assertThat(refused("vip || " + "vip || ".repeat(2000) + "vip").reason())
                .contains("longer than 10000 characters");
    }

    @Test
    void duplicateNamesAndPriorities_areRefused() {
        assertThatThrownBy(() -> RuleSet.compile(
                        Profiles.SCHEMA, List.of(new SegmentRule("a", 1, "vip"), new SegmentRule("a", 2, "consent"))))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("segment 'a' is defined twice");
        assertThatThrownBy(() -> RuleSet.compile(
                        Profiles.SCHEMA, List.of(new SegmentRule("a", 1, "vip"), new SegmentRule("b", 1, "consent"))))
                .hasMessageContaining("segments 'a' and 'b' have the same priority 1");
    }
}
