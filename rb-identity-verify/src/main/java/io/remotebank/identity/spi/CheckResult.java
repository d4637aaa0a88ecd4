package io.remotebank.identity.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Mask;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The canonical result of one vendor check, the same for every vendor: the outcome, the score with
 * its scale and operating points, attack sub-scores, evidence artefacts, the raw answer and, for
 * {@link Outcome#ERROR}, the vendor's error mapped to the SDK's codes.
 *
 * @param vendor who answered, e.g. {@code tencent-faceid}
 * @param outcome the vendor's verdict in canonical form
 * @param score the score, when the vendor gives one
 * @param subScores other signals on the vendor's scale, e.g. attack sub-scores ({@code replay},
 *     {@code injection}, {@code mask}); names are lower-case words joined by hyphens
 * @param artefacts evidence the vendor returned (a best frame, audit images)
 * @param rawPayload the vendor's answer as received, kind {@link ArtefactKind#VENDOR_PAYLOAD}
 * @param error for {@link Outcome#ERROR}: the vendor's error and its canonical meaning
 * @param detail the vendor's description of the result, personal data masked, at most 256
 *     characters
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CheckResult(
        String vendor,
        Outcome outcome,
        Optional<Score> score,
        Map<String, Double> subScores,
        List<Artefact> artefacts,
        Optional<Artefact> rawPayload,
        Optional<VendorError> error,
        String detail) {

    /**
     * Validates the result.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} when an error outcome
     *     has no error, another outcome has one, or the raw payload is not of kind {@link
     *     ArtefactKind#VENDOR_PAYLOAD}
     */
    public CheckResult {
        Arguments.notBlank(vendor, "vendor");
        Arguments.notNull(outcome, "outcome");
        Arguments.notNull(score, "score");
        Arguments.notNull(subScores, "subScores");
        Arguments.noNulls(artefacts, "artefacts");
        Arguments.notNull(rawPayload, "rawPayload");
        Arguments.notNull(error, "error");
        Arguments.notNull(detail, "detail");
        if ((outcome == Outcome.ERROR) != error.isPresent()) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "a check result carries an error exactly when its outcome is ERROR");
        }
        if (rawPayload.isPresent() && rawPayload.get().kind() != ArtefactKind.VENDOR_PAYLOAD) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID, "a raw payload is an artefact of kind VENDOR_PAYLOAD");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        subScores.forEach((k, v) -> {
            if (k == null || !k.matches("[a-z][a-z0-9-]{0,63}") || v == null || !Double.isFinite(v)) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID, "a sub-score is a lower-case name and a finite number");
            }
            copy.put(k, v);
        });
        subScores = Collections.unmodifiableMap(copy);
        artefacts = List.copyOf(artefacts);
        String masked = Mask.text(detail.replaceAll("\\p{Cntrl}", " "));
        detail = masked.length() > 256 ? masked.substring(0, 256) + "..." : masked;
    }

    /**
     * Starts a result.
     *
     * @param vendor who answered
     * @param outcome the verdict
     * @return a builder
     */
    public static Builder builder(String vendor, Outcome outcome) {
        return new Builder(vendor, outcome);
    }

    /**
     * An error result.
     *
     * @param vendor who answered
     * @param error the error
     * @return the result
     */
    public static CheckResult error(String vendor, VendorError error) {
        Arguments.notNull(error, "error");
        return builder(vendor, Outcome.ERROR)
                .error(error)
                .detail(error.message())
                .build();
    }

    /**
     * The first artefact of a kind.
     *
     * @param kind the kind
     * @return the artefact, if the vendor returned one
     */
    public Optional<Artefact> artefact(ArtefactKind kind) {
        return artefacts.stream().filter(a -> a.kind() == kind).findFirst();
    }

    /** Builds a {@link CheckResult}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final String vendor;
        private final Outcome outcome;
        private Score score;
        private final Map<String, Double> subScores = new LinkedHashMap<>();
        private final List<Artefact> artefacts = new ArrayList<>();
        private Artefact rawPayload;
        private VendorError error;
        private String detail = "";

        private Builder(String vendor, Outcome outcome) {
            this.vendor = vendor;
            this.outcome = outcome;
        }

        /**
         * The score.
         *
         * @param score the score
         * @return this builder
         */
        public Builder score(Score score) {
            this.score = Arguments.notNull(score, "score");
            return this;
        }

        /**
         * A sub-score.
         *
         * @param name e.g. {@code replay}
         * @param value on the vendor's scale
         * @return this builder
         */
        public Builder subScore(String name, double value) {
            subScores.put(Arguments.notBlank(name, "sub-score name"), value);
            return this;
        }

        /**
         * An evidence artefact.
         *
         * @param artefact the artefact
         * @return this builder
         */
        public Builder artefact(Artefact artefact) {
            artefacts.add(Arguments.notNull(artefact, "artefact"));
            return this;
        }

        /**
         * The raw answer.
         *
         * @param mediaType e.g. {@code application/json}
         * @param body the bytes as received
         * @return this builder
         */
        public Builder rawPayload(String mediaType, byte[] body) {
            this.rawPayload = Artefact.of(ArtefactKind.VENDOR_PAYLOAD, mediaType, body);
            return this;
        }

        /**
         * The error (for {@link Outcome#ERROR}).
         *
         * @param error the error
         * @return this builder
         */
        public Builder error(VendorError error) {
            this.error = Arguments.notNull(error, "error");
            return this;
        }

        /**
         * The vendor's description.
         *
         * @param detail free text; personal data in it is masked
         * @return this builder
         */
        public Builder detail(String detail) {
            this.detail = Arguments.notNull(detail, "detail");
            return this;
        }

        /** The result. */
        public CheckResult build() {
            return new CheckResult(
                    vendor,
                    outcome,
                    Optional.ofNullable(score),
                    subScores,
                    artefacts,
                    Optional.ofNullable(rawPayload),
                    Optional.ofNullable(error),
                    detail);
        }
    }
}
