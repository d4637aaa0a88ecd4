package io.remotebank.channels;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.ErrorCode;
import org.apiguardian.api.API;

/** The error codes of rb-channels; {@code docs/rb-channels.md} lists each one. */
@API(status = STABLE, since = "0.1")
public enum ChannelsError implements ErrorCode {
    /** An argument is null, blank, malformed or out of range. */
    ARGUMENT_INVALID("channels.argument.invalid", "An argument is missing, malformed or out of range."),
    /** An address does not belong to the channel it is used on, or is malformed. */
    ADDRESS_INVALID("channels.address.invalid", "An address is malformed or does not belong to the channel."),
    /** A messaging, policy or template configuration is inconsistent. */
    CONFIG_INVALID("channels.config.invalid", "A messaging, policy or template configuration is inconsistent."),
    /** A template id is already registered, or an operation names an unknown template. */
    TEMPLATE_INVALID("channels.template.invalid", "A template is already registered, unknown, or inconsistent."),
    /** The outbox store could not read or write. */
    STORE_FAILED("channels.store.failed", "The outbox store could not read or write; nothing was changed."),
    /** The messaging service has been closed. */
    CLOSED("channels.messaging.closed", "The messaging service has been closed.");

    private final String code;
    private final String meaning;

    ChannelsError(String code, String meaning) {
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
}
