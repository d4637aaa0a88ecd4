package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Where a message stands. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum MessageStatus {
    /** In the outbox, waiting for its due time or for the dispatcher (also between retries). */
    QUEUED(false),
    /** The provider accepted it. */
    SUBMITTED(false),
    /** The provider reported it delivered to the recipient. */
    DELIVERED(true),
    /** It could not be submitted after the last retry, or the provider reported it undeliverable. */
    FAILED(true),
    /** Its deadline passed before it was submitted, or the provider reported it expired. */
    EXPIRED(true),
    /** The contact policy stopped it (when sent, or when due: consent withdrawn meanwhile). */
    SUPPRESSED(true),
    /** It was invalid. */
    REJECTED(true);

    private final boolean terminal;

    MessageStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether the status never changes again. */
    public boolean terminal() {
        return terminal;
    }
}
