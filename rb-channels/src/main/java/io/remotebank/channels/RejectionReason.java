package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Why a message is invalid and was not queued. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum RejectionReason {
    /** The template is not registered. */
    UNKNOWN_TEMPLATE,
    /** Parameters are missing or not declared by the template. */
    TEMPLATE_PARAMETERS,
    /** The template is for another category than the message. */
    TEMPLATE_CATEGORY,
    /** The template has no mapping for the channel's provider. */
    NO_TEMPLATE_MAPPING,
    /** No address could be resolved for the customer on the channel. */
    NO_ADDRESS,
    /** No provider is configured for the channel. */
    NO_PROVIDER,
    /** The deadline had already passed. */
    DEADLINE_PASSED
}
