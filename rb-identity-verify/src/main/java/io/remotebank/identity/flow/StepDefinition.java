package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One step of a flow and how hard to try it.
 *
 * @param kind what the step does
 * @param timeout how long one call to one provider may take, 1 ms to 10 minutes
 * @param retries how many more times the same provider is asked after a transient error, 0-10
 * @param backoff the pause before the first retry, doubled for each further one; zero to 1 minute
 * @param optional whether the flow goes on without it when it cannot be made (no provider answers,
 *     or a biometric step lacks consent): its result is then not executed, which the decision
 *     ignores for a non-biometric step and turns into review for a biometric one (see {@link
 *     io.remotebank.identity.policy.KycPolicy#decide})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StepDefinition(StepKind kind, Duration timeout, int retries, Duration backoff, boolean optional) {

    /** Default timeout of a vendor call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Default pause before the first retry. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);

    /**
     * Validates the step.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} for a value out of range
     */
    public StepDefinition {
        Arguments.notNull(kind, "kind");
        Arguments.notNull(timeout, "timeout");
        Arguments.notNull(backoff, "backoff");
        if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "a step timeout is 1 ms to 10 minutes, got " + timeout);
        }
        if (retries < 0 || retries > 10) {
            throw new IdentityException(IdentityError.ARGUMENT_INVALID, "retries are 0-10, got " + retries);
        }
        if (backoff.isNegative() || backoff.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "a retry backoff is zero to 1 minute, got " + backoff);
        }
    }

    /**
     * A required step with the default timeout, two retries and the default backoff.
     *
     * @param kind the step
     * @return the definition
     */
    public static StepDefinition of(StepKind kind) {
        return new StepDefinition(kind, DEFAULT_TIMEOUT, 2, DEFAULT_BACKOFF, false);
    }

    /**
     * This step with another timeout.
     *
     * @param timeout the timeout
     * @return a copy
     */
    public StepDefinition withTimeout(Duration timeout) {
        return new StepDefinition(kind, timeout, retries, backoff, optional);
    }

    /**
     * This step with other retries.
     *
     * @param retries how many
     * @param backoff the first pause
     * @return a copy
     */
    public StepDefinition withRetries(int retries, Duration backoff) {
        return new StepDefinition(kind, timeout, retries, backoff, optional);
    }

    /**
     * This step, optional.
     *
     * @return a copy
     */
    public StepDefinition asOptional() {
        return new StepDefinition(kind, timeout, retries, backoff, true);
    }
}
