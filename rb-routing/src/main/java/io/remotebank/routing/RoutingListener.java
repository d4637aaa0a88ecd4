package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Receives every state change of the engine.
 *
 * <p>Events arrive one at a time, never concurrently, in the order of their {@link
 * RoutingEvent#sequence()}, on the thread of whichever caller finished an operation (never while the
 * engine's lock is held, so a listener may call the engine). An exception from a listener is logged
 * and does not affect the engine or other listeners.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface RoutingListener {

    /**
     * Receives an event.
     *
     * @param event the event
     */
    void onEvent(RoutingEvent event);
}
