package io.remotebank.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CnResidentIdTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final DocumentValidator validator = DocumentValidator.withClock(CLOCK);

    /** The ISO 7064 MOD 11-2 check character, computed here independently of the code under test. */
    static char check(String seventeen) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            // weight of position i (counted from the right, check character = 1) is 2^(17 - i) mod 11
            int weight = 1;
            for (int k = 0; k < 17 - i; k++) {
                weight = weight * 2 % 11;
            }
            sum += (seventeen.charAt(i) - '0') * weight;
        }
        int c = (12 - sum % 11) % 11;
        return c == 10 ? 'X' : (char) ('0' + c);
    }

    private static String withCheck(String seventeen) {
        return seventeen + check(seventeen);
    }

    private static List<String> failed(DocumentCheck result) {
        return result.failures().stream().map(Check::name).collect(Collectors.toList());
    }

    // GB 11643-1999 (公民身份号码), the examples of its clause 8 / annex: a woman born 1949-12-31 in
    // Chaoyang district, Beijing (sequence 002), and a man born 1880-01-01 in Chaoyang county,
    // Guangdong (sequence 001). 440524 was retired in 1993: it must be accepted and flagged.
    @ParameterizedTest
    @CsvSource({
        "11010519491231002X, 110105, false, 1949-12-31, 002, FEMALE",
        "440524188001010014, 440524, true, 1880-01-01, 001, MALE"
    })
    void gb11643Examples_areValid(
            String number, String region, boolean historical, LocalDate birth, String seq, Sex sex) {
        CnResidentIdResult r = validator.cnResidentId(number);

        assertThat(r.valid()).as(r.failures().toString()).isTrue();
        assertThat(r.number()).isEqualTo(number);
        assertThat(r.region())
                .get()
                .extracting(RegionCode::code, RegionCode::historical)
                .containsExactly(region, historical);
        assertThat(r.birthDate()).contains(birth);
        assertThat(r.sequence()).isEqualTo(seq);
        assertThat(r.sex()).isEqualTo(sex);
        assertThat(r.checks())
                .extracting(Check::name)
                .containsExactly("format", "region", "birth-date", "check-character");
    }

    @Test
    void historicalRegion_isAcceptedAndFlaggedWithItsYears() {
        CnResidentIdResult r = validator.cnResidentId("440524188001010014");

        assertThat(r.check("region")).get().extracting(Check::passed).isEqualTo(true);
        assertThat(r.check("region").orElseThrow().reason()).contains("historical", "1983-1993");
    }

    @Test
    void legacy15_isConvertedTo18_withTheCheckCharacterComputed() {
        CnResidentIdResult r = validator.cnResidentId("110105491231002");

        assertThat(r.valid()).isTrue();
        assertThat(r.legacy15()).isTrue();
        assertThat(r.number()).isEqualTo("11010519491231002X");
        assertThat(r.checks()).extracting(Check::name).containsExactly("format", "region", "birth-date");
    }

    @Test
    void surroundingWhitespace_isIgnored() {
        assertThat(validator.cnResidentId("  11010519491231002X\n").valid()).isTrue();
    }

    @Test
    void wrongCheckCharacter_failsOnlyThatCheck() {
        CnResidentIdResult r = validator.cnResidentId("110105194912310021");

        assertThat(failed(r)).containsExactly("check-character");
        assertThat(r.check("check-character").orElseThrow().reason()).contains("is 1, computed X");
    }

    @Test
    void lowerCaseX_failsTheFormat_butTheOtherChecksAreStillMade() {
        CnResidentIdResult r = validator.cnResidentId("11010519491231002x");

        assertThat(failed(r)).containsExactly("format");
        assertThat(r.check("format").orElseThrow().reason()).contains("upper-case X");
        assertThat(r.check("check-character")).get().extracting(Check::passed).isEqualTo(true);
    }

    @ParameterizedTest
    @CsvSource({"1101051949123100", "1101051949123100211", "11010519491231A02X", "X1010519491231002X", "''"})
    void malformed_failsTheFormat_andNothingElseIsChecked(String text) {
        CnResidentIdResult r = validator.cnResidentId(text);

        assertThat(r.checks()).extracting(Check::name).containsExactly("format");
        assertThat(r.valid()).isFalse();
        assertThat(r.sex()).isEqualTo(Sex.UNSPECIFIED);
        assertThat(r.birthDate()).isEmpty();
    }

    @Test
    void unknownRegion_fails() {
        CnResidentIdResult r = validator.cnResidentId(withCheck("99010519491231002"));

        assertThat(failed(r)).containsExactly("region");
        assertThat(r.region()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "11010519490230002, not a calendar date",
        "11010519491331002, not a calendar date",
        "11010520300101002, in the future",
        "11010520240602002, in the future",
        "11010518491231002, before 1850"
    })
    void impossibleBirthDate_fails(String seventeen, String reason) {
        CnResidentIdResult r = validator.cnResidentId(withCheck(seventeen));

        assertThat(failed(r)).containsExactly("birth-date");
        assertThat(r.check("birth-date").orElseThrow().reason()).contains(reason);
    }

    @Test
    void birthToday_isAccepted_andLeapDayToo() {
        assertThat(validator.cnResidentId(withCheck("11010520240601002")).valid())
                .isTrue();
        assertThat(validator.cnResidentId(withCheck("11010520000229002")).valid())
                .isTrue();
        assertThat(failed(validator.cnResidentId(withCheck("11010519000229002"))))
                .containsExactly("birth-date");
    }

    @Test
    void oddSequence_isMale_evenFemale() {
        assertThat(validator.cnResidentId(withCheck("11010519491231001")).sex()).isEqualTo(Sex.MALE);
        assertThat(validator.cnResidentId(withCheck("11010519491231010")).sex()).isEqualTo(Sex.FEMALE);
    }

    /** Property: any single changed digit of an 18-character number is caught by some check. */
    @Test
    void everySingleDigitChange_isCaught() {
        String valid = "11010519491231002X";
        int changes = 0;
        for (int i = 0; i < 18; i++) {
            for (char d : "0123456789X".toCharArray()) {
                if (d == valid.charAt(i) || (d == 'X' && i < 17)) {
                    continue;
                }
                String changed = valid.substring(0, i) + d + valid.substring(i + 1);
                assertThat(validator.cnResidentId(changed).valid()).as(changed).isFalse();
                changes++;
            }
        }
        assertThat(changes).isEqualTo(17 * 9 + 10);
    }

    /** Property: MOD 11-2 alone catches every single substitution (11 is prime, no weight is 0 mod 11). */
    @Test
    void checkCharacterAlone_catchesEverySubstitution() {
        String seventeen = "11010519491231002";
        for (int i = 0; i < 17; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != seventeen.charAt(i)) {
                    String changed = seventeen.substring(0, i) + d + seventeen.substring(i + 1);
                    assertThat(CheckDigits.gb11643(changed)).as(changed).isNotEqualTo('X');
                }
            }
        }
    }

    @Test
    void toString_isMasked() {
        CnResidentIdResult r = validator.cnResidentId("11010519491231002X");

        assertThat(r.toString()).doesNotContain("11010519491231002X", "1949").contains("1****************X");
        assertThat(r.maskedNumber()).isEqualTo("1****************X");
    }

    @Test
    void nullNumber_isABadArgument() {
        assertThatThrownBy(() -> validator.cnResidentId(null))
                .isInstanceOf(DocumentException.class)
                .satisfies(e -> assertThat(((DocumentException) e).code()).isEqualTo(DocumentError.ARGUMENT_MISSING));
    }
}
