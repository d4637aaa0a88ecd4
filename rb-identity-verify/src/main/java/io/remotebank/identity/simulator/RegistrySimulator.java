package io.remotebank.identity.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.IdentityRegistry;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.RegistryQuery;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * A simulated authoritative registry answering both kinds of query: {@link Behaviour#PASS} "the
 * elements match", {@link Behaviour#REVIEW} "unsure", {@link Behaviour#FAIL} "they do not". For
 * tests, demos and {@code rb kyc --simulate}; never in production.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RegistrySimulator implements IdentityRegistry {

    private final String vendor;
    private final Script script;
    private final Set<RegistryQuery.Kind> kinds;

    private RegistrySimulator(String vendor, Script script, Set<RegistryQuery.Kind> kinds) {
        this.vendor = vendor;
        this.script = script;
        this.kinds = kinds;
    }

    /**
     * A simulator answering both kinds of query.
     *
     * @param vendor its name, e.g. {@code sim-registry}
     * @param script what it does on each call; the last behaviour repeats
     * @return the simulator
     */
    public static RegistrySimulator of(String vendor, Behaviour... script) {
        return new RegistrySimulator(
                Script.vendor(vendor), new Script(script), EnumSet.allOf(RegistryQuery.Kind.class));
    }

    /**
     * A simulator answering name and identity number only.
     *
     * @param vendor its name
     * @param script what it does on each call
     * @return the simulator
     */
    public static RegistrySimulator nameAndIdOnly(String vendor, Behaviour... script) {
        return new RegistrySimulator(
                Script.vendor(vendor), new Script(script), EnumSet.of(RegistryQuery.Kind.NAME_AND_ID));
    }

    @Override
    public String vendor() {
        return vendor;
    }

    @Override
    public Set<RegistryQuery.Kind> kinds() {
        return EnumSet.copyOf(kinds);
    }

    /** How many calls it has answered. */
    public int calls() {
        return script.calls();
    }

    @Override
    public CompletionStage<CheckResult> verify(RegistryQuery query) {
        if (query == null) {
            return CompletableFuture.failedFuture(
                    new IdentityException(IdentityError.ARGUMENT_INVALID, "a registry query is required"));
        }
        if (!kinds.contains(query.kind())) {
            return CompletableFuture.failedFuture(new IdentityException(
                    IdentityError.NOT_SUPPORTED, vendor + " does not answer " + query.kind() + " queries"));
        }
        Behaviour b = script.next();
        CompletionStage<CheckResult> failed = Outcomes.failure(vendor, b, c -> c);
        if (failed != null) {
            return failed;
        }
        Outcome outcome = switch (b) {
            case PASS -> Outcome.PASS;
            case REVIEW -> Outcome.REVIEW;
            default -> Outcome.FAIL;
        };
        String code = switch (outcome) {
            case PASS -> "MATCH";
            case REVIEW -> "UNCERTAIN";
            default -> "MISMATCH";
        };
        return CompletableFuture.completedFuture(CheckResult.builder(vendor, outcome)
                .rawPayload("application/json", Outcomes.json("{\"result\":\"" + code + "\"}"))
                .detail(code.toLowerCase(java.util.Locale.ROOT))
                .build());
    }

    @Override
    public String toString() {
        return "RegistrySimulator[" + vendor + "]";
    }
}
