package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.identity.IdentityError;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * Checks a customer's statement against the authoritative registry: {@link Outcome#PASS} when the
 * elements belong together, {@link Outcome#FAIL} when they do not, {@link Outcome#REVIEW} when the
 * registry is unsure (a name with a rare character, a record under change).
 *
 * <p>Implemented by vendors' adapters and by {@link
 * io.remotebank.identity.simulator.RegistrySimulator}; proven by {@code
 * io.remotebank.tck.identity.IdentityRegistryContract}. Thread-safe; failures are {@link
 * Outcome#ERROR} results or exceptionally completed stages, never thrown.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface IdentityRegistry {

    /**
     * The vendor's name, e.g. {@code nciic}.
     *
     * @return the name
     */
    String vendor();

    /**
     * The kinds of query this registry answers.
     *
     * @return by default name and identity number only
     */
    default Set<RegistryQuery.Kind> kinds() {
        return EnumSet.of(RegistryQuery.Kind.NAME_AND_ID);
    }

    /**
     * Asks the registry.
     *
     * @param query the question
     * @return the answer; a kind not in {@link #kinds()} completes with {@link
     *     IdentityError#NOT_SUPPORTED}
     */
    CompletionStage<CheckResult> verify(RegistryQuery query);
}
