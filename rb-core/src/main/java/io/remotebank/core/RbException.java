package io.remotebank.core;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The root of every exception the RemoteBank SDK throws: unchecked, with a stable {@link ErrorCode}.
 *
 * <p>Each concern has its own subclass ({@link ValidationException}, {@link CryptoException}, ...),
 * so that a caller can catch a concern or switch on {@link #code()}. Messages are for people and may
 * change; codes are for programs and do not. Messages never contain unmasked personal data or
 * secrets.
 */
@API(status = STABLE, since = "0.1")
public abstract class RbException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    /**
     * Creates an exception.
     *
     * @param code the stable code
     * @param message what went wrong, for people
     * @param cause the underlying failure, or null
     */
    protected RbException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(code, "code").code() + ": " + message, cause);
        this.code = code;
        assert pairedWith(code)
                : code.code() + " is declared with " + code.exceptionType().getName() + " but thrown as "
                        + getClass().getName();
    }

    /** One code, one class: the class the code declares, or any class when it declares none. */
    private boolean pairedWith(ErrorCode code) {
        Class<? extends RbException> declared = code.exceptionType();
        return declared == RbException.class || declared == getClass();
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }
}
