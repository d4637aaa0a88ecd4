package io.remotebank.segmentation.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Number parsing and formatting as PMML writes them (xs:double, with INF and NaN spelled the XML way). */
@API(status = INTERNAL, since = "0.1")
public final class Numbers {

    private Numbers() {}

    /**
     * Parses an xs:double or xs:integer.
     *
     * @param s the text, trimmed
     * @return the value
     * @throws NumberFormatException if it is not a number
     */
    public static double parse(String s) {
        switch (s) {
            case "INF":
                return Double.POSITIVE_INFINITY;
            case "-INF":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                break;
        }
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.charAt(s.length() - 1) == '.')) {
            // Java accepts "1d", "1f", "Infinity": XML Schema does not.
            throw new NumberFormatException(s);
        }
        return Double.parseDouble(s);
    }

    /** The shortest text that reads back as the same double; integral values without a fraction. */
    public static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
