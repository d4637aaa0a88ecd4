package io.remotebank.identity.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GB 11643-1999 validation: region (GB/T 2260), birth date, sequence and sex, check character. */
final class CnResidentIds {

    /** Older than this is not a living person's birth date (the oldest recorded people were born later). */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);

    private CnResidentIds() {}

    static CnResidentIdResult validate(String input, LocalDate today, RegionCodes regions) {
        String text = input.strip();
        List<Check> checks = new ArrayList<>();
        boolean legacy = text.length() == 15;
        if (!(legacy ? text.matches("[0-9]{15}") : text.matches("[0-9]{17}[0-9Xx]"))) {
            checks.add(Check.fail("format", formatProblem(text)));
            return new CnResidentIdResult(text, false, Optional.empty(), Optional.empty(), "", Sex.UNSPECIFIED, checks);
        }
        // GB 11643-1999 clause 6: the 15-digit form of the 1984 card omits the century "19" and the check.
        String seventeen = legacy ? text.substring(0, 6) + "19" + text.substring(6, 15) : text.substring(0, 17);
        char expected = CheckDigits.gb11643(seventeen);
        String number = seventeen + (legacy ? expected : text.charAt(17));
        if (!legacy && text.charAt(17) == 'x') {
            checks.add(Check.fail("format", "the check character must be the upper-case X (GB 11643-1999 clause 7.3)"));
        } else {
            checks.add(Check.pass(
                    "format",
                    legacy
                            ? "15-digit legacy form, converted to 18 characters"
                            : "18 characters: 17 digits and a check character"));
        }

        String regionCode = number.substring(0, 6);
        Optional<RegionCode> region = regions.lookup(regionCode);
        checks.add(region.map(CnResidentIds::regionCheck)
                .orElseGet(
                        () -> Check.fail("region", "the region code is not a GB/T 2260 code, current or historical")));

        Optional<LocalDate> birth = birthDate(number.substring(6, 14), today, checks);

        String sequence = number.substring(14, 17);
        Sex sex = (sequence.charAt(2) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;

        if (!legacy) {
            char given = Character.toUpperCase(text.charAt(17));
            checks.add(
                    given == expected
                            ? Check.pass("check-character", "ISO 7064 MOD 11-2 check character matches")
                            : Check.fail(
                                    "check-character",
                                    "ISO 7064 MOD 11-2 check character is " + given + ", computed " + expected));
        }
        return new CnResidentIdResult(number, legacy, region, birth, sequence, sex, checks);
    }

    private static String formatProblem(String text) {
        if (text.length() != 15 && text.length() != 18) {
            return "expected 18 characters (or the 15-digit legacy form), got " + text.length();
        }
        return text.length() == 15
                ? "the 15-digit legacy form is all digits"
                : "expected 17 digits and a check character 0-9 or X";
    }

    private static Check regionCheck(RegionCode code) {
        return code.historical()
                ? Check.pass(
                        "region",
                        "historical GB/T 2260 code (in use " + code.firstYear().getAsInt() + "-"
                                + code.lastYear().getAsInt() + "), accepted: numbers keep their code for life")
                : Check.pass("region", "current GB/T 2260 code");
    }

    private static Optional<LocalDate> birthDate(String yyyymmdd, LocalDate today, List<Check> checks) {
        LocalDate date;
        try {
            date = LocalDate.of(
                    Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        } catch (DateTimeException e) {
            checks.add(Check.fail("birth-date", "the birth date is not a calendar date"));
            return Optional.empty();
        }
        if (date.isAfter(today)) {
            checks.add(Check.fail("birth-date", "the birth date is in the future"));
        } else if (date.isBefore(EARLIEST_BIRTH)) {
            checks.add(Check.fail("birth-date", "the birth date is before " + EARLIEST_BIRTH.getYear()));
        } else {
            checks.add(Check.pass("birth-date", "a real date, not in the future"));
        }
        return Optional.of(date);
    }
}
