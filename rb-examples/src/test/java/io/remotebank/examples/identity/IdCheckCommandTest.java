package io.remotebank.examples.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.remotebank.examples.CliTest;
import io.remotebank.examples.cli.Echo;
import io.remotebank.examples.cli.ExitCodes;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdCheckCommandTest extends CliTest {

    // ICAO 9303 Part 4 Appendix A specimen (expires 2012-04-15).
    private static final String TD3_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    private static final String TD3_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    @Test
    void validCnId_exitsZero_withTheNumberMasked() {
        // tag::cn-id[]
        int exit = rb("id-check", "--cn-id", "11010519491231002X");
        // end::cn-id[]

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("1****************X", "FEMALE", "PASS check-character", "Result:      VALID")
                .doesNotContain("11010519491231002X", "1949", "110105");
    }

    @Test
    void unmasked_showsThePersonalData() {
        assertThat(rb("id-check", "--cn-id", "440524188001010014", "--unmasked"))
                .isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("440524188001010014", "1880-01-01", "440524 (historical, 1983-1993)");
    }

    @Test
    void badCheckCharacter_exitsOne_json() throws IOException {
        assertThat(rb("id-check", "--cn-id", "110105194912310021", "--json")).isEqualTo(ExitCodes.CHECK_FAILED);

        JsonNode json = json();
        assertThat(json.get("document").asText()).isEqualTo("cn-resident-id");
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.at("/fields/number").asText()).isEqualTo("1****************1");
        assertThat(json.get("checks").findValuesAsText("name"))
                .containsExactly("format", "region", "birth-date", "check-character");
        assertThat(json.at("/checks/3/passed").asBoolean()).isFalse();
    }

    @Test
    void hkId_printedForm_isValid() throws IOException {
        assertThat(rb("id-check", "--hk-id", "A123456(3)", "--json")).isEqualTo(ExitCodes.OK);

        assertThat(json().at("/fields/number").asText()).isEqualTo("A******3");
    }

    @Test
    void mrzSpecimen_onAValidDay_isValid_masked() throws IOException {
        assertThat(rb("id-check", "--mrz", TD3_1, TD3_2, "--today", "2010-01-01", "--json"))
                .isEqualTo(ExitCodes.OK);

        JsonNode json = json();
        assertThat(json.at("/fields/format").asText()).isEqualTo("TD3");
        assertThat(json.at("/fields/name").asText()).isEqualTo("E******* A*** M****");
        assertThat(json.at("/fields/documentNumber").asText()).isEqualTo("L*******3");
        assertThat(json.at("/fields/birthDate").asText()).isEqualTo("****");
        assertThat(json.at("/fields/expiryDate").asText()).isEqualTo("2012-04-15");
        assertThat(out.toString()).doesNotContain("ERIKSSON", "ZE184226B");
    }

    @Test
    void expiredMrz_exitsOne_andConfusablesAreListed() {
        String misread = TD3_2.substring(0, 14) + "O" + TD3_2.substring(15);
        // tag::mrz[]
        int exit = rb("id-check", "--mrz", TD3_1, misread, "--today", "2024-06-01");
        // end::mrz[]

        assertThat(exit).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString())
                .contains("FAIL not-expired", "OCR?  line 2 column 15 (birth-date): 'O' is probably '0'", "INVALID");
    }

    @Test
    void td1_threeLines_unmasked() {
        assertThat(rb(
                        "id-check",
                        "--mrz",
                        "I<UTOD23145890<7349<<<<<<<<<<<",
                        "7408122F1204159UTO<<<<<<<<<<<6",
                        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
                        "--today",
                        "2010-01-01",
                        "--unmasked"))
                .isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("D23145890734", "ERIKSSON, ANNA MARIA", "1974-08-12");
    }

    @ParameterizedTest
    @CsvSource({"001B, ESC", "009B, the C1 CSI", "0007, BEL", "202E, a right-to-left override"})
    void controlCharacterInAnMrzName_isBadUsage_namingItsPosition(String hex, String what) {
        char control = (char) Integer.parseInt(hex, 16);
        String line1 = TD3_1.substring(0, 10) + control + TD3_1.substring(11);

        assertThat(rb("id-check", "--mrz", line1, TD3_2, "--unmasked")).as(what).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString())
                .contains("--mrz line 1: control character U+" + hex + " at position 11 is not allowed")
                .doesNotContain(String.valueOf(control));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void controlCharacterInAnIdNumber_isBadUsage() {
        assertThat(rb("id-check", "--cn-id", "110105\u001b[2J19491231002X")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("--cn-id: control character U+001B at position 7");
    }

    @Test
    void hugeInput_isEchoedShortened_withItsLength() throws IOException {
        String huge = "1".repeat(100_000);

        assertThat(rb("id-check", "--cn-id", huge)).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(out.toString()).contains("…(100000 characters)").hasSizeLessThan(2_000);

        assertThat(rb("id-check", "--cn-id", huge, "--unmasked", "--json")).isEqualTo(ExitCodes.CHECK_FAILED);
        assertThat(json().at("/fields/number").asText()).hasSize(Echo.MAX_ECHO).endsWith("…(100000 characters)");
        assertThat(out.toString()).hasSizeLessThan(2_000);
    }

    @Test
    void noDocument_isBadUsage() {
        assertThat(rb("id-check")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--cn-id");
    }

    @Test
    void twoDocuments_isBadUsage() {
        assertThat(rb("id-check", "--cn-id", "11010519491231002X", "--hk-id", "A1234563"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void oneMrzLine_isBadUsage() {
        assertThat(rb("id-check", "--mrz", TD3_1)).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badToday_isBadUsage() {
        assertThat(rb("id-check", "--hk-id", "A1234563", "--today", "yesterday"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("YYYY-MM-DD");
    }
}
