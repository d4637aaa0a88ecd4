package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Receives inbound messages that are not opt-out replies (those are recorded as withdrawals of
 * consent and never reach the application). Called on the provider's thread: return quickly.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface InboundListener {
    /**
     * A customer sent a message.
     *
     * @param message the message
     */
    void onInbound(InboundMessage message);
}
