package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * The WeChat API refused a call: {@link #errcode()} is WeChat's own code (40001 invalid credential,
 * 42001 access token expired, 45015 out of the reply window, ...), or -1 when the answer was not the
 * documented JSON.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class WeChatApiException extends RbException {

    private static final long serialVersionUID = 1L;

    /** WeChat's errcode for a credential it does not accept (a token refreshed elsewhere, or wrong). */
    public static final int INVALID_CREDENTIAL = 40001;

    /** WeChat's errcode for an access token that expired. */
    public static final int ACCESS_TOKEN_EXPIRED = 42001;

    private final int errcode;

    /**
     * Creates an exception.
     *
     * @param errcode WeChat's errcode, or -1
     * @param message the details (WeChat's errmsg), without secrets or tokens
     */
    public WeChatApiException(int errcode, String message) {
        super(WeChatError.API_ERROR, "errcode " + errcode + ": " + message, null);
        this.errcode = errcode;
    }

    /** WeChat's errcode, or -1 when the answer was not WeChat's JSON. */
    public int errcode() {
        return errcode;
    }

    /** Whether the errcode says the access token is no good (40001 or 42001): refresh once and retry. */
    public boolean tokenRejected() {
        return errcode == INVALID_CREDENTIAL || errcode == ACCESS_TOKEN_EXPIRED;
    }
}
