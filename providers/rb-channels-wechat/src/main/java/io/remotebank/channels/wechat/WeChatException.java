package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/** Something went wrong with access tokens or their store; the message names no secret or token. */
@API(status = EXPERIMENTAL, since = "0.1")
public class WeChatException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code what went wrong
     * @param message the details, without secrets, tokens or personal data
     */
    public WeChatException(WeChatError code, String message) {
        super(code, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code what went wrong
     * @param message the details, without secrets, tokens or personal data
     * @param cause the underlying failure
     */
    public WeChatException(WeChatError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public WeChatError code() {
        return (WeChatError) super.code();
    }
}
