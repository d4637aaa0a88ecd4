package io.remotebank.signaling.sip.registrar;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import org.apiguardian.api.API;

/**
 * A contact's preference, the {@code q} parameter of RFC 3261 20.10: {@code qvalue = ( "0" [ "."
 * 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}, held exactly in thousandths.
 *
 * @param thousandths 0 to 1000
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record QValue(int thousandths) implements Comparable<QValue> {

    /** The highest preference, 1.0. */
    public static final QValue ONE = new QValue(1000);

    /** Checks the range. */
    public QValue {
        if (thousandths < 0 || thousandths > 1000) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "a q-value is 0 to 1000 thousandths, not " + thousandths);
        }
    }

    /**
     * Parses a q-value.
     *
     * @param text e.g. {@code 0.7}, {@code 1}, {@code 0.125}
     * @return the value
     * @throws ValidationException when it breaks the grammar
     */
    public static QValue parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "an empty q-value");
        }
        char first = text.charAt(0);
        if ((first != '0' && first != '1') || text.length() > 5) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "a q-value is 0 to 1 with up to three decimals");
        }
        int value = (first - '0') * 1000;
        if (text.length() > 1) {
            if (text.charAt(1) != '.') {
                throw new ValidationException(
                        CoreError.ARGUMENT_INVALID, "a q-value is 0 to 1 with up to three decimals");
            }
            int scale = 100;
            for (int i = 2; i < text.length(); i++, scale /= 10) {
                char c = text.charAt(i);
                if (c < '0' || c > '9' || (first == '1' && c != '0')) {
                    throw new ValidationException(
                            CoreError.ARGUMENT_INVALID, "a q-value is 0 to 1 with up to three decimals");
                }
                value += (c - '0') * scale;
            }
        }
        return new QValue(value);
    }

    @Override
    public int compareTo(QValue o) {
        return Integer.compare(thousandths, o.thousandths);
    }

    /** The shortest form: {@code 1}, {@code 0}, {@code 0.7}, {@code 0.125}. */
    @Override
    public String toString() {
        if (thousandths == 1000) {
            return "1";
        }
        if (thousandths == 0) {
            return "0";
        }
        String digits = String.format(java.util.Locale.ROOT, "%03d", thousandths);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "0." + digits.substring(0, end);
    }
}
