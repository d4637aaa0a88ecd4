package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One call to one provider, as the flow made it: each is kept in the flow's state and written to
 * the audit trail, so that a failover shows.
 *
 * @param step the step
 * @param vendor the provider's vendor
 * @param number 1 for the first call of this step to this vendor, then 2, 3 for retries
 * @param at when it started (the engine's clock)
 * @param took how long it took (the engine's ticker)
 * @param result {@code pass}, {@code review}, {@code fail}, {@code expired}, {@code not-executed},
 *     or an error code such as {@code identity.vendor.timeout} or {@code identity.vendor.circuit-open}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Attempt(StepKind step, String vendor, int number, Instant at, Duration took, String result) {

    /** Validates the attempt. */
    public Attempt {
        Arguments.notNull(step, "step");
        Arguments.notBlank(vendor, "vendor");
        Arguments.notNull(at, "at");
        Arguments.notNull(took, "took");
        Arguments.notBlank(result, "result");
    }
}
