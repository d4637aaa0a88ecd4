package io.remotebank.core.time;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A scheduled task that can be called off. */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Cancellable {

    /**
     * Calls the task off; does nothing when it has already run or was cancelled.
     *
     * @return true when this call stopped the task from running (again)
     */
    boolean cancel();
}
