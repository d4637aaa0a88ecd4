package io.remotebank.identity.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.spi.Outcome;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the policy makes of one signal.
 *
 * @param outcome pass, review or fail by the bank's rules
 * @param threshold the threshold applied, for a score
 * @param reasons why, without personal data; empty for a clean pass
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Judgement(Outcome outcome, Optional<Double> threshold, List<String> reasons) {

    /** Validates and copies. */
    public Judgement {
        Arguments.notNull(outcome, "outcome");
        Arguments.notNull(threshold, "threshold");
        reasons = List.copyOf(Arguments.noNulls(reasons, "reasons"));
    }
}
