package io.remotebank.segmentation.pmml;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import org.apiguardian.api.API;

/**
 * A PMML document was refused. The message names the offending element and the line it starts on;
 * {@link #element()} and {@link #line()} give them to programs.
 */
@API(status = STABLE, since = "0.1")
public final class PmmlException extends SegmentationException {

    private static final long serialVersionUID = 1L;

    private final String element;
    private final int line;

    /**
     * Creates an exception.
     *
     * @param code what went wrong
     * @param element the PMML element concerned, or an empty string when none applies
     * @param line the line the element starts on (1-based), or 0 when unknown
     * @param message the details, for people
     * @param cause the underlying failure, or null
     */
    public PmmlException(SegmentationError code, String element, int line, String message, Throwable cause) {
        super(code, describe(element, line, message), cause);
        this.element = element == null ? "" : element;
        this.line = Math.max(0, line);
    }

    private static String describe(String element, int line, String message) {
        StringBuilder s = new StringBuilder();
        if (element != null && !element.isEmpty()) {
            s.append('<').append(element).append('>');
        }
        if (line > 0) {
            s.append(s.length() > 0 ? " " : "").append("at line ").append(line);
        }
        return s.length() == 0 ? message : s + ": " + message;
    }

    /** The PMML element concerned, or an empty string. */
    public String element() {
        return element;
    }

    /** The line the element starts on (1-based), or 0 when unknown. */
    public int line() {
        return line;
    }
}
