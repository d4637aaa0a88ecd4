package io.remotebank.identity.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The examples of docs/rb-identity-verify.md, compiled and run. */
class GuideExamplesTest {

    @Test
    void cnResidentId() {
        // tag::cn-id[]
        DocumentValidator validator = DocumentValidator.withClock(Clock.systemUTC());
        CnResidentIdResult id = validator.cnResidentId("11010519491231002X");

        boolean ok = id.valid(); // true: region, birth date and check character all pass
        Sex sex = id.sex(); // FEMALE: the sequence code 002 is even
        String shown = id.maskedNumber(); // 1****************X
        for (Check failure : id.failures()) {
            System.out.println(
                    failure); // e.g. FAIL check-character: ISO 7064 MOD 11-2 check character is 1, computed X
        }
        // end::cn-id[]
        assertThat(ok).isTrue();
        assertThat(sex).isEqualTo(Sex.FEMALE);
        assertThat(shown).isEqualTo("1****************X");
    }

    @Test
    void hkId() {
        DocumentValidator validator = DocumentValidator.ofDefaults();
        // tag::hk-id[]
        HkIdResult printed = validator.hkId("A123456(3)"); // as printed on the card
        HkIdResult bare = validator.hkId("A1234563"); // as typed into a form
        // both valid; number() is the bare form A1234563
        // end::hk-id[]
        assertThat(printed.valid()).isTrue();
        assertThat(bare.number()).isEqualTo(printed.number());
    }

    @Test
    void mrz() {
        DocumentValidator validator = DocumentValidator.withClock(MrzTest.SPECIMEN_DAY);
        // tag::mrz[]
        MrzResult passport = validator.mrz(
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

        passport.format(); // Optional[TD3]
        passport.primaryIdentifier(); // ERIKSSON
        passport.secondaryIdentifiers(); // [ANNA, MARIA]
        passport.birthDate(); // Optional[1974-08-12]
        passport.check("composite-check-digit"); // PASS composite-check-digit: check digit 0 matches
        passport.confusables(); // e.g. [line 2 column 15 (birth-date): 'O' is probably '0']
        // end::mrz[]
        assertThat(passport.valid()).isTrue();
    }
}
