package io.remotebank.segmentation.funnel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The step of a funnel that loses the largest share of the customers who reached its start (the
 * "关键时刻", the moment of truth): where an intervention, a call or an SMS, matters most.
 *
 * @param from the stage the step starts at
 * @param to the stage it should reach
 * @param lost the customers lost on the step
 * @param conversion the share that made the step
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record KeyMoment(String from, String to, long lost, double conversion) {}
