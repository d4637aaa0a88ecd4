/**
 * A discrete-event simulator on virtual time that drives the real {@link
 * io.remotebank.routing.RoutingEngine}: Poisson arrivals whose rate may change per interval,
 * exponential or log-normal handle times, exponential patience, several queues and skills, agents
 * with shifts. It reports the engine's own {@link io.remotebank.routing.QueueStatistics}, so what a
 * planner sees is what the engine would measure with the same routing rules. Runs are seeded and
 * deterministic.
 */
package io.remotebank.routing.simulation;
