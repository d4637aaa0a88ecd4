package io.remotebank.identity.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.FlowDecision;
import io.remotebank.identity.flow.StepKind;
import io.remotebank.identity.flow.StepResult;
import io.remotebank.identity.flow.Verdict;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.Score;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The bank's rules for remote identity: score thresholds set as target false-accept rates (mapped to
 * each vendor's operating points, never to a vendor's raw number), the minimum age, how long the
 * document must stay valid, and when a person must review.
 *
 * <p>A score passes only when it meets the threshold of the vendor's operating point for the
 * target rate (the point with the largest rate not above the target, see {@link
 * io.remotebank.identity.spi.OperatingPoints#thresholdFor}). When the vendor publishes no point as
 * strict as the target, the signal goes to review. When the vendor's verdict and the mapped score
 * disagree, the signal goes to review with both named.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KycPolicy {

    private final double faceMatchFalseAcceptRate;
    private final double livenessFalseAcceptRate;
    private final int minimumAge;
    private final Period documentValidFor;

    private KycPolicy(Builder b) {
        this.faceMatchFalseAcceptRate = b.faceMatchFalseAcceptRate;
        this.livenessFalseAcceptRate = b.livenessFalseAcceptRate;
        this.minimumAge = b.minimumAge;
        this.documentValidFor = b.documentValidFor;
    }

    /** The defaults: false-accept rates of 1e-4, age 18, a document valid today. */
    public static KycPolicy ofDefaults() {
        return builder().build();
    }

    /**
     * Starts a policy from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The face-match target false-accept rate. */
    public double faceMatchFalseAcceptRate() {
        return faceMatchFalseAcceptRate;
    }

    /** The liveness target false-accept rate (attacks accepted as live). */
    public double livenessFalseAcceptRate() {
        return livenessFalseAcceptRate;
    }

    /** The minimum age in years. */
    public int minimumAge() {
        return minimumAge;
    }

    /**
     * Judges a vendor's scored verdict against a target false-accept rate.
     *
     * @param signal the step, for the reasons
     * @param vendorOutcome what the vendor said
     * @param score its score
     * @param targetFalseAcceptRate the target
     * @return the judgement: never {@link Outcome#PASS} when the score does not meet the threshold
     *     of the target's operating point
     */
    public Judgement judge(String signal, Outcome vendorOutcome, Score score, double targetFalseAcceptRate) {
        Arguments.notNull(signal, "signal");
        Arguments.notNull(vendorOutcome, "vendorOutcome");
        Arguments.notNull(score, "score");
        Optional<Double> threshold = score.operatingPoints().thresholdFor(targetFalseAcceptRate);
        if (threshold.isEmpty()) {
            return new Judgement(
                    vendorOutcome == Outcome.FAIL ? Outcome.FAIL : Outcome.REVIEW,
                    threshold,
                    List.of(signal + ": " + score.vendor() + " model " + score.modelVersion()
                            + " has no operating point at false-accept rate " + targetFalseAcceptRate
                            + " or stricter"));
        }
        double t = threshold.get();
        boolean meets = score.scale().meets(score.value(), t);
        String versus = signal + ": score " + score.value() + (meets ? " meets " : " below ") + t
                + " (false-accept rate " + targetFalseAcceptRate + ", " + score.vendor() + " " + score.modelVersion()
                + ")";
        return switch (vendorOutcome) {
            case PASS ->
                meets
                        ? new Judgement(Outcome.PASS, threshold, List.of())
                        : new Judgement(Outcome.REVIEW, threshold, List.of(versus + "; the vendor passed it"));
            case REVIEW ->
                meets
                        ? new Judgement(Outcome.REVIEW, threshold, List.of(versus + "; the vendor asks for review"))
                        : new Judgement(Outcome.FAIL, threshold, List.of(versus));
            case FAIL ->
                meets
                        ? new Judgement(Outcome.REVIEW, threshold, List.of(versus + "; the vendor failed it"))
                        : new Judgement(Outcome.FAIL, threshold, List.of(versus));
            default -> new Judgement(vendorOutcome, threshold, List.of(signal + ": " + vendorOutcome));
        };
    }

    /**
     * Judges a face match.
     *
     * @param vendorOutcome the vendor's verdict
     * @param score its similarity
     * @return the judgement at {@link #faceMatchFalseAcceptRate()}
     */
    public Judgement judgeFaceMatch(Outcome vendorOutcome, Score score) {
        return judge(StepKind.FACE_MATCH.label(), vendorOutcome, score, faceMatchFalseAcceptRate);
    }

    /**
     * Judges a liveness check.
     *
     * @param vendorOutcome the vendor's verdict
     * @param score its confidence
     * @return the judgement at {@link #livenessFalseAcceptRate()}
     */
    public Judgement judgeLiveness(Outcome vendorOutcome, Score score) {
        return judge(StepKind.LIVENESS.label(), vendorOutcome, score, livenessFalseAcceptRate);
    }

    /**
     * The age and expiry rules.
     *
     * @param birthDate the holder's birth date, if known
     * @param expiryDate the document's expiry, if it has one
     * @param today the date today
     * @return {@link Outcome#PASS}, {@link Outcome#FAIL} (too young, expired) or {@link
     *     Outcome#REVIEW} (birth date unknown)
     */
    public Judgement judgeDocument(Optional<LocalDate> birthDate, Optional<LocalDate> expiryDate, LocalDate today) {
        Arguments.notNull(birthDate, "birthDate");
        Arguments.notNull(expiryDate, "expiryDate");
        Arguments.notNull(today, "today");
        List<String> fails = new ArrayList<>();
        List<String> doubts = new ArrayList<>();
        if (birthDate.isEmpty()) {
            doubts.add("document: birth date unknown, age not checked");
        } else if (Period.between(birthDate.get(), today).getYears() < minimumAge) {
            fails.add("document: holder younger than " + minimumAge);
        }
        if (expiryDate.isPresent()) {
            LocalDate mustLast = today.plus(documentValidFor);
            if (expiryDate.get().isBefore(today)) {
                fails.add("document: expired");
            } else if (expiryDate.get().isBefore(mustLast)) {
                fails.add("document: expires within " + documentValidFor);
            }
        }
        if (!fails.isEmpty()) {
            fails.addAll(doubts);
            return new Judgement(Outcome.FAIL, Optional.empty(), fails);
        }
        return new Judgement(doubts.isEmpty() ? Outcome.PASS : Outcome.REVIEW, Optional.empty(), doubts);
    }

    /**
     * The flow's decision from its steps' results: fail when a step failed or expired, review when
     * a step asks for review (with every reason), pass otherwise. A biometric step (liveness, face
     * match) that was not executed (an optional step skipped for want of consent or of a vendor)
     * asks for review: a flow whose definition names a biometric check never passes on its own
     * without it (a bank that wants no biometrics leaves the step out of the definition). Other
     * steps not executed do not count.
     *
     * @param results the results
     * @return the decision, decided by {@code policy}
     */
    public FlowDecision decide(List<StepResult> results) {
        Arguments.noNulls(results, "results");
        List<String> fails = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        for (StepResult r : results) {
            switch (r.outcome()) {
                case FAIL, EXPIRED, ERROR -> fails.add(reason(r));
                case REVIEW -> reviews.add(reason(r));
                case NOT_EXECUTED -> {
                    if (r.kind().biometric()) {
                        reviews.add(reason(r) + " (a biometric check the flow defines was not made)");
                    }
                }
                default -> {}
            }
        }
        if (!fails.isEmpty()) {
            return new FlowDecision(Verdict.FAIL, fails, "policy");
        }
        if (!reviews.isEmpty()) {
            return new FlowDecision(Verdict.REVIEW, reviews, "policy");
        }
        return new FlowDecision(Verdict.PASS, List.of(), "policy");
    }

    private static String reason(StepResult r) {
        return r.reasons().isEmpty()
                ? r.kind().label() + ": " + r.outcome().name().toLowerCase(java.util.Locale.ROOT)
                : String.join("; ", r.reasons());
    }

    @Override
    public String toString() {
        return "KycPolicy[faceMatchFAR=" + faceMatchFalseAcceptRate + ", livenessFAR=" + livenessFalseAcceptRate
                + ", minimumAge=" + minimumAge + ", documentValidFor=" + documentValidFor + "]";
    }

    /** Builds a {@link KycPolicy}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private double faceMatchFalseAcceptRate = 1e-4;
        private double livenessFalseAcceptRate = 1e-4;
        private int minimumAge = 18;
        private Period documentValidFor = Period.ZERO;

        private Builder() {}

        /**
         * The face-match target false-accept rate.
         *
         * @param rate in (0, 0.1], e.g. {@code 1e-4}
         * @return this builder
         */
        public Builder faceMatchFalseAcceptRate(double rate) {
            this.faceMatchFalseAcceptRate = rate(rate, "face-match");
            return this;
        }

        /**
         * The liveness target false-accept rate.
         *
         * @param rate in (0, 0.1]
         * @return this builder
         */
        public Builder livenessFalseAcceptRate(double rate) {
            this.livenessFalseAcceptRate = rate(rate, "liveness");
            return this;
        }

        /**
         * The minimum age.
         *
         * @param years 0-150
         * @return this builder
         */
        public Builder minimumAge(int years) {
            if (years < 0 || years > 150) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID, "a minimum age is 0-150 years, got " + years);
            }
            this.minimumAge = years;
            return this;
        }

        /**
         * How long the document must remain valid from today.
         *
         * @param period zero or more, at most 10 years
         * @return this builder
         */
        public Builder documentValidFor(Period period) {
            Arguments.notNull(period, "period");
            if (period.isNegative() || period.toTotalMonths() > 120) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID, "a document validity margin is 0 to 10 years, got " + period);
            }
            this.documentValidFor = period;
            return this;
        }

        private static double rate(double rate, String what) {
            if (!(rate > 0 && rate <= 0.1)) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID,
                        "a " + what + " target false-accept rate is in (0, 0.1], got " + rate);
            }
            return rate;
        }

        /** The policy. */
        public KycPolicy build() {
            return new KycPolicy(this);
        }
    }
}
