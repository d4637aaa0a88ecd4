package io.remotebank.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.identity.document.DocumentValidator;
import io.remotebank.identity.document.MrzResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolderMatchTest {

    static final MrzResult TD3 = DocumentValidator.ofDefaults()
            .mrz(List.of(
                    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F3412318ZE184226B<<<<<18"));

    @ParameterizedTest
    @CsvSource({
        "ERIKSSON ANNA MARIA, L898902C3",
        "'Anna Maria ERIKSSON', L898902C3",
        "'eriksson, anna-maria', l898902c3",
        "ERIKSSON<<ANNA<MARIA, L898-902-C3",
        // The personal number in the optional data is the applicant's identity number too.
        "ERIKSSON ANNA MARIA, ZE184226B",
    })
    void theSameHolder_writtenAnotherWay_matches(String name, String number) {
        assertThat(TD3.valid()).isTrue();
        assertThat(HolderMatch.mismatches(TD3, name, number)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "ERIKSSON ANNA, L898902C3, name",
        "ERIKSSON ANNA MARIA SOFIA, L898902C3, name",
        "ERIKSON ANNA MARIA, L898902C3, name",
        "'张三', L898902C3, name",
        "ERIKSSON ANNA MARIA, L898902C, number",
        "ERIKSSON ANNA MARIA, 110101199003074578, number",
    })
    void aDifferentHolder_isNamedByField_neverByValue(String name, String number, String field) {
        List<String> reasons = HolderMatch.mismatches(TD3, name, number);

        assertThat(reasons)
                .singleElement()
                .asString()
                .contains(field.equals("name") ? "name on the document" : "number");
        assertThat(String.join(" ", reasons)).doesNotContain("ERIKSSON").doesNotContain("L898902C");
    }

    @Test
    void aTruncatedMrzName_matchesTheFullStatedName() {
        // 9303 Part 3 4.6: a name filling its field may be cut; the last word is a prefix of the stated one.
        MrzResult truncated = DocumentValidator.ofDefaults()
                .mrz(List.of(
                        "P<UTOVANDERSTEENS<<MARIANNE<LOUISE<CHARLOTTE",
                        "L898902C36UTO7408122F3412318ZE184226B<<<<<18"));
        if (!truncated.valid() || !truncated.nameTruncated()) {
            throw new AssertionError("fixture: " + truncated.failures() + " truncated=" + truncated.nameTruncated());
        }

        assertThat(HolderMatch.mismatches(truncated, "VANDERSTEENS MARIANNE LOUISE CHARLOTTE ELISABETH", "L898902C3"))
                .isEmpty();
        assertThat(HolderMatch.mismatches(truncated, "VANDERSTEENS MARIANNE LOUISE CHARLOTTEX", "L898902C3"))
                .as("the last word is a prefix of the stated one")
                .isEmpty();
        assertThat(HolderMatch.mismatches(truncated, "VANDERSTEENS MARIANNE LOUISE", "L898902C3"))
                .isNotEmpty();
    }
}
