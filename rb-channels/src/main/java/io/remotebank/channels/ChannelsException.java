package io.remotebank.channels;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/** A messaging operation failed or was refused; the message says why without personal data. */
@API(status = STABLE, since = "0.1")
public class ChannelsException extends RbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param code what went wrong
     * @param message the details, for people
     */
    public ChannelsException(ChannelsError code, String message) {
        super(code, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code what went wrong
     * @param message the details, for people
     * @param cause the underlying failure
     */
    public ChannelsException(ChannelsError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public ChannelsError code() {
        return (ChannelsError) super.code();
    }
}
