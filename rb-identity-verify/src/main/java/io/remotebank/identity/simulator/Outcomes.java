package io.remotebank.identity.simulator;

import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.OperatingPoint;
import io.remotebank.identity.spi.OperatingPoints;
import io.remotebank.identity.spi.ScoreScale;
import io.remotebank.identity.spi.VendorErrorMap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** What the simulators share: their operating points, error map and the failure behaviours. */
final class Outcomes {

    /** The simulators' face-match model: 0-100 similarity, points shaped like the big vendors' tables. */
    static final OperatingPoints FACE_POINTS = new OperatingPoints(
            ScoreScale.PERCENT,
            List.of(new OperatingPoint(1e-3, 60), new OperatingPoint(1e-4, 70), new OperatingPoint(1e-5, 80)),
            "simulator (fixed figures, not a real model)");

    /** The simulators' liveness model: 0-1 confidence. */
    static final OperatingPoints LIVENESS_POINTS = new OperatingPoints(
            ScoreScale.UNIT,
            List.of(new OperatingPoint(1e-3, 0.7), new OperatingPoint(1e-4, 0.9), new OperatingPoint(1e-5, 0.95)),
            "simulator (fixed figures, not a real model)");

    /** The simulators speak a small dialect of vendor codes, mapped as an adapter would. */
    static final VendorErrorMap ERRORS = VendorErrorMap.builder()
            .exact("SIM.Throttled", IdentityError.VENDOR_THROTTLED)
            .exact("SIM.Unavailable", IdentityError.VENDOR_UNAVAILABLE)
            .prefix("SIM.Auth", IdentityError.VENDOR_CREDENTIALS)
            .build();

    private Outcomes() {}

    /** The stage for DOWN, THROTTLED and HANG; empty for the behaviours a simulator answers itself. */
    static <T> CompletionStage<T> failure(
            String vendor, Behaviour b, java.util.function.Function<CheckResult, T> wrap) {
        return switch (b) {
            case DOWN ->
                CompletableFuture.failedFuture(new IdentityException(
                        IdentityError.VENDOR_UNAVAILABLE, vendor + " (simulated) is down: connection refused"));
            case THROTTLED ->
                CompletableFuture.completedFuture(wrap.apply(CheckResult.builder(
                                vendor, io.remotebank.identity.spi.Outcome.ERROR)
                        .error(ERRORS.map("SIM.Throttled", "request limit exceeded"))
                        .rawPayload(
                                "application/json", "{\"error\":\"SIM.Throttled\"}".getBytes(StandardCharsets.UTF_8))
                        .build()));
            case HANG -> new CompletableFuture<>();
            default -> null;
        };
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
