package io.remotebank.channels;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.ErrorCode;
import io.remotebank.core.RbException;
import io.remotebank.core.ValidationException;
import org.apiguardian.api.API;

/** The error codes of rb-channels; {@code docs/rb-channels.md} lists each one. */
@API(status = STABLE, since = "0.1")
public enum ChannelsError implements ErrorCode {
    /** An argument is null, blank, malformed or out of range. */
    ARGUMENT_INVALID(
            "channels.argument.invalid",
            "An argument is missing, malformed or out of range.",
            ValidationException.class),
    /** An address does not belong to the channel it is used on, or is malformed. */
    ADDRESS_INVALID(
            "channels.address.invalid",
            "An address is malformed or does not belong to the channel.",
            ValidationException.class),
    /** A messaging, policy or template configuration is inconsistent. */
    CONFIG_INVALID(
            "channels.config.invalid",
            "A messaging, policy or template configuration is inconsistent.",
            ValidationException.class),
    /** A template id is already registered, or an operation names an unknown template. */
    TEMPLATE_INVALID(
            "channels.template.invalid",
            "A template is already registered, unknown, or inconsistent.",
            ValidationException.class),
    /** The outbox store or the JDBC interaction log could not read or write. */
    STORE_FAILED(
            "channels.store.failed",
            "The outbox store or the interaction log could not read or write; nothing was changed.",
            ChannelsException.class),
    /** The messaging service has been closed. */
    CLOSED("channels.messaging.closed", "The messaging service has been closed.", ChannelsException.class);

    private final String code;
    private final String meaning;
    private final Class<? extends RbException> exceptionType;

    ChannelsError(String code, String meaning, Class<? extends RbException> exceptionType) {
        this.code = code;
        this.meaning = meaning;
        this.exceptionType = exceptionType;
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
     * What a caller got wrong (an argument, an address, a configuration, a template) is a {@link
     * ValidationException}; what went wrong in the service (the store, a closed service) is a {@link
     * ChannelsException}.
     */
    @Override
    public Class<? extends RbException> exceptionType() {
        return exceptionType;
    }
}
