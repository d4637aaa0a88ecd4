package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * A callback request was refused: its signature, crypto, receive id, timestamp or body is wrong. The
 * message names what, never the token, the key or personal data.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class CallbackException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code why the request was refused
     * @param message the details, without secrets or personal data
     */
    public CallbackException(WeChatError code, String message) {
        super(code, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code why the request was refused
     * @param message the details, without secrets or personal data
     * @param cause the underlying failure
     */
    public CallbackException(WeChatError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public WeChatError code() {
        return (WeChatError) super.code();
    }

    /**
     * The HTTP status to answer with: 400 malformed, 401 bad signature, 403 another receive id, 409
     * replayed, 413 too large, 503 overloaded.
     *
     * @return the status
     */
    public int httpStatus() {
        return code().httpStatus();
    }
}
