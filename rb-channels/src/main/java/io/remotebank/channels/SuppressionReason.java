package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Why the contact policy did not let a valid message through. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SuppressionReason {
    /** The customer never consented to this kind of message, or no customer is known to ask. */
    NO_CONSENT,
    /** The customer withdrew consent (an opt-out reply such as TD, or any other withdrawal). */
    OPTED_OUT,
    /** The recipient already had as many messages of this category as a frequency cap allows. */
    FREQUENCY_CAP,
    /** The category needs an approved template and the message used none, or one not approved. */
    UNAPPROVED_TEMPLATE,
    /** Quiet hours, configured to refuse rather than defer, or the deadline ends before they do. */
    QUIET_HOURS,
    /**
     * A free-form (customer-service) message on a channel that allows one only within a time after
     * the customer's last interaction (WeChat: 48 hours), and that time has passed or never began.
     */
    SERVICE_WINDOW
}
