package io.remotebank.core.pii;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Finds personal data in free text, erring towards finding too much: a number that looks like
 * personal data is masked whether or not its check character is right, because a mistyped ID
 * number is still somebody's ID number.
 *
 * <p>What it finds:
 *
 * <ul>
 *   <li>identity document numbers ({@link PiiKind#ID_NUMBER}): CN resident ID numbers of 18
 *       characters (any check character) and of 15 digits (the 1984 form, by its date), Hong Kong
 *       identity card numbers ({@code A123456(3)}, {@code A1234563}), and passport and travel permit
 *       numbers of one or two capital letters and 7 or 8 digits ({@code E12345678}, {@code
 *       EA1234567}, {@code K12345678});
 *   <li>phone numbers ({@link PiiKind#PHONE}): E.164 numbers with {@code +} or {@code 00}, mainland
 *       mobile numbers with or without {@code 86} before them, numbers with a country or area code in
 *       parentheses ({@code (852) 9123 4567}), Hong Kong and Macau numbers after {@code 852}/{@code
 *       853}, mainland landlines with their area code ({@code 010-88886666});
 *   <li>any run of 15 or more digits (spaces or hyphens between groups of at least three allowed),
 *       as a card number ({@link PiiKind#CARD_NUMBER}), Luhn check or not: bank cards in China have
 *       16 to 19 digits, the shortest card and ID numbers 15;
 *   <li>e-mail addresses ({@link PiiKind#EMAIL}).
 * </ul>
 *
 * <p>The text is scanned in its NFKC form, so full-width digits ({@code １３８１２３４５６７８}) and
 * letters are found too; {@link Finding} positions are those of the text as given. Digit runs that
 * are part of a decimal number ({@code 0.12345678901234567}) or glued to letters (a hexadecimal
 * hash) are left alone, and so are shorter runs such as amounts, ports and 13-digit timestamps.
 *
 * <p>Names cannot be told from other words in free text; a column or field that holds names is
 * recognised by its name instead ({@link #columnKind(String)}).
 *
 * <p>The scanner is used on log lines and on every line the {@code rb} command prints, so a text
 * with fewer than six digits and no {@code @} is answered after one pass over its characters.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PiiScanner {

    /**
     * One piece of personal data in a text.
     *
     * @param kind what it is
     * @param start index of its first character
     * @param end index after its last character
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Finding(PiiKind kind, int start, int end) {}

    /** Not preceded by a letter or digit, nor by the integer part of a decimal number. */
    private static final String START = "(?<![0-9A-Za-z])(?<![0-9]\\.)";
    /** Not followed by a digit, nor by the fraction of a decimal number. */
    private static final String END = "(?![0-9])(?!\\.[0-9])";
    /** Not followed by a letter or digit, nor by the fraction of a decimal number. */
    private static final String END_WORD = "(?![0-9A-Za-z])(?!\\.[0-9])";

    /**
     * A scanning rule; earlier rules win where findings would overlap. A digit rule also says what a
     * stretch of digits must have for the rule to be worth trying there (see {@link #digitWindows}):
     * its longest run of adjacent digits, its digits in all, and whether a {@code +}, {@code (} or
     * {@code 00} announces an international number.
     */
    private record Rule(Pattern pattern, PiiKind kind, Check check, int run, int digits, boolean international) {}

    private interface Check {
        boolean valid(String candidate);
    }

    private static final List<Rule> RULES = List.of(
            // CN resident ID, 18 characters: any check character (a wrong one is still a person's number).
            rule(START + "[0-9]{17}[0-9Xx]" + END_WORD, PiiKind.ID_NUMBER, 17, 17),
            // CN resident ID, 15-digit 1984 form: region, YYMMDD, sequence (GB 11643-1999 clause 6).
            rule(
                    START + "[1-9][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}" + END_WORD,
                    PiiKind.ID_NUMBER,
                    15,
                    15),
            // Hong Kong identity card: one or two letters, six digits, the check digit or A, in brackets or not.
            rule("(?<![0-9A-Za-z])[A-Z]{1,2}[0-9]{6}(?:\\([0-9A]\\)|[0-9A])(?![0-9A-Za-z])", PiiKind.ID_NUMBER, 6, 6),
            // Passports and travel permits: CN E12345678 / EA1234567, HK K12345678, permits H12345678, ...
            rule("(?<![0-9A-Za-z])[A-Z]{1,2}[0-9]{7,8}(?![0-9A-Za-z])", PiiKind.ID_NUMBER, 7, 7),
            // E.164 with + or the 00 international prefix.
            international("(?<![0-9A-Za-z+])(?:\\+|00)[1-9](?:[ -]?[0-9]){6,14}" + END, 7),
            // A country or area code in brackets: (852) 9123 4567, (+86) 138 1234 5678, (010) 8888 6666.
            international("(?<![0-9A-Za-z])\\(\\+?[0-9]{1,4}\\)[ -]?[0-9](?:[ -]?[0-9]){6,11}" + END, 8),
            // Mainland mobile, with or without 86 before it.
            rule(START + "(?:86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}" + END, PiiKind.PHONE, 4, 11),
            // Hong Kong (852) and Macau (853) numbers written after their country code without a +.
            rule(START + "85[23][ -]?[2-9][0-9]{3}[ -]?[0-9]{4}" + END, PiiKind.PHONE, 4, 11),
            // Mainland landline with its area code: 010-88886666, 0755 12345678.
            rule(START + "0[1-9][0-9]{1,2}[ -][0-9]{7,8}" + END, PiiKind.PHONE, 7, 10),
            // Any other long run of digits: a card number, whatever its Luhn digit says.
            new Rule(
                    Pattern.compile(START + "[0-9]{3,}(?:[ -][0-9]{3,})*" + END),
                    PiiKind.CARD_NUMBER,
                    PiiScanner::longRun,
                    3,
                    15,
                    false),
            // E-mail: scanned wherever there is an @, not in digit windows.
            new Rule(
                    Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
                            + "\\.[A-Za-z]{2,}"),
                    PiiKind.EMAIL,
                    s -> true,
                    0,
                    0,
                    false));

    /** The fewest digits any rule needs (a Hong Kong ID number: six and a check character). */
    private static final int FEWEST_DIGITS = 6;

    /** The fewest digits of a run masked as a card number whatever its check digit. */
    private static final int LONG_RUN = 15;

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Column names (letters and digits only, lower case) that say what personal data a column holds. */
    private static final Map<String, PiiKind> COLUMNS = columns();

    private PiiScanner() {}

    private static Rule rule(String regex, PiiKind kind, int run, int digits) {
        return new Rule(Pattern.compile(regex), kind, s -> true, run, digits, false);
    }

    private static Rule international(String regex, int digits) {
        return new Rule(Pattern.compile(regex), PiiKind.PHONE, s -> true, 1, digits, true);
    }

    /**
     * Finds personal data in a text.
     *
     * @param text the text
     * @return the findings, in order, never overlapping, as positions in {@code text}
     */
    public static List<Finding> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Folded folded = Folded.of(text);
        String s = folded.text;
        int[] windows = digitWindows(s);
        boolean at = s.indexOf('@') >= 0;
        if (windows.length == 0 && !at) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        BitSet taken = new BitSet(s.length());
        for (Rule rule : RULES) {
            if (rule.kind == PiiKind.EMAIL) {
                if (at) {
                    collect(rule.pattern.matcher(s), rule, taken, found);
                }
                continue;
            }
            Matcher m = null;
            for (int w = 0; w < windows.length; w += WINDOW) {
                if (windows[w + 2] >= rule.run
                        && windows[w + 3] >= rule.digits
                        && (!rule.international || windows[w + 4] != 0)) {
                    if (m == null) {
                        // Transparent bounds: the look-arounds see the text around a window.
                        m = rule.pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
                    }
                    m.region(windows[w], windows[w + 1]);
                    collect(m, rule, taken, found);
                }
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(Finding::start));
        if (folded.start != null) {
            found.replaceAll(f -> new Finding(f.kind(), folded.start[f.start()], folded.end[f.end() - 1]));
        }
        return List.copyOf(found);
    }

    /**
     * Whether a text holds any personal data this scanner recognises.
     *
     * @param text the text
     * @return true when {@link #find} would find something
     */
    public static boolean containsPii(String text) {
        return !find(text).isEmpty();
    }

    /**
     * The kind of personal data a column, field or parameter holds, told by its name: {@code name},
     * {@code 姓名}, {@code customer_name} hold names; {@code mobile}, {@code 手机号} phone numbers;
     * {@code id_number}, {@code 身份证号}, {@code passport_no} identity document numbers; {@code
     * card_no}, {@code 卡号} card numbers; {@code email}, {@code 邮箱} e-mail addresses. Case,
     * full-width forms, spaces, hyphens and underscores do not matter.
     *
     * <p>Values of such a column are masked by their kind whatever they look like: this is the only
     * way a Chinese name is recognised.
     *
     * @param columnName e.g. a CSV header
     * @return the kind, or empty when the name says nothing about personal data
     */
    public static Optional<PiiKind> columnKind(String columnName) {
        if (columnName == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(columnName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return Optional.ofNullable(COLUMNS.get(key.toString()));
    }

    /**
     * Whether an 18-character resident ID number has a valid ISO 7064 MOD 11-2 check character (GB
     * 11643-1999). Only the check character is verified, not the region or the date.
     *
     * @param idNumber 18 characters
     * @return whether the check character matches
     */
    public static boolean validIdNumber(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = idNumber.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(idNumber.charAt(17)) == ID_CHECK[sum % 11];
    }

    /**
     * Whether a digit string (separators allowed) passes the Luhn check.
     *
     * @param number the number
     * @return whether the check digit matches
     */
    public static boolean validLuhn(String number) {
        int sum = 0;
        int digits = 0;
        for (int i = number.length() - 1; i >= 0; i--) {
            char c = number.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (digits % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            digits++;
        }
        return digits > 1 && sum % 10 == 0;
    }

    private static boolean longRun(String candidate) {
        int digits = 0;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits >= LONG_RUN;
    }

    private static void collect(Matcher m, Rule rule, BitSet taken, List<Finding> found) {
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            int clash = taken.nextSetBit(start);
            if ((clash < 0 || clash >= end) && rule.check.valid(m.group())) {
                taken.set(start, end);
                found.add(new Finding(rule.kind, start, end));
            }
        }
    }

    /** A window is five ints: start, end, longest run of adjacent digits, digits, international (0/1). */
    private static final int WINDOW = 5;

    /**
     * Where the digit rules can match, found in one pass so that most texts (log lines with dates,
     * amounts and a few short numbers) never reach a regular expression, and each rule is tried only
     * where it can match (see {@link Rule}).
     *
     * <p>A cluster is a stretch of digits in which consecutive digits are at most two separators
     * apart ({@code ' ', '-', '(', ')', '+'}; no rule allows more). Its window is widened by three
     * characters each side for a document number's letters, a check character in brackets or a
     * {@code (+} before a country code; overlapping windows are merged.
     *
     * @return the windows, {@link #WINDOW} ints each
     */
    private static int[] digitWindows(String s) {
        int[] windows = new int[0];
        int count = 0;
        int n = s.length();
        int clusterStart = -1;
        int lastDigit = -1;
        int digits = 0;
        int run = 0;
        int longestRun = 0;
        boolean international = false;
        boolean fraction = false;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : '\n';
            if (isDigit(c)) {
                if (clusterStart < 0) {
                    clusterStart = i;
                    digits = 0;
                    longestRun = 0;
                    international =
                            (i > 0 && isInternational(s.charAt(i - 1))) || (i > 1 && isInternational(s.charAt(i - 2)));
                    fraction = i > 1 && s.charAt(i - 1) == '.' && isDigit(s.charAt(i - 2));
                }
                if (run == 0 && c == '0' && i + 1 < n && s.charAt(i + 1) == '0') {
                    international = true; // the 00 international prefix
                }
                digits++;
                longestRun = Math.max(longestRun, ++run);
                lastDigit = i;
                continue;
            }
            run = 0;
            boolean separator = c == ' ' || c == '-' || c == ')' || isInternational(c);
            if (clusterStart >= 0 && separator && i - lastDigit <= 2) {
                international |= isInternational(c);
                fraction = false;
                continue;
            }
            if (clusterStart >= 0) {
                // The fraction of a decimal number, with no separator in it, starts no finding.
                if (digits >= FEWEST_DIGITS && !fraction) {
                    int from = Math.max(0, clusterStart - 3);
                    int to = Math.min(n, lastDigit + 4);
                    int flag = international ? 1 : 0;
                    if (count > 0 && from <= windows[count - WINDOW + 1]) {
                        windows[count - WINDOW + 1] = to;
                        windows[count - WINDOW + 2] = Math.max(windows[count - WINDOW + 2], longestRun);
                        windows[count - WINDOW + 3] = Math.max(windows[count - WINDOW + 3], digits);
                        windows[count - WINDOW + 4] |= flag;
                    } else {
                        if (count == windows.length) {
                            windows = Arrays.copyOf(windows, Math.max(4 * WINDOW, count * 2));
                        }
                        windows[count++] = from;
                        windows[count++] = to;
                        windows[count++] = longestRun;
                        windows[count++] = digits;
                        windows[count++] = flag;
                    }
                }
                clusterStart = -1;
            }
        }
        return count == windows.length ? windows : Arrays.copyOf(windows, count);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isInternational(char c) {
        return c == '+' || c == '(';
    }

    /**
     * A text in NFKC form, code point by code point, with the position in the original text of each
     * character of the folded one. Most texts are NFKC already (ASCII, Chinese without full-width
     * forms) and are used as they are.
     */
    private static final class Folded {
        final String text;
        /** For each folded character, where its code point starts in the original; null when unfolded. */
        final int[] start;
        /** For each folded character, where its code point ends in the original. */
        final int[] end;

        private Folded(String text, int[] start, int[] end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        static Folded of(String text) {
            if (isStable(text)) {
                return new Folded(text, null, null);
            }
            StringBuilder out = new StringBuilder(text.length());
            int[] start = new int[text.length() + 8];
            int[] end = new int[text.length() + 8];
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                int from = out.length();
                if (stable(cp)) {
                    out.appendCodePoint(cp);
                } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
                    out.append((char) (cp - 0xFEE0)); // full-width ASCII forms: NFKC's <wide> mapping
                } else if (cp == 0x3000) {
                    out.append(' '); // ideographic space
                } else {
                    out.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
                }
                if (out.length() > start.length) {
                    int grown = Math.max(out.length(), start.length * 2);
                    start = Arrays.copyOf(start, grown);
                    end = Arrays.copyOf(end, grown);
                }
                for (int j = from; j < out.length(); j++) {
                    start[j] = i;
                    end[j] = next;
                }
                i = next;
            }
            return new Folded(out.toString(), start, end);
        }

        /** True when no character can change under NFKC (decided without allocating for most texts). */
        private static boolean isStable(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (!stable(text.charAt(i))) {
                    return Normalizer.isNormalized(text, Normalizer.Form.NFKC);
                }
            }
            return true;
        }

        /** ASCII and Latin-1 controls, CJK ideographs and Hangul syllables are their own NFKC form. */
        private static boolean stable(int cp) {
            return cp < 0xA0
                    || (cp >= 0x4E00 && cp <= 0x9FFF)
                    || (cp >= 0x3400 && cp <= 0x4DBF)
                    || (cp >= 0xAC00 && cp <= 0xD7A3);
        }
    }

    private static Map<String, PiiKind> columns() {
        Map<String, PiiKind> m = new HashMap<>();
        for (String n : List.of(
                "name",
                "fullname",
                "firstname",
                "lastname",
                "surname",
                "givenname",
                "familyname",
                "middlename",
                "customername",
                "custname",
                "clientname",
                "accountname",
                "accountholder",
                "holdername",
                "cardholder",
                "cardholdername",
                "contactname",
                "姓名",
                "名字",
                "姓",
                "名",
                "客户姓名",
                "客户名称",
                "户名",
                "账户名",
                "账户名称",
                "持卡人",
                "持卡人姓名",
                "联系人",
                "联系人姓名")) {
            m.put(n, PiiKind.NAME);
        }
        for (String n : List.of(
                "phone",
                "phoneno",
                "phonenumber",
                "mobile",
                "mobileno",
                "mobilenumber",
                "mobilephone",
                "cellphone",
                "tel",
                "telephone",
                "msisdn",
                "手机",
                "手机号",
                "手机号码",
                "电话",
                "电话号码",
                "联系电话",
                "联系方式")) {
            m.put(n, PiiKind.PHONE);
        }
        for (String n : List.of(
                "idnumber",
                "idno",
                "idcard",
                "idcardno",
                "idcardnumber",
                "certno",
                "certificateno",
                "certificatenumber",
                "nationalid",
                "passport",
                "passportno",
                "passportnumber",
                "hkid",
                "documentnumber",
                "身份证",
                "身份证号",
                "身份证号码",
                "证件号",
                "证件号码",
                "护照号",
                "护照号码")) {
            m.put(n, PiiKind.ID_NUMBER);
        }
        for (String n : List.of(
                "card", "cardno", "cardnumber", "pan", "accountno", "accountnumber", "卡号", "银行卡号", "账号", "银行账号")) {
            m.put(n, PiiKind.CARD_NUMBER);
        }
        for (String n : List.of("email", "emailaddress", "mail", "邮箱", "电子邮箱", "电子邮件")) {
            m.put(n, PiiKind.EMAIL);
        }
        return Map.copyOf(m);
    }
}
