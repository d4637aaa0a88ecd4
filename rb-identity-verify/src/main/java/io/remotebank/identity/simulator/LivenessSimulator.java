package io.remotebank.identity.simulator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.LivenessProvider;
import io.remotebank.identity.spi.LivenessRequest;
import io.remotebank.identity.spi.LivenessSession;
import io.remotebank.identity.spi.OperatingPoints;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.Score;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * A simulated two-phase liveness vendor whose customer finishes at once. The behaviour is drawn
 * when a session starts (DOWN, THROTTLED and HANG then apply to the start) and fixed for that
 * session, so that {@link #result} is idempotent: {@link Behaviour#PASS} confidence 0.98 with a
 * best frame, {@link Behaviour#REVIEW} 0.92 (the vendor unsure), {@link Behaviour#FAIL} 0.1 with a high replay
 * sub-score, {@link Behaviour#EXPIRED} no result until the session's expiry and EXPIRED after it.
 * Sessions last {@link #SESSION_LIFETIME} on the given clock. For tests, demos and {@code rb kyc
 * --simulate}; never in production.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LivenessSimulator implements LivenessProvider {

    /** How long a simulated session accepts the customer's attempt. */
    public static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);

    /** The simulated model's operating points. */
    public static final OperatingPoints OPERATING_POINTS = Outcomes.LIVENESS_POINTS;

    private record Session(Behaviour behaviour, Instant expiresAt) {}

    private final String vendor;
    private final Script script;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private LivenessSimulator(String vendor, Script script, Clock clock) {
        this.vendor = vendor;
        this.script = script;
        this.clock = clock;
    }

    /**
     * A simulator.
     *
     * @param vendor its name, e.g. {@code sim-liveness}
     * @param clock the clock of the session expiries
     * @param script what it does on each session; the last behaviour repeats
     * @return the simulator
     */
    public static LivenessSimulator of(String vendor, Clock clock, Behaviour... script) {
        return new LivenessSimulator(Script.vendor(vendor), new Script(script), Arguments.notNull(clock, "clock"));
    }

    @Override
    public String vendor() {
        return vendor;
    }

    /** How many sessions it was asked to start. */
    public int calls() {
        return script.calls();
    }

    @Override
    public CompletionStage<LivenessSession> startSession(LivenessRequest request) {
        if (request == null) {
            return CompletableFuture.failedFuture(
                    new IdentityException(IdentityError.ARGUMENT_INVALID, "a liveness request is required"));
        }
        Behaviour b = script.next();
        if (b == Behaviour.DOWN || b == Behaviour.HANG) {
            return Outcomes.failure(vendor, b, c -> null);
        }
        if (b == Behaviour.THROTTLED) {
            return CompletableFuture.failedFuture(
                    new IdentityException(IdentityError.VENDOR_THROTTLED, vendor + " (simulated) throttles"));
        }
        String id = vendor + "-session-" + ids.incrementAndGet();
        Instant expiresAt = clock.instant().plus(SESSION_LIFETIME);
        sessions.put(id, new Session(b, expiresAt));
        return CompletableFuture.completedFuture(new LivenessSession(
                vendor, id, Optional.of(Sensitive.of("token-" + id, PiiKind.OTHER)), Optional.empty(), expiresAt));
    }

    @Override
    public CompletionStage<CheckResult> result(String sessionId) {
        Session s = sessionId == null ? null : sessions.get(sessionId);
        if (s == null) {
            return CompletableFuture.completedFuture(CheckResult.error(
                    vendor,
                    new io.remotebank.identity.spi.VendorError(
                            "SIM.SessionUnknown", "no such session", IdentityError.VENDOR_SESSION_UNKNOWN)));
        }
        boolean expired = !clock.instant().isBefore(s.expiresAt());
        CheckResult.Builder r = switch (s.behaviour()) {
            case PASS ->
                CheckResult.builder(vendor, Outcome.PASS)
                        .score(score(0.98))
                        .subScore("replay", 0.01)
                        .artefact(frame(sessionId));
            case REVIEW ->
                CheckResult.builder(vendor, Outcome.REVIEW)
                        .score(score(0.92))
                        .subScore("replay", 0.2)
                        .artefact(frame(sessionId));
            case EXPIRED ->
                CheckResult.builder(vendor, expired ? Outcome.EXPIRED : Outcome.NOT_EXECUTED)
                        .detail(expired ? "session expired" : "customer has not finished");
            default ->
                CheckResult.builder(vendor, Outcome.FAIL).score(score(0.1)).subScore("replay", 0.95);
        };
        return CompletableFuture.completedFuture(r.rawPayload(
                        "application/json", ("{\"session\":\"" + sessionId + "\"}").getBytes(StandardCharsets.UTF_8))
                .build());
    }

    private Score score(double confidence) {
        return new Score(vendor, "sim-1", confidence, OPERATING_POINTS);
    }

    /** The best frame of a session: deterministic in the session id. */
    private static Artefact frame(String sessionId) {
        return Artefact.of(
                ArtefactKind.LIVENESS_FRAME, "image/jpeg", ("frame-of:" + sessionId).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "LivenessSimulator[" + vendor + "]";
    }
}
