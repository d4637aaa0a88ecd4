package io.remotebank.identity.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.OperatingPoint;
import io.remotebank.identity.spi.OperatingPoints;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.Score;
import io.remotebank.identity.spi.ScoreScale;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KycPolicyTest {

    static final OperatingPoints POINTS = new OperatingPoints(
            ScoreScale.PERCENT,
            List.of(new OperatingPoint(1e-3, 60), new OperatingPoint(1e-4, 70), new OperatingPoint(1e-5, 80)),
            "test");

    final KycPolicy policy = KycPolicy.ofDefaults();

    private static Score score(double value) {
        return new Score("vendor-x", "3.0", value, POINTS);
    }

    @Test
    void targetRate_mapsToTheOperatingPointNotLaxerThanIt() {
        assertThat(POINTS.thresholdFor(1e-4)).contains(70.0);
        assertThat(POINTS.thresholdFor(5e-4))
                .as("between points: the stricter one")
                .contains(70.0);
        assertThat(POINTS.thresholdFor(1e-6))
                .as("stricter than every point: none")
                .isEmpty();
    }

    @Test
    void vendorPass_belowTheMappedThreshold_isReview_notPass() {
        Judgement j = policy.judgeFaceMatch(Outcome.PASS, score(65));

        assertThat(j.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(j.threshold()).contains(70.0);
        assertThat(j.reasons())
                .singleElement()
                .asString()
                .contains("below 70.0")
                .contains("the vendor passed it");
    }

    @Test
    void noOperatingPointAsStrictAsTheTarget_goesToReview() {
        KycPolicy strict = KycPolicy.builder().faceMatchFalseAcceptRate(1e-7).build();

        Judgement j = strict.judgeFaceMatch(Outcome.PASS, score(99));

        assertThat(j.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(j.reasons()).singleElement().asString().contains("no operating point");
    }

    /** Property: whatever the vendor says, a score below the operating point for the target never passes. */
    @Test
    void mappedScore_neverPassesACustomerBelowTheOperatingPointOfTheTarget() {
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            boolean higherIsBetter = random.nextBoolean();
            ScoreScale scale = new ScoreScale("s", 0, 1, higherIsBetter);
            int n = 1 + random.nextInt(5);
            List<OperatingPoint> points = new ArrayList<>();
            double rate = 0.05;
            double threshold = higherIsBetter ? random.nextDouble() * 0.3 : 1 - random.nextDouble() * 0.3;
            for (int k = 0; k < n; k++) {
                points.add(new OperatingPoint(rate, threshold));
                rate /= 2 + random.nextInt(20);
                double step = random.nextDouble() * (higherIsBetter ? 1 - threshold : threshold) / 2;
                threshold += higherIsBetter ? step : -step;
            }
            OperatingPoints ops = new OperatingPoints(scale, points, "random");
            double target = Math.pow(10, -1.5 - random.nextDouble() * 5);
            double value = random.nextDouble();
            Outcome vendor = Outcome.values()[random.nextInt(3)];
            KycPolicy p = KycPolicy.builder()
                    .faceMatchFalseAcceptRate(Math.min(target, 0.1))
                    .build();

            Judgement j = p.judgeFaceMatch(vendor, new Score("v", "1", value, ops));

            Optional<Double> t = ops.thresholdFor(p.faceMatchFalseAcceptRate());
            boolean below = t.isEmpty() || !scale.meets(value, t.get());
            if (below) {
                assertThat(j.outcome())
                        .as("score %s, points %s, target %s, vendor %s", value, ops.points(), target, vendor)
                        .isNotEqualTo(Outcome.PASS);
            }
            if (j.outcome() == Outcome.PASS) {
                assertThat(vendor).isEqualTo(Outcome.PASS);
            }
        }
    }

    @Test
    void tooYoung_failsTheDocument_andUnknownBirthDateGoesToReview() {
        LocalDate today = LocalDate.of(2026, 12, 7);

        assertThat(policy.judgeDocument(Optional.of(LocalDate.of(2009, 1, 1)), Optional.empty(), today)
                        .reasons())
                .containsExactly("document: holder younger than 18");
        assertThat(policy.judgeDocument(Optional.of(LocalDate.of(2008, 12, 7)), Optional.empty(), today)
                        .outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(policy.judgeDocument(Optional.empty(), Optional.empty(), today)
                        .outcome())
                .isEqualTo(Outcome.REVIEW);
    }

    @Test
    void documentExpiringWithinTheMargin_fails() {
        KycPolicy margin =
                KycPolicy.builder().documentValidFor(Period.ofMonths(3)).build();
        LocalDate today = LocalDate.of(2026, 12, 7);

        assertThat(margin.judgeDocument(Optional.of(LocalDate.of(1980, 1, 1)), Optional.of(today.plusMonths(2)), today)
                        .reasons())
                .containsExactly("document: expires within P3M");
        assertThat(policy.judgeDocument(Optional.of(LocalDate.of(1980, 1, 1)), Optional.of(today.minusDays(1)), today)
                        .reasons())
                .containsExactly("document: expired");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1e-4, 0.5, Double.NaN})
    void targetRateOutOfRange_isRefused(double rate) {
        assertThat(catchThrowableOfType(
                                IdentityException.class,
                                () -> KycPolicy.builder().faceMatchFalseAcceptRate(rate))
                        .error())
                .isEqualTo(IdentityError.ARGUMENT_INVALID);
    }

    @Test
    void decide_aBiometricStepNotExecuted_asksForReview_otherSkippedStepsDoNotCount() {
        KycPolicy policy = KycPolicy.ofDefaults();
        io.remotebank.identity.flow.StepResult registrySkipped = io.remotebank.identity.flow.StepResult.of(
                io.remotebank.identity.flow.StepKind.REGISTRY, Outcome.NOT_EXECUTED, List.of("registry: skipped"));
        io.remotebank.identity.flow.StepResult livenessSkipped = io.remotebank.identity.flow.StepResult.of(
                io.remotebank.identity.flow.StepKind.LIVENESS, Outcome.NOT_EXECUTED, List.of("liveness: skipped"));

        assertThat(policy.decide(List.of(registrySkipped)).verdict())
                .isEqualTo(io.remotebank.identity.flow.Verdict.PASS);
        io.remotebank.identity.flow.FlowDecision d = policy.decide(List.of(registrySkipped, livenessSkipped));
        assertThat(d.verdict()).isEqualTo(io.remotebank.identity.flow.Verdict.REVIEW);
        assertThat(d.reasons()).singleElement().asString().startsWith("liveness: skipped");
    }
}
