package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.identity.document.MrzResult;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Whether the document read belongs to the applicant: the MRZ's name and numbers against the name
 * and identity number the applicant stated (the registry checks only what was stated, the face
 * match only the document's photo, so without this a victim's stated name and number plus the
 * fraudster's own passport would pass).
 *
 * <p>Both sides are normalised the way ICAO 9303 Part 3 clause 6 transliterates a name: upper
 * case, diacritics removed, and every separator ({@code <}, space, comma, hyphen, apostrophe, full
 * stop) a word break. Names match when they hold the same words in any order (a customer may give
 * the given names first); when the MRZ name fills its field and so may be truncated (clause 4.6),
 * its last word need only begin a remaining stated word. The stated number matches when it equals
 * the document number or the personal number in the optional data, ignoring fillers, spaces and
 * hyphens. Results name the field, never its value.
 */
@API(status = INTERNAL, since = "0.1")
public final class HolderMatch {

    private HolderMatch() {}

    /**
     * The fields that disagree.
     *
     * @param mrz a valid MRZ
     * @param statedName the applicant's name
     * @param statedNumber the applicant's identity or document number
     * @return the reasons, empty when both agree; without personal data
     */
    public static List<String> mismatches(MrzResult mrz, String statedName, String statedNumber) {
        List<String> reasons = new ArrayList<>();
        List<String> documentWords = new ArrayList<>(words(mrz.primaryIdentifier()));
        mrz.secondaryIdentifiers().forEach(g -> documentWords.addAll(words(g)));
        if (!namesAgree(documentWords, words(statedName), mrz.nameTruncated())) {
            reasons.add("document-validation: the name on the document differs from the applicant's stated name");
        }
        String number = number(statedNumber);
        boolean numberAgrees = !number.isEmpty()
                && (number.equals(number(mrz.documentNumber()))
                        || number.equals(number(mrz.optionalData()))
                        || number.equals(number(mrz.optionalData2())));
        if (!numberAgrees) {
            reasons.add("document-validation: the applicant's stated number is neither the document number"
                    + " nor the personal number on the document");
        }
        return reasons;
    }

    static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[<\\s,.'\\-]+", " ")
                .strip();
        return plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" "));
    }

    static String number(String n) {
        return n.toUpperCase(Locale.ROOT).replaceAll("[<\\s\\-]", "");
    }

    private static boolean namesAgree(List<String> document, List<String> stated, boolean truncated) {
        if (document.isEmpty()) {
            return false;
        }
        List<String> left = new ArrayList<>(stated);
        for (int i = 0; i < document.size(); i++) {
            String w = document.get(i);
            if (left.remove(w)) {
                continue;
            }
            boolean last = i == document.size() - 1;
            int prefixOf = last && truncated ? indexOfPrefixed(left, w) : -1;
            if (prefixOf < 0) {
                return false;
            }
            left.remove(prefixOf);
        }
        // A truncated MRZ may have dropped whole given names: stated words left over are tolerated then.
        return left.isEmpty() || truncated;
    }

    private static int indexOfPrefixed(List<String> words, String prefix) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
