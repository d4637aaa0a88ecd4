package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The result of validating one document: its parsed fields (in the implementing record) and every
 * check made, each passed or failed with its reason. A bad document is a result, never an
 * exception.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface DocumentCheck permits CnResidentIdResult, HkIdResult, MrzResult {

    /** Every check made, in order. */
    List<Check> checks();

    /** Whether every check passed. */
    default boolean valid() {
        return checks().stream().allMatch(Check::passed);
    }

    /** The checks that failed, in order. */
    default List<Check> failures() {
        return checks().stream().filter(c -> !c.passed()).toList();
    }

    /**
     * The check of a name, when it was made.
     *
     * @param name e.g. {@code check-character}
     * @return the check
     */
    default Optional<Check> check(String name) {
        return checks().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
