package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.ChannelsError;
import io.remotebank.core.ValidationException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/** Matches inbound texts against opt-out keywords, after normalisation. */
@API(status = INTERNAL, since = "0.1")
public final class OptOutKeywords {

    private final Set<String> keywords;
    private final Set<String> normalized = new LinkedHashSet<>();

    /**
     * Normalises the keywords.
     *
     * @param keywords as configured
     */
    public OptOutKeywords(Set<String> keywords) {
        this.keywords = Set.copyOf(keywords);
        for (String k : keywords) {
            String n = normalize(k);
            if (n.isEmpty() || n.length() > 32) {
                throw new ValidationException(
                        ChannelsError.CONFIG_INVALID,
                        "an opt-out keyword is 1-32 characters after trimming spaces and punctuation, got '" + k + "'");
            }
            normalized.add(n);
        }
    }

    /** The keywords as configured. */
    public Set<String> keywords() {
        return keywords;
    }

    /**
     * Whether a text is exactly one keyword, after normalisation.
     *
     * @param text the text
     * @return whether it opts out
     */
    public boolean matches(String text) {
        return text.length() <= 200 && normalized.contains(normalize(text));
    }

    /**
     * NFKC (full-width forms become ASCII), upper case, without leading or trailing whitespace and
     * punctuation (ASCII and CJK: "TD。", "【退订】", " t ").
     */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        int start = 0;
        int end = s.length();
        while (start < end && trimmable(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && trimmable(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean trimmable(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.OTHER_PUNCTUATION
                || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.DASH_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.CONNECTOR_PUNCTUATION;
    }
}
