package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ValidationException;
import org.apiguardian.api.API;

/** A bad argument to document validation (never a bad document: that is a result). */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DocumentException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code the stable code
     * @param message what is wrong; never contains personal data
     */
    public DocumentException(DocumentError code, String message) {
        super(code, message);
    }

    static <T> T required(T value, String name) {
        if (value == null) {
            throw new DocumentException(DocumentError.ARGUMENT_MISSING, name + " is required");
        }
        return value;
    }
}
