package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Receives status changes. Called on the dispatcher's or the provider's thread: return quickly. An
 * exception is logged and does not stop the others.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface StatusListener {
    /**
     * A message changed status.
     *
     * @param event the change
     */
    void onStatus(StatusEvent event);
}
