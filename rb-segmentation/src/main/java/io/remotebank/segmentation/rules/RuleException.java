package io.remotebank.segmentation.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import org.apiguardian.api.API;

/**
 * A rule was refused at load time: it is not valid CEL ({@link SegmentationError#RULE_INVALID}), it
 * does not type-check against the profile schema (also {@code RULE_INVALID}), or it uses a CEL feature
 * outside the compiled subset ({@link SegmentationError#RULE_UNSUPPORTED}). The message names the
 * rule, the line and column in its expression, and what is wrong, e.g. {@code rule 'vip' at column 5:
 * no operator '*' for (double, int)}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RuleException extends SegmentationException {

    private static final long serialVersionUID = 1L;

    private final String rule;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * Creates an exception.
     *
     * @param code {@code RULE_INVALID} or {@code RULE_UNSUPPORTED}
     * @param rule the rule's name
     * @param line the line in the expression, from 1
     * @param column the column in that line, from 1
     * @param reason what is wrong
     */
    public RuleException(SegmentationError code, String rule, int line, int column, String reason) {
        super(
                code,
                "rule '" + rule + "' at " + (line > 1 ? "line " + line + ", " : "") + "column " + column + ": "
                        + reason);
        this.rule = rule;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** The rule's name. */
    public String rule() {
        return rule;
    }

    /** The line in the rule's expression, from 1. */
    public int line() {
        return line;
    }

    /** The column in that line, from 1. */
    public int column() {
        return column;
    }

    /** What is wrong, without the rule's name and position. */
    public String reason() {
        return reason;
    }
}
