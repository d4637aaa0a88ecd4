package io.remotebank.identity.tesseract.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Finds the machine-readable zone in what an OCR engine printed and corrects it by the zone's own
 * rules (ICAO 9303 Part 3 clause 4: the character set; Parts 4-6: which position holds digits, which
 * letters; clause 4.9: the 7-3-1 check digits). Nothing is guessed beyond those rules: a letter in a
 * field of digits becomes the digit it resembles, a digit in a field of letters the letter, and a
 * document number or optional data whose check digit fails is repaired only when exactly one
 * confusable substitution makes it hold, and only where one substitution is a credible account of
 * the error (see {@link #repair}). Every change is reported.
 */
@API(status = INTERNAL, since = "0.1")
public final class MrzText {

    /** A zone as read and corrected. */
    @API(status = INTERNAL, since = "0.1")
    public record Reading(List<String> rawLines, List<String> lines, List<String> corrections) {}

    // Field kinds per position: D digit, A letter, M letter or digit (mixed), N name (letters), S sex, '<' any.
    private static final String TD3_1 = "AAAAA" + "N".repeat(39);
    private static final String TD3_2 = "MMMMMMMMMDAAADDDDDDDSDDDDDDDMMMMMMMMMMMMMMDD";
    private static final String TD2_1 = "AAAAA" + "N".repeat(31);
    private static final String TD2_2 = "MMMMMMMMMDAAADDDDDDDSDDDDDDDMMMMMMMD";
    private static final String TD1_1 = "AAAAAMMMMMMMMMDMMMMMMMMMMMMMMM";
    private static final String TD1_2 = "DDDDDDDSDDDDDDDAAAMMMMMMMMMMMD";
    private static final String TD1_3 = "N".repeat(30);

    private static final Map<Character, Character> TO_DIGIT = Map.ofEntries(
            Map.entry('O', '0'),
            Map.entry('Q', '0'),
            Map.entry('D', '0'),
            Map.entry('U', '0'),
            Map.entry('I', '1'),
            Map.entry('L', '1'),
            Map.entry('T', '1'),
            Map.entry('Z', '2'),
            Map.entry('E', '3'),
            Map.entry('A', '4'),
            Map.entry('S', '5'),
            Map.entry('G', '6'),
            Map.entry('B', '8'));
    private static final Map<Character, Character> TO_LETTER = Map.ofEntries(
            Map.entry('0', 'O'),
            Map.entry('1', 'I'),
            Map.entry('2', 'Z'),
            Map.entry('4', 'A'),
            Map.entry('5', 'S'),
            Map.entry('6', 'G'),
            Map.entry('8', 'B'));
    // Pairs OCR confuses both ways, tried in letter-or-digit fields when a check digit fails.
    private static final Map<Character, String> SWAPS = Map.ofEntries(
            Map.entry('O', "0DQ"),
            Map.entry('0', "OD"),
            Map.entry('D', "0O"),
            Map.entry('Q', "0O"),
            Map.entry('I', "1T"),
            Map.entry('1', "IT"),
            Map.entry('T', "1I"),
            Map.entry('S', "5"),
            Map.entry('5', "S"),
            Map.entry('B', "8"),
            Map.entry('8', "B"),
            Map.entry('Z', "2"),
            Map.entry('2', "Z"),
            Map.entry('G', "6"),
            Map.entry('6', "G"));

    private MrzText() {}

    /**
     * The zone in an OCR engine's text: the last run of two lines of 44 (TD3) or 36 (TD2), or three
     * of 30 (TD1), after spaces are removed and a line a few fillers off its length is fitted.
     *
     * @param text what the engine printed
     * @return the zone, corrected; empty when there is none
     */
    public static Optional<Reading> find(String text) {
        List<String> candidates = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String compact =
                    line.replaceAll("\\s+", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9<]", "<");
            if (compact.length() >= 12 && compact.chars().filter(c -> c == '<').count() >= 2) {
                candidates.add(compact);
            }
        }
        for (int end = candidates.size(); end >= 2; end--) {
            Optional<Reading> r = layout(candidates.subList(Math.max(0, end - 3), end));
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static Optional<Reading> layout(List<String> tail) {
        if (tail.size() == 3) {
            List<String> td1 = fit(tail, 30);
            if (td1 != null) {
                return Optional.of(correct(tail, td1, List.of(TD1_1, TD1_2, TD1_3)));
            }
        }
        List<String> two = tail.subList(tail.size() - 2, tail.size());
        List<String> td3 = fit(two, 44);
        if (td3 != null) {
            return Optional.of(correct(two, td3, List.of(TD3_1, TD3_2)));
        }
        List<String> td2 = fit(two, 36);
        if (td2 != null) {
            return Optional.of(correct(two, td2, List.of(TD2_1, TD2_2)));
        }
        return Optional.empty();
    }

    /** Fits each line to the length by adding or removing fillers in its longest filler run, up to 3. */
    private static List<String> fit(List<String> lines, int length) {
        List<String> fitted = new ArrayList<>();
        for (String line : lines) {
            int diff = length - line.length();
            // A few fillers too many or too few anywhere; a trailing run of fillers cut short by any
            // number (noise or a crop makes the engine stop early in a long run of '<').
            boolean trailing = diff > 0 && line.endsWith("<<");
            if (Math.abs(diff) > 3 && !trailing) {
                return null;
            }
            if (trailing && diff > 3) {
                fitted.add(line + "<".repeat(diff));
                continue;
            }
            String f = line;
            if (diff != 0) {
                int[] run = longestFillerRun(line);
                if (run[1] - run[0] < Math.max(1, -diff)) {
                    return null;
                }
                f = diff > 0
                        ? line.substring(0, run[1]) + "<".repeat(diff) + line.substring(run[1])
                        : line.substring(0, run[0]) + line.substring(run[0] - diff);
            }
            fitted.add(f);
        }
        return fitted;
    }

    private static int[] longestFillerRun(String line) {
        int bestStart = 0;
        int bestEnd = 0;
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == '<') {
                int j = i;
                while (j < line.length() && line.charAt(j) == '<') {
                    j++;
                }
                if (j - i > bestEnd - bestStart) {
                    bestStart = i;
                    bestEnd = j;
                }
                i = j;
            } else {
                i++;
            }
        }
        return new int[] {bestStart, bestEnd};
    }

    private static Reading correct(List<String> raw, List<String> fitted, List<String> kinds) {
        List<String> corrections = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int l = 0; l < fitted.size(); l++) {
            char[] c = fitted.get(l).toCharArray();
            String kind = kinds.get(l);
            for (int i = 0; i < c.length; i++) {
                char k = kind.charAt(i);
                Character fixed = null;
                if (k == 'D' && TO_DIGIT.containsKey(c[i])) {
                    fixed = TO_DIGIT.get(c[i]);
                } else if ((k == 'A' || k == 'N') && TO_LETTER.containsKey(c[i])) {
                    fixed = TO_LETTER.get(c[i]);
                } else if (k == 'S') {
                    fixed = sex(c[i]);
                }
                if (fixed != null) {
                    corrections.add(describe(l, i, c[i], fixed, "field rule"));
                    c[i] = fixed;
                }
            }
            if (l == 0 && kind.length() != 44) {
                documentCode(c, corrections);
            }
            int name = kind.indexOf('N');
            if (name >= 0) {
                nameSeparator(c, name, l, corrections);
            }
            out.add(new String(c));
        }
        List<Boolean> refitted = new ArrayList<>();
        for (int l = 0; l < raw.size(); l++) {
            refitted.add(!raw.get(l).equals(fitted.get(l)));
        }
        repairByCheckDigits(out, refitted, kinds, corrections);
        return new Reading(List.copyOf(raw), List.copyOf(out), List.copyOf(corrections));
    }

    /** The sex field: M, F, X or a filler; what resembles M or F becomes it, anything else stays (and fails). */
    private static Character sex(char c) {
        if (c == 'H' || c == 'N') {
            return 'M';
        }
        if (c == 'E' || c == 'P') {
            return 'F';
        }
        return null;
    }

    /**
     * ICAO 9303 Parts 5 and 6: a TD1 or TD2 document code starts with A, C or I; a vertical stroke read
     * as {@code T}, {@code L} or {@code 1} is the I.
     */
    private static void documentCode(char[] c, List<String> corrections) {
        if (c[0] == 'T' || c[0] == 'L' || c[0] == '1') {
            corrections.add(describe(0, 0, c[0], 'I', "document code"));
            c[0] = 'I';
        }
    }

    /**
     * ICAO 9303 Part 3 clause 4.6: the primary identifier is separated from the secondary ones by
     * {@code <<}. A name that has no such separator but a character before a single filler that OCR
     * typically reads for {@code <} ({@code K}, {@code S}, {@code E}, {@code C}, or {@code O} from a
     * {@code 0}) gets the separator there, at the first such place.
     */
    private static void nameSeparator(char[] c, int from, int line, List<String> corrections) {
        int end = c.length;
        while (end > from && c[end - 1] == '<') {
            end--;
        }
        String name = new String(c, from, end - from);
        if (name.isEmpty() || name.contains("<<") || !name.contains("<")) {
            return;
        }
        for (int i = from + 1; i < end - 1; i++) {
            if (c[i + 1] == '<' && c[i - 1] != '<' && "KSECO".indexOf(c[i]) >= 0) {
                corrections.add(describe(line, i, c[i], '<', "name separator"));
                c[i] = '<';
                return;
            }
        }
    }

    /** Document number (and TD3 personal number) whose check digit fails: one confusable swap that makes it hold. */
    private static void repairByCheckDigits(
            List<String> lines, List<Boolean> refitted, List<String> kinds, List<String> corrections) {
        if (kinds.get(0).length() == 30) {
            repair(lines, refitted, 0, 5, 14, 14, corrections); // TD1 document number, check at 14
        } else {
            repair(lines, refitted, 1, 0, 9, 9, corrections); // TD2/TD3 document number, check at 9
            if (kinds.get(0).length() == 44) {
                repair(lines, refitted, 1, 28, 42, 42, corrections); // TD3 personal number, check at 42
            }
        }
    }

    /**
     * Repairs the field {@code [from, to)} of a line whose check digit at {@code check} fails, by the
     * one confusable substitution that makes it hold. A check digit detects an error; it can choose
     * among corrections only when exactly one candidate accounts for the failure, so every credible
     * account must be among the candidates. Nothing is repaired when:
     * <ul>
     *   <li>the line had to be fitted to its length (fillers added or removed): a character was lost
     *       or gained, so positions may be shifted;
     *   <li>the field holds a filler (ICAO 9303 Part 3 clause 4: data from the field's first position,
     *       fillers to complete it): its last data character may be a misread filler, or its first
     *       filler a misread character; one of the ten digits in that filler's place always satisfies
     *       the check digit (the weights 7, 3 and 1 are prime to 10), so the check digit cannot choose.
     *       Repairing anyway is how a zone that gained a digit in its personal number was once made to
     *       pass every check with a wrong number;
     *   <li>more than one substitution makes the check digit hold.
     * </ul>
     * Left as read, the failed check digit sends the document to review instead of passing it.
     */
    private static void repair(
            List<String> lines,
            List<Boolean> refitted,
            int line,
            int from,
            int to,
            int check,
            List<String> corrections) {
        String s = lines.get(line);
        char expected = s.charAt(check);
        if (expected == '<' || !Character.isDigit(expected)) {
            return;
        }
        if (checkDigit(s.substring(from, to)) == expected - '0') {
            return;
        }
        if (refitted.get(line) || s.substring(from, to).indexOf('<') >= 0) {
            return;
        }
        String found = null;
        int foundAt = -1;
        for (int i = from; i < to; i++) {
            String swaps = SWAPS.getOrDefault(s.charAt(i), "");
            for (char alt : swaps.toCharArray()) {
                String candidate = s.substring(from, i) + alt + s.substring(i + 1, to);
                if (checkDigit(candidate) == expected - '0') {
                    if (found != null) {
                        return; // two repairs hold: the check digit cannot tell which, so change nothing
                    }
                    found = candidate;
                    foundAt = i;
                }
            }
        }
        if (found != null) {
            corrections.add(describe(line, foundAt, s.charAt(foundAt), found.charAt(foundAt - from), "check digit"));
            lines.set(line, s.substring(0, from) + found + s.substring(to));
        }
    }

    /** ICAO 9303 Part 3 clause 4.9: weights 7, 3, 1 repeating; digits as themselves, A-Z as 10-35, filler 0. */
    public static int checkDigit(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            int v = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'A' && ch <= 'Z' ? ch - 'A' + 10 : 0;
            sum += v * weights[i % 3];
        }
        return sum % 10;
    }

    private static String describe(int line, int column, char was, char now, String rule) {
        return "line " + (line + 1) + " column " + (column + 1) + ": '" + was + "' corrected to '" + now + "' (" + rule
                + ")";
    }
}
