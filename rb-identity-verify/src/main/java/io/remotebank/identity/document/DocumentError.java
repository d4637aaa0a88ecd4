package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ErrorCode;
import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * The error codes of identity-document validation. They are for bad arguments only: a bad
 * document is never an exception but a result whose checks say what failed.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum DocumentError implements ErrorCode {
    /** A required argument is null. */
    ARGUMENT_MISSING("identity.document.argument-missing", "A required argument is null."),
    /** An argument other than the document itself is malformed, e.g. a region table line. */
    ARGUMENT_INVALID(
            "identity.document.argument-invalid",
            "An argument other than the document text is malformed, e.g. a line of a region table.");

    private final String code;
    private final String meaning;

    DocumentError(String code, String meaning) {
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

    /** Every identity-document code is thrown as a {@link DocumentException}. */
    @Override
    public Class<? extends RbException> exceptionType() {
        return DocumentException.class;
    }
}
