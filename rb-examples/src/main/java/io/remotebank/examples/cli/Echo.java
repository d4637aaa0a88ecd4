package io.remotebank.examples.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What a command may echo of its input: no control characters (an ESC in an argument would reach
 * the terminal as an escape sequence), and not more than {@value #MAX_ECHO} characters of any one
 * value (a 100 KB argument is shown as its start, an ellipsis and its length).
 */
@API(status = INTERNAL, since = "0.1")
public final class Echo {

    /** The most characters of one value a command shows. */
    public static final int MAX_ECHO = 64;

    private Echo() {}

    /**
     * Refuses a value that holds a control or format character: C0 and C1 controls (ESC, CR, NUL,
     * CSI), DEL, bidirectional overrides and other invisible format characters, line and paragraph
     * separators. None belongs in a document number or an MRZ.
     *
     * @param commandLine the command, for the usage error
     * @param what the option and, where useful, which of its values, e.g. {@code --mrz line 2}
     * @param value the value
     * @throws ParameterException (exit code 2) naming the position (from 1) and the character
     */
    public static void requirePrintable(CommandLine commandLine, String what, String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                throw new ParameterException(
                        commandLine,
                        String.format(
                                Locale.ROOT,
                                "%s: control character U+%04X at position %d is not allowed",
                                what,
                                cp,
                                value.codePointCount(0, i) + 1));
            }
            i += Character.charCount(cp);
        }
    }

    /**
     * A value shortened for display: at most {@value #MAX_ECHO} characters as they are, else its
     * first characters, an ellipsis and its length, e.g. {@code 1*****…(100000 characters)}.
     *
     * @param value the value (null stays null)
     * @return the value, or its shortened form
     */
    public static String bounded(String value) {
        if (value == null || value.length() <= MAX_ECHO) {
            return value;
        }
        String suffix = "…(" + value.length() + " characters)";
        int keep = MAX_ECHO - suffix.length();
        if (Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        return value.substring(0, keep) + suffix;
    }
}
