package io.remotebank.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MrzTest {

    /** The specimens expire in 1996 (visas) and 2012: validate them on a day they were valid. */
    static final Clock SPECIMEN_DAY = Clock.fixed(Instant.parse("1995-06-01T00:00:00Z"), ZoneOffset.UTC);

    private final DocumentValidator validator = DocumentValidator.withClock(SPECIMEN_DAY);

    // ICAO Doc 9303, 8th edition: the specimen of Part 4 Appendix A (TD3 passport of "Utopia").
    static final String[] TD3 = {
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
    };
    // Part 6 Appendix A (TD2).
    static final String[] TD2 = {"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"};
    // Part 5 Appendix A (TD1).
    static final String[] TD1 = {
        "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
    };
    // Part 5 clause 4.2.4 / Appendix: a document number longer than nine characters (D23145890734).
    static final String[] TD1_LONG = {
        "I<UTOD23145890<7349<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"
    };
    // Part 7 Appendix A: MRV-A and MRV-B visas.
    static final String[] MRV_A = {
        "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"
    };
    static final String[] MRV_B = {"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"};
    // Hand-made TD2 with the long-number rule of Part 6 clause 4.2.4: AB1234567890, check digit 4.
    static final String[] TD2_LONG = {"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "AB1234567<UTO7408122F12041598904<<<2"};

    static Stream<Arguments> specimens() {
        return Stream.of(
                Arguments.of(TD3, MrzFormat.TD3, "P<", "L898902C3", "UTO", "1974-08-12", "2012-04-15", "ZE184226B", ""),
                Arguments.of(TD2, MrzFormat.TD2, "I<", "D23145890", "UTO", "1974-08-12", "2012-04-15", "", ""),
                Arguments.of(TD1, MrzFormat.TD1, "I<", "D23145890", "UTO", "1974-08-12", "2012-04-15", "", ""),
                Arguments.of(TD1_LONG, MrzFormat.TD1, "I<", "D23145890734", "UTO", "1974-08-12", "2012-04-15", "", ""),
                Arguments.of(
                        MRV_A, MrzFormat.MRV_A, "V<", "L8988901C", "XXX", "1940-09-07", "1996-12-10", "6ZE184226B", ""),
                Arguments.of(MRV_B, MrzFormat.MRV_B, "V<", "L8988901C", "XXX", "1940-09-07", "1996-12-10", "", ""),
                Arguments.of(TD2_LONG, MrzFormat.TD2, "I<", "AB1234567890", "UTO", "1974-08-12", "2012-04-15", "", ""));
    }

    @ParameterizedTest
    @MethodSource("specimens")
    void icaoSpecimens_areValid_withEveryField(
            String[] lines,
            MrzFormat format,
            String code,
            String number,
            String nationality,
            LocalDate birth,
            LocalDate expiry,
            String optional,
            String optional2) {
        MrzResult r = validator.mrz(lines);

        assertThat(r.valid()).as(r.failures().toString()).isTrue();
        assertThat(r.format()).contains(format);
        assertThat(r.documentCode()).isEqualTo(code);
        assertThat(r.issuingState()).isEqualTo("UTO");
        assertThat(r.primaryIdentifier()).isEqualTo("ERIKSSON");
        assertThat(r.secondaryIdentifiers()).containsExactly("ANNA", "MARIA");
        assertThat(r.nameTruncated()).isFalse();
        assertThat(r.documentNumber()).isEqualTo(number);
        assertThat(r.nationality()).isEqualTo(nationality);
        assertThat(r.birthDate()).contains(birth);
        assertThat(r.sex()).isEqualTo(Sex.FEMALE);
        assertThat(r.expiryDate()).contains(expiry);
        assertThat(r.optionalData()).isEqualTo(optional);
        assertThat(r.optionalData2()).isEqualTo(optional2);
        assertThat(r.confusables()).isEmpty();
    }

    @Test
    void td3_checksEveryCheckDigitIncludingTheComposite() {
        assertThat(validator.mrz(TD3).checks())
                .extracting(Check::name)
                .containsExactly(
                        "layout",
                        "characters",
                        "document-code",
                        "issuing-state",
                        "name",
                        "document-number",
                        "document-number-check-digit",
                        "nationality",
                        "birth-date",
                        "birth-date-check-digit",
                        "sex",
                        "expiry-date",
                        "expiry-date-check-digit",
                        "not-expired",
                        "optional-data-check-digit",
                        "composite-check-digit");
    }

    @Test
    void visas_haveNoCompositeCheckDigit() {
        assertThat(validator.mrz(MRV_A).check("composite-check-digit")).isEmpty();
        assertThat(validator.mrz(MRV_B).check("composite-check-digit")).isEmpty();
        assertThat(validator.mrz(TD2).check("composite-check-digit")).isPresent();
        assertThat(validator.mrz(TD1).check("composite-check-digit")).isPresent();
    }

    private static String[] change(String[] lines, int line, int column, char c) {
        String[] copy = lines.clone();
        copy[line] = copy[line].substring(0, column) + c + copy[line].substring(column + 1);
        return copy;
    }

    private List<String> failed(String... lines) {
        return validator.mrz(lines).failures().stream().map(Check::name).toList();
    }

    @Test
    void eachCheckDigit_whenWrong_failsItselfAndTheComposite() {
        assertThat(failed(change(TD3, 1, 9, '5')))
                .containsExactly("document-number-check-digit", "composite-check-digit");
        assertThat(failed(change(TD3, 1, 19, '3'))).containsExactly("birth-date-check-digit", "composite-check-digit");
        assertThat(failed(change(TD3, 1, 27, '8'))).containsExactly("expiry-date-check-digit", "composite-check-digit");
        assertThat(failed(change(TD3, 1, 42, '2')))
                .containsExactly("optional-data-check-digit", "composite-check-digit");
        assertThat(failed(change(TD3, 1, 43, '1'))).containsExactly("composite-check-digit");
        assertThat(failed(change(TD1, 1, 29, '7'))).containsExactly("composite-check-digit");
        assertThat(failed(change(TD2, 1, 35, '7'))).containsExactly("composite-check-digit");
    }

    @Test
    void checkDigitReason_namesFoundAndComputed() {
        MrzResult r = validator.mrz(change(TD3, 1, 9, '5'));

        assertThat(r.check("document-number-check-digit").orElseThrow().reason())
                .isEqualTo("check digit is 5, computed 6");
    }

    @Test
    void letterOInADate_isReportedAsConfusable_notChanged() {
        MrzResult r = validator.mrz(change(TD3, 1, 14, 'O'));

        assertThat(r.confusables()).containsExactly(new Confusable(2, 15, "birth-date", 'O', '0'));
        assertThat(r.failures()).extracting(Check::name).contains("birth-date");
        assertThat(r.birthDate()).isEmpty();
    }

    @Test
    void letterOInACheckDigit_isReportedAsConfusable() {
        MrzResult r = validator.mrz(change(TD3, 1, 43, 'O'));

        assertThat(r.confusables()).containsExactly(new Confusable(2, 44, "composite-check-digit", 'O', '0'));
        assertThat(r.check("composite-check-digit").orElseThrow().passed()).isFalse();
    }

    @Test
    void digitOneInAName_isReportedAsConfusable_andFailsTheName() {
        MrzResult r = validator.mrz(change(TD3, 0, 7, '1'));

        assertThat(r.confusables()).containsExactly(new Confusable(1, 8, "name", '1', 'I'));
        assertThat(r.failures()).extracting(Check::name).containsExactly("name");
    }

    @Test
    void digitZeroInNationality_isReportedAsConfusable() {
        MrzResult r = validator.mrz(change(TD3, 1, 11, '0'));

        assertThat(r.confusables())
                .extracting(Confusable::field, Confusable::suggested)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nationality", 'O'));
        assertThat(r.failures())
                .extracting(Check::name)
                .containsExactly("nationality"); // the composite does not cover it
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"UTO", "CHN", "HKG", "D<<", "XXA", "UNO", "GBN", "EUE"})
    void stateCodesOfIcao9303Part3Section5_pass(String code) {
        MrzResult r = validator.mrz(new String[] {TD3[0].substring(0, 2) + code + TD3[0].substring(5), TD3[1]});

        assertThat(r.check("issuing-state").orElseThrow().passed()).isTrue();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"HNC", "QQQ", "UT<", "ZZ<"})
    void lettersThatAreNoStateCode_failTheIssuingState(String code) {
        // "HNC": CHN read with its first character lost and the line shifted (PCHNCHEN<<...); no
        // check digit covers line 1, so only the code shows it.
        MrzResult r = validator.mrz(new String[] {TD3[0].substring(0, 2) + code + TD3[0].substring(5), TD3[1]});

        assertThat(r.failures()).extracting(Check::name).containsExactly("issuing-state");
        assertThat(r.check("issuing-state").orElseThrow().reason())
                .contains("not a state or organisation code of ICAO 9303 Part 3 section 5");
    }

    @Test
    void invalidDate_fails() {
        // 741312: month 13. Check digits recomputed so that only the date is wrong.
        String[] lines = {TD3[0], "L898902C36UTO7413128F1204159ZE184226B<<<<<10"};
        MrzResult r = validator.mrz(lines);

        assertThat(r.check("birth-date").orElseThrow().reason()).isEqualTo("not a calendar date");
        assertThat(r.check("birth-date-check-digit").orElseThrow().passed()).isTrue();
    }

    @Test
    void expiredDocument_failsNotExpired() {
        MrzResult r = DocumentValidator.withClock(Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC))
                .mrz(TD3);

        assertThat(r.failures()).extracting(Check::name).containsExactly("not-expired");
        assertThat(r.expiryDate()).contains(LocalDate.of(2012, 4, 15));
    }

    @Test
    void birthCentury_isTheLatestNotInTheFuture() {
        DocumentValidator in2030 =
                DocumentValidator.withClock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));

        // 1974 stays 1974 even though 2074 would be "closer"; expiry 12 in 2030 is 2012.
        assertThat(in2030.mrz(TD3).birthDate()).contains(LocalDate.of(1974, 8, 12));
        assertThat(in2030.mrz(TD3).expiryDate()).contains(LocalDate.of(2012, 4, 15));
    }

    @Test
    void unknownBirthDay_withFillers_isAccepted() {
        // 7408<< : day unknown; check digits recomputed for the changed field.
        String[] lines = {TD3[0], "L898902C36UTO7408<<7F1204159ZE184226B<<<<<10"};
        MrzResult r = validator.mrz(lines);

        assertThat(r.valid()).as(r.failures().toString()).isTrue();
        assertThat(r.birthDate()).isEmpty();
    }

    @Test
    void badSex_fails_andXIsUnspecified() {
        assertThat(failed(change(TD3, 1, 20, 'Q'))).contains("sex");
        MrzResult x = validator.mrz(change(TD3, 1, 20, 'X'));
        assertThat(x.check("sex").orElseThrow().passed()).isTrue();
        assertThat(x.sex()).isEqualTo(Sex.UNSPECIFIED);
    }

    @Test
    void wrongDocumentCode_fails() {
        assertThat(failed(change(TD3, 0, 0, 'I'))).containsExactly("document-code");
        assertThat(failed(change(TD1, 0, 1, 'V'))).containsExactly("document-code");
        assertThat(failed(change(TD2, 0, 0, 'P'))).containsExactly("document-code");
    }

    @Test
    void wrongLayout_isReportedWithTheLengthsFound() {
        MrzResult r = validator.mrz(TD3[0], TD3[1].substring(1));

        assertThat(r.checks()).extracting(Check::name).containsExactly("layout");
        assertThat(r.check("layout").orElseThrow().reason()).contains("[44, 43]");
        assertThat(r.format()).isEmpty();
        assertThat(validator.mrz(List.of()).valid()).isFalse();
        assertThat(validator.mrz(TD1[0], TD1[1]).format()).isEmpty();
    }

    @Test
    void lowerCaseAndSpaces_failTheCharacterCheck_withoutBeingChanged() {
        MrzResult r = validator.mrz(TD3[0].toLowerCase(java.util.Locale.ROOT), TD3[1].replace('<', ' '));

        assertThat(r.check("characters").orElseThrow().reason()).contains("line 1 column 1");
        assertThat(r.valid()).isFalse();
    }

    @Test
    void longNumberAnnounced_butNotContinued_fails() {
        String[] lines = {"I<UTOD23145890<<<<<<<<<<<<<<<<", TD1[1], TD1[2]};

        assertThat(failed(lines)).contains("document-number");
    }

    @Test
    void emptyDocumentNumber_fails() {
        String[] lines = {TD3[0], "<<<<<<<<<0UTO7408122F1204159ZE184226B<<<<<12"};

        assertThat(failed(lines)).contains("document-number");
    }

    @Test
    void emptyPersonalNumber_mayHaveAFillerAsCheckDigit() {
        String[] lines = {TD3[0], "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8"};
        MrzResult r = validator.mrz(lines);

        assertThat(r.check("optional-data-check-digit").orElseThrow().passed()).isTrue();
        assertThat(r.optionalData()).isEmpty();
    }

    @Test
    void nameFillingItsField_isFlaggedAsPossiblyTruncated() {
        String[] lines = {"I<UTOD231458907<<<<<<<<<<<<<<<", TD1[1], "ERIKSSON<<ANNA<MARIA<ELISABETH"};
        MrzResult r = validator.mrz(lines);

        assertThat(r.nameTruncated()).isTrue();
        assertThat(r.secondaryIdentifiers()).containsExactly("ANNA", "MARIA", "ELISABETH");
        assertThat(r.check("name").orElseThrow().reason()).contains("may be truncated");
    }

    @Test
    void emptyPrimaryIdentifier_fails() {
        String[] lines = {"P<UTO<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<<<<<<<<", TD3[1]};

        assertThat(failed(lines)).containsExactly("name");
    }

    @Test
    void expiryBeforeBirth_fails() {
        // expiry 700101 (1970) before birth 1974; check digits recomputed.
        String[] lines = {TD3[0], "L898902C36UTO7408122F7001017ZE184226B<<<<<18"};

        assertThat(validator.mrz(lines).check("expiry-date").orElseThrow().reason())
                .contains("before the birth date");
    }

    @Test
    void toString_isMasked() {
        String text = validator.mrz(TD3).toString();

        assertThat(text).doesNotContain("ERIKSSON", "L898902C3", "1974").contains("E*******", "L*******3");
    }

    @Test
    void nullLines_areBadArguments() {
        assertThatThrownBy(() -> validator.mrz((List<String>) null)).isInstanceOf(DocumentException.class);
        assertThatThrownBy(() -> validator.mrz(TD3[0], null))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("line 2");
        assertThat(Arrays.asList(TD3)).hasSize(2);
    }
}
