package io.remotebank.signaling;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * The root of every exception rb-video-signaling throws with one of its own codes ({@link
 * SignalingError}): a caller catches this to see every signaling failure, or one subclass for one
 * concern ({@code SipParseException}, {@code SipTransportException}, ...), and switches on {@link
 * #code()}. Each code is thrown with exactly one subclass ({@link SignalingError#exceptionType()}).
 * A bad argument is rb-core's {@link io.remotebank.core.ValidationException} ({@code
 * core.argument.missing}, {@code core.argument.invalid}), as in every module.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class SignalingException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code the stable code
     * @param message what went wrong, for people (no unmasked personal data)
     * @param cause the underlying failure, or null
     */
    protected SignalingException(SignalingError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** The stable error code, one of rb-video-signaling's. */
    @Override
    public SignalingError code() {
        return (SignalingError) super.code();
    }
}
