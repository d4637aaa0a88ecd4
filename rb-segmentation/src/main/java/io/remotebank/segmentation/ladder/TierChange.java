package io.remotebank.segmentation.ladder;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A customer moved up or down the ladder.
 *
 * @param from the tier before
 * @param to the tier after
 * @param on the day of the evaluation that moved them
 * @param promotion true for a move up
 * @param reason why, for people: the thresholds met or missed and for how long
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TierChange(String from, String to, LocalDate on, boolean promotion, String reason) {}
