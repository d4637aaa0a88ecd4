package io.remotebank.identity.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.FaceMatchProvider;
import io.remotebank.identity.spi.FaceMatchRequest;
import io.remotebank.identity.spi.OperatingPoints;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.Score;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * A simulated face-match vendor with fixed answers on a 0-100 similarity scale and fixed operating
 * points ({@link #OPERATING_POINTS}: 60 at 1e-3, 70 at 1e-4, 80 at 1e-5): {@link Behaviour#PASS}
 * scores 92, {@link Behaviour#REVIEW} 75 (the vendor unsure), {@link Behaviour#FAIL} 20 (any other behaviour that
 * answers also fails). For tests, demos and {@code rb kyc --simulate}; never in production.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FaceMatchSimulator implements FaceMatchProvider {

    /** The simulated model's operating points. */
    public static final OperatingPoints OPERATING_POINTS = Outcomes.FACE_POINTS;

    private final String vendor;
    private final Script script;

    private FaceMatchSimulator(String vendor, Script script) {
        this.vendor = vendor;
        this.script = script;
    }

    /**
     * A simulator.
     *
     * @param vendor its name, e.g. {@code sim-face}
     * @param script what it does on each call; the last behaviour repeats
     * @return the simulator
     */
    public static FaceMatchSimulator of(String vendor, Behaviour... script) {
        return new FaceMatchSimulator(Script.vendor(vendor), new Script(script));
    }

    @Override
    public String vendor() {
        return vendor;
    }

    /** How many calls it has answered. */
    public int calls() {
        return script.calls();
    }

    @Override
    public CompletionStage<CheckResult> match(FaceMatchRequest request) {
        Behaviour b = script.next();
        CompletionStage<CheckResult> failed = Outcomes.failure(vendor, b, c -> c);
        if (failed != null) {
            return failed;
        }
        double similarity = switch (b) {
            case PASS -> 92;
            case REVIEW -> 75;
            default -> 20;
        };
        Outcome outcome = switch (b) {
            case PASS -> Outcome.PASS;
            case REVIEW -> Outcome.REVIEW;
            default -> Outcome.FAIL;
        };
        return CompletableFuture.completedFuture(CheckResult.builder(vendor, outcome)
                .score(new Score(vendor, "sim-1", similarity, OPERATING_POINTS))
                .rawPayload("application/json", Outcomes.json("{\"Sim\":" + similarity + "}"))
                .detail("similarity " + similarity)
                .build());
    }

    @Override
    public String toString() {
        return "FaceMatchSimulator[" + vendor + "]";
    }
}
