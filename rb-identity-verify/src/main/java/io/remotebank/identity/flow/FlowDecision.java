package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A decision and why.
 *
 * @param verdict pass, review or fail
 * @param reasons each reason in words without personal data, e.g. {@code face-match: score 65 below
 *     70 for false-accept rate 1.0E-4}; empty for a clean pass
 * @param decidedBy {@code policy}, or {@code reviewer:ID}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FlowDecision(Verdict verdict, List<String> reasons, String decidedBy) {

    /** Copies the reasons. */
    public FlowDecision {
        Arguments.notNull(verdict, "verdict");
        reasons = List.copyOf(Arguments.noNulls(reasons, "reasons"));
        Arguments.notBlank(decidedBy, "decidedBy");
    }
}
