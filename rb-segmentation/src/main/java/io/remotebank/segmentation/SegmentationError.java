package io.remotebank.segmentation;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.ErrorCode;
import io.remotebank.core.RbException;
import io.remotebank.segmentation.pmml.PmmlException;
import io.remotebank.segmentation.rules.RuleException;
import org.apiguardian.api.API;

/** The error codes of rb-segmentation; {@code docs/rb-segmentation.md} lists each one. */
@API(status = STABLE, since = "0.1")
public enum SegmentationError implements ErrorCode {
    /** An argument is null, blank, malformed or out of range. */
    ARGUMENT_INVALID("segmentation.argument.invalid", "An argument is missing, malformed or out of range."),
    /** A PMML document is not well-formed XML, declares a DTD or entities, or is not PMML 4.x. */
    PMML_MALFORMED(
            "segmentation.pmml.malformed",
            "A PMML document is not well-formed XML, declares a DTD or entities, or is not PMML 4.x."),
    /** A PMML document exceeds a size limit (bytes, elements, nesting depth, text length). */
    PMML_TOO_LARGE("segmentation.pmml.too-large", "A PMML document exceeds a configured size limit."),
    /** A PMML document uses an element, attribute value or model feature this importer does not support. */
    PMML_UNSUPPORTED(
            "segmentation.pmml.unsupported",
            "A PMML document uses an element or feature this importer does not support."),
    /** A PMML document is well-formed but inconsistent (an unknown field, a missing required attribute). */
    PMML_INVALID("segmentation.pmml.invalid", "A PMML document is inconsistent or lacks a required part."),
    /** A record holds a value the model's MiningSchema declares invalid (invalidValueTreatment returnInvalid). */
    RECORD_INVALID("segmentation.record.invalid", "A record holds a value that the model declares invalid."),
    /** The model cannot score a record (e.g. no scorecard attribute matched, a computation was undefined). */
    NO_RESULT("segmentation.record.no-result", "The model yields no valid result for this record."),
    /** A profile schema is malformed: a bad field name or type, a name used twice. */
    SCHEMA_INVALID(
            "segmentation.schema.invalid", "A profile schema has a bad field name or type, or a name used twice."),
    /** A profile value does not fit its field's type (a number that is not one, a date not in ISO form). */
    VALUE_INVALID("segmentation.profile.value-invalid", "A profile value does not fit its field's type."),
    /** A segment rule is not valid CEL, or does not type-check against the profile schema. */
    RULE_INVALID("segmentation.rule.invalid", "A rule is not valid CEL or does not type-check against the schema."),
    /** A segment rule uses a CEL feature outside the compiled subset. */
    RULE_UNSUPPORTED("segmentation.rule.unsupported", "A rule uses a CEL feature outside the supported subset."),
    /** An input file is malformed as a whole (no header, an unknown column type, an ARFF error). */
    INPUT_INVALID("segmentation.input.invalid", "An input file is malformed as a whole.");

    private final String code;
    private final String meaning;

    SegmentationError(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /**
     * A document that cannot be read ({@code segmentation.pmml.*}) is a {@link PmmlException}, which
     * names the element and line; a rule refused at load time ({@code segmentation.rule.*}) is a
     * {@link RuleException}, which names the rule, line and column; every other code is a {@link
     * SegmentationException}.
     */
    @Override
    public Class<? extends RbException> exceptionType() {
        if (code.startsWith("segmentation.pmml.")) {
            return PmmlException.class;
        }
        if (code.startsWith("segmentation.rule.")) {
            return RuleException.class;
        }
        return SegmentationException.class;
    }
}
