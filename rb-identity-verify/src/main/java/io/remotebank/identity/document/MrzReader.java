package io.remotebank.identity.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one ICAO 9303 machine-readable zone (Doc 9303, 8th edition: Part 3 common rules, Parts 4-7
 * layouts). Positions in comments are 1-based, as in the standard; code is 0-based.
 */
final class MrzReader {

    /** Letters OCR-B is often misread as, where a digit belongs (9303 Part 3 uses OCR-B). */
    private static final Map<Character, Character> LETTER_FOR_DIGIT =
            Map.of('O', '0', 'Q', '0', 'D', '0', 'I', '1', 'L', '1', 'Z', '2', 'S', '5', 'G', '6', 'B', '8');

    /** Digits OCR-B is often misread as, where a letter belongs. */
    private static final Map<Character, Character> DIGIT_FOR_LETTER =
            Map.of('0', 'O', '1', 'I', '2', 'Z', '5', 'S', '6', 'G', '8', 'B');

    private final List<String> lines;
    private final LocalDate today;
    private final List<Check> checks = new ArrayList<>();
    private final List<Confusable> confusables = new ArrayList<>();

    private MrzReader(List<String> lines, LocalDate today) {
        this.lines = lines;
        this.today = today;
    }

    static MrzResult read(List<String> lines, LocalDate today) {
        return new MrzReader(lines, today).read();
    }

    private MrzResult read() {
        Optional<MrzFormat> layout = layout();
        if (layout.isEmpty()) {
            return new MrzResult(
                    layout,
                    "",
                    "",
                    "",
                    List.of(),
                    false,
                    "",
                    "",
                    Optional.empty(),
                    Sex.UNSPECIFIED,
                    Optional.empty(),
                    "",
                    "",
                    checks,
                    confusables);
        }
        MrzFormat format = layout.get();
        checks.add(Check.pass("layout", format.name() + ": " + format.lines() + " lines of " + format.length()));
        characters();
        return format == MrzFormat.TD1 ? td1() : twoLines(format);
    }

    private Optional<MrzFormat> layout() {
        int count = lines.size();
        if (count == 3 && lines.stream().allMatch(l -> l.length() == 30)) {
            return Optional.of(MrzFormat.TD1);
        }
        if (count == 2 && lines.get(0).length() == lines.get(1).length()) {
            boolean visa = lines.get(0).startsWith("V");
            if (lines.get(0).length() == 36) {
                return Optional.of(visa ? MrzFormat.MRV_B : MrzFormat.TD2);
            }
            if (lines.get(0).length() == 44) {
                return Optional.of(visa ? MrzFormat.MRV_A : MrzFormat.TD3);
            }
        }
        int[] lengths = lines.stream().mapToInt(String::length).toArray();
        checks.add(Check.fail(
                "layout",
                "expected 3 lines of 30 characters (TD1), or 2 lines of 36 (TD2, MRV-B) or 44 (TD3, MRV-A); got "
                        + count + " line(s) of " + Arrays.toString(lengths) + " characters"));
        return Optional.empty();
    }

    /** 9303 Part 3 clause 4.3: an MRZ holds A-Z, 0-9 and the filler only. */
    private void characters() {
        List<String> bad = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l);
            for (int i = 0; i < line.length(); i++) {
                if (CheckDigits.icaoValue(line.charAt(i)) < 0 && bad.size() < 3) {
                    bad.add("line " + (l + 1) + " column " + (i + 1));
                }
            }
        }
        checks.add(
                bad.isEmpty()
                        ? Check.pass("characters", "only A-Z, 0-9 and the filler <")
                        : Check.fail(
                                "characters",
                                "not an MRZ character (only A-Z, 0-9 and <; lower case and spaces are not allowed) at "
                                        + String.join(", ", bad)));
    }

    /** TD1 (9303 Part 5 clause 4.2). */
    private MrzResult td1() {
        String l1 = lines.get(0);
        String l2 = lines.get(1);
        String code = documentCode(MrzFormat.TD1);
        String state = country("issuing-state", 0, 2);
        Name name = name(2, 0, 30);
        Number number = number(0, 5, 14, 15, 30, true);
        String nationality = country("nationality", 1, 15);
        Optional<LocalDate> birth = date("birth-date", 1, 0, true);
        checkDigit("birth-date-check-digit", l2.substring(0, 6), 1, 6, false);
        Sex sex = sex(1, 7);
        Optional<LocalDate> expiry = expiry(1, 8, birth);
        String optional2 = trimFillers(l2.substring(18, 29));
        // Part 5 clause 4.2.2: the composite covers upper line 6-30 and middle line 1-7, 9-15, 19-29.
        checkDigit(
                "composite-check-digit",
                l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29),
                1,
                29,
                false);
        return result(
                MrzFormat.TD1,
                code,
                state,
                name,
                number,
                nationality,
                birth,
                sex,
                expiry,
                number.optionalData,
                optional2);
    }

    /** TD3 (Part 4 clause 4.2.2), TD2 (Part 6 clause 4.2.2), MRV-A and MRV-B (Part 7 clauses 4.2 and 5.2). */
    private MrzResult twoLines(MrzFormat format) {
        String l2 = lines.get(1);
        int length = format.length();
        String code = documentCode(format);
        String state = country("issuing-state", 0, 2);
        Name name = name(0, 5, length);
        int optionalEnd = switch (format) {
            case TD3 -> 42;
            case TD2 -> 35;
            default -> length;
        };
        Number number = number(1, 0, 9, 28, optionalEnd, format == MrzFormat.TD2);
        String nationality = country("nationality", 1, 10);
        Optional<LocalDate> birth = date("birth-date", 1, 13, true);
        checkDigit("birth-date-check-digit", l2.substring(13, 19), 1, 19, false);
        Sex sex = sex(1, 20);
        Optional<LocalDate> expiry = expiry(1, 21, birth);
        if (format == MrzFormat.TD3) {
            // Part 4 clause 4.2.2 note: an unused personal number may have < (or 0) as its check digit.
            checkDigit("optional-data-check-digit", l2.substring(28, 42), 1, 42, true);
        }
        if (format == MrzFormat.TD3 || format == MrzFormat.TD2) {
            // The composite covers positions 1-10, 14-20 and 22 up to the composite digit itself.
            checkDigit(
                    "composite-check-digit",
                    l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, length - 1),
                    1,
                    length - 1,
                    false);
        }
        return result(format, code, state, name, number, nationality, birth, sex, expiry, number.optionalData, "");
    }

    private MrzResult result(
            MrzFormat format,
            String code,
            String state,
            Name name,
            Number number,
            String nationality,
            Optional<LocalDate> birth,
            Sex sex,
            Optional<LocalDate> expiry,
            String optional,
            String optional2) {
        return new MrzResult(
                Optional.of(format),
                code,
                state,
                name.primary,
                name.secondary,
                name.truncated,
                number.value,
                nationality,
                birth,
                sex,
                expiry,
                optional,
                optional2,
                checks,
                confusables);
    }

    /** Part 4 clause 4.2.2 (P), Part 5/6 (A, C, I; not V), Part 7 (V); the second character is a letter or <. */
    private String documentCode(MrzFormat format) {
        String code = lines.get(0).substring(0, 2);
        char first = code.charAt(0);
        char second = code.charAt(1);
        String allowed = switch (format) {
            case TD3 -> "P";
            case MRV_A, MRV_B -> "V";
            default -> "ACI";
        };
        boolean secondOk = (second >= 'A' && second <= 'Z') || second == '<';
        if (allowed.indexOf(first) < 0) {
            checks.add(Check.fail(
                    "document-code",
                    format.name() + " document codes start with one of " + allowed + ", got " + first));
        } else if (!secondOk) {
            checks.add(Check.fail("document-code", "the second character is a letter or <"));
        } else if ((format == MrzFormat.TD1 || format == MrzFormat.TD2) && second == 'V') {
            checks.add(Check.fail("document-code", "V may not be the second character of a TD1 or TD2 document code"));
        } else {
            checks.add(Check.pass("document-code", "valid " + format.name() + " document code"));
        }
        return code;
    }

    /**
     * The codes ICAO 9303 Part 3 section 5 allows for a state or nationality: ISO 3166-1 alpha-3 (as
     * the JDK knows them), Germany's D, the United Kingdom's five nationality codes, the United
     * Nations' and other organisations' codes, the European Union's EUE, RKS for Kosovo, UTO (the
     * fictitious state of ICAO's specimens), and the four codes of persons without a state's
     * nationality: XX followed by A (stateless, 1954 convention), B (refugee, 1951 convention), C
     * (refugee, other) or X (nationality unspecified).
     */
    private static final Set<String> STATE_CODES = Stream.of(
                    Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).stream(),
                    Stream.of(
                            "D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XBA", "XIM", "XCC", "XCE",
                            "XCO", "XEC", "XPO", "XES", "XMP", "XOM", "XDC", "EUE", "RKS", "UTO"),
                    "ABCX".chars().mapToObj(c -> "XX" + (char) c))
            .flatMap(codes -> codes)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * A state code filled with <, one of {@link #STATE_CODES}: a misread code (a character gained or
     * lost before it shifts the line) is caught here, since no check digit covers it.
     */
    private String country(String field, int line, int start) {
        String raw = lines.get(line).substring(start, start + 3);
        alphaConfusables(field, line, start, start + 3);
        String code = trimFillers(raw);
        if (!raw.matches("[A-Z]{1,3}<*")) {
            checks.add(Check.fail(field, "expected one to three letters filled with <"));
        } else if (!STATE_CODES.contains(code)) {
            checks.add(Check.fail(field, code + " is not a state or organisation code of ICAO 9303 Part 3 section 5"));
        } else {
            checks.add(Check.pass(field, "the code " + code));
        }
        return code;
    }

    private Name name(int line, int start, int end) {
        String raw = lines.get(line).substring(start, end);
        alphaConfusables("name", line, start, end);
        String text = trimFillers(raw);
        int separator = text.indexOf("<<");
        String primary = (separator < 0 ? text : text.substring(0, separator)).replace('<', ' ');
        List<String> secondary = new ArrayList<>();
        if (separator >= 0) {
            for (String part : text.substring(separator + 2).split("<")) {
                if (!part.isEmpty()) {
                    secondary.add(part);
                }
            }
        }
        boolean truncated = raw.charAt(raw.length() - 1) != '<';
        if (!raw.matches("[A-Z<]+")) {
            checks.add(Check.fail("name", "a name holds letters and < only"));
        } else if (primary.isBlank()) {
            checks.add(Check.fail("name", "the primary identifier is empty"));
        } else {
            checks.add(Check.pass(
                    "name",
                    secondary.size() + " given name(s)"
                            + (truncated ? "; the name fills its field and may be truncated" : "")));
        }
        return new Name(primary.strip(), secondary, truncated);
    }

    /**
     * The document number and its check digit, with the long-number rule of Part 5 clause 4.2.4 and
     * Part 6 clause 4.2.4: a filler in the check digit position means the number continues at the
     * start of the optional data, followed by its check digit and a filler.
     */
    private Number number(int line, int start, int checkAt, int optionalStart, int optionalEnd, boolean longAllowed) {
        String text = lines.get(line);
        String field = text.substring(start, checkAt);
        String optional = text.substring(optionalStart, optionalEnd);
        if (longAllowed && text.charAt(checkAt) == '<' && field.indexOf('<') < 0) {
            int end = optional.indexOf('<');
            end = end < 0 ? optional.length() : end;
            if (end < 2) {
                checks.add(Check.fail(
                        "document-number",
                        "a long document number is announced (filler in the check digit position) but the optional"
                                + " data does not continue it"));
                return new Number(field, trimFillers(optional));
            }
            String number = field + optional.substring(0, end - 1);
            checks.add(Check.pass("document-number", "long document number of " + number.length() + " characters"));
            checkDigit("document-number-check-digit", number, line, optionalStart + end - 1, false);
            return new Number(number, trimFillers(optional.substring(Math.min(end + 1, optional.length()))));
        }
        String number = trimFillers(field);
        if (number.isEmpty()) {
            checks.add(Check.fail("document-number", "the document number is empty"));
        } else if (!number.matches("[A-Z0-9<]+")) {
            checks.add(Check.fail("document-number", "a document number holds A-Z, 0-9 and < only"));
        } else {
            checks.add(Check.pass("document-number", number.length() + " characters"));
        }
        checkDigit("document-number-check-digit", field, line, checkAt, false);
        return new Number(number, trimFillers(optional));
    }

    /**
     * A YYMMDD date (Part 3 clause 4.6.4). Birth: the latest century that is not in the future, and
     * fillers for an unknown day, month or year are allowed. Expiry: the century that puts it within
     * 50 years of today.
     */
    private Optional<LocalDate> date(String field, int line, int start, boolean birth) {
        String raw = lines.get(line).substring(start, start + 6);
        if (birth && raw.matches("[0-9]{4}<<|[0-9]{2}<{4}|<{6}")) {
            checks.add(Check.pass(field, "partly or wholly unknown (fillers)"));
            return Optional.empty();
        }
        if (!raw.matches("[0-9]{6}")) {
            numericConfusables(field, line, start, start + 6);
            checks.add(Check.fail(field, "expected six digits YYMMDD"));
            return Optional.empty();
        }
        int yy = Integer.parseInt(raw.substring(0, 2));
        int mm = Integer.parseInt(raw.substring(2, 4));
        int dd = Integer.parseInt(raw.substring(4, 6));
        int century = today.getYear() / 100 * 100;
        List<Integer> years = new ArrayList<>();
        if (birth) {
            years.add(century + yy);
            years.add(century - 100 + yy);
        } else {
            for (int y : new int[] {century - 100 + yy, century + yy, century + 100 + yy}) {
                if (y >= today.getYear() - 50 && y < today.getYear() + 50) {
                    years.add(y);
                }
            }
        }
        for (int year : years) {
            LocalDate date;
            try {
                date = LocalDate.of(year, mm, dd);
            } catch (DateTimeException e) {
                continue;
            }
            if (birth && date.isAfter(today)) {
                continue;
            }
            checks.add(Check.pass(field, "a calendar date"));
            return Optional.of(date);
        }
        checks.add(Check.fail(field, "not a calendar date"));
        return Optional.empty();
    }

    private Optional<LocalDate> expiry(int line, int start, Optional<LocalDate> birth) {
        Optional<LocalDate> expiry = date("expiry-date", line, start, false);
        if (expiry.isPresent() && birth.isPresent() && expiry.get().isBefore(birth.get())) {
            checks.set(checks.size() - 1, Check.fail("expiry-date", "the expiry date is before the birth date"));
        }
        checkDigit("expiry-date-check-digit", lines.get(line).substring(start, start + 6), line, start + 6, false);
        expiry.ifPresent(date -> checks.add(
                date.isBefore(today)
                        ? Check.fail("not-expired", "the document has expired")
                        : Check.pass("not-expired", "valid until its expiry date")));
        return expiry;
    }

    /** Part 4 clause 4.2.2: F, M, or < for unspecified; X is accepted as unspecified too. */
    private Sex sex(int line, int at) {
        char c = lines.get(line).charAt(at);
        switch (c) {
            case 'M' -> {
                checks.add(Check.pass("sex", "M"));
                return Sex.MALE;
            }
            case 'F' -> {
                checks.add(Check.pass("sex", "F"));
                return Sex.FEMALE;
            }
            case '<', 'X' -> {
                checks.add(Check.pass("sex", "unspecified (" + c + ")"));
                return Sex.UNSPECIFIED;
            }
            default -> {
                checks.add(Check.fail("sex", "expected M, F, < or X"));
                return Sex.UNSPECIFIED;
            }
        }
    }

    /** Part 3 clause 4.9: the 7-3-1 check digit over {@code data}, found at ({@code line}, {@code at}). */
    private void checkDigit(String name, String data, int line, int at, boolean fillerWhenEmpty) {
        char found = lines.get(line).charAt(at);
        int expected = CheckDigits.icao(data);
        if (expected < 0) {
            checks.add(Check.fail(name, "cannot be computed: the field holds characters that are not MRZ characters"));
        } else if (fillerWhenEmpty && found == '<' && data.chars().allMatch(c -> c == '<')) {
            checks.add(Check.pass(name, "the field is empty and so is its check digit"));
        } else if (found < '0' || found > '9') {
            numericConfusables(name, line, at, at + 1);
            checks.add(Check.fail(
                    name, "the check digit position holds '" + found + "', not a digit; computed " + expected));
        } else if (found - '0' != expected) {
            checks.add(Check.fail(name, "check digit is " + found + ", computed " + expected));
        } else {
            checks.add(Check.pass(name, "check digit " + found + " matches"));
        }
    }

    private void numericConfusables(String field, int line, int start, int end) {
        String text = lines.get(line);
        for (int i = start; i < end; i++) {
            Character digit = LETTER_FOR_DIGIT.get(text.charAt(i));
            if (digit != null) {
                confusables.add(new Confusable(line + 1, i + 1, field, text.charAt(i), digit));
            }
        }
    }

    private void alphaConfusables(String field, int line, int start, int end) {
        String text = lines.get(line);
        for (int i = start; i < end; i++) {
            Character letter = DIGIT_FOR_LETTER.get(text.charAt(i));
            if (letter != null) {
                confusables.add(new Confusable(line + 1, i + 1, field, text.charAt(i), letter));
            }
        }
    }

    private static String trimFillers(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '<') {
            end--;
        }
        return text.substring(0, end);
    }

    private record Name(String primary, List<String> secondary, boolean truncated) {}

    private record Number(String value, String optionalData) {}
}
