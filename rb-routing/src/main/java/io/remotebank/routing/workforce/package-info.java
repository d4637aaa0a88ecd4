/**
 * Workforce maths for contact centres: Erlang C (queues without abandonment) and Erlang A (queues
 * whose callers hang up after an exponentially distributed patience), from a {@link
 * io.remotebank.routing.workforce.Traffic} to a {@link io.remotebank.routing.workforce.Prediction}
 * for a number of agents, or to the agents needed for a {@link
 * io.remotebank.routing.workforce.ServiceTarget}.
 *
 * <p>Everything is computed with recurrences and in log space: no factorial or power is ever formed,
 * so hundreds of agents and thousands of erlangs neither overflow nor lose precision.
 */
package io.remotebank.routing.workforce;
