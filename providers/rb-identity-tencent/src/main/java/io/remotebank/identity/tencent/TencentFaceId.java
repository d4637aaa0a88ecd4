package io.remotebank.identity.tencent;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.Arguments;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.time.Clocks;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.LivenessProvider;
import io.remotebank.identity.spi.LivenessRequest;
import io.remotebank.identity.spi.LivenessSession;
import io.remotebank.identity.spi.OperatingPoint;
import io.remotebank.identity.spi.OperatingPoints;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.Score;
import io.remotebank.identity.spi.ScoreScale;
import io.remotebank.identity.spi.VendorError;
import io.remotebank.identity.spi.VendorErrorMap;
import io.remotebank.identity.tencent.internal.Tc3;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apiguardian.api.API;

/**
 * A {@link LivenessProvider} on Tencent Cloud FaceID's hosted verification (慧眼人脸核身), API
 * version {@code 2018-03-01}. {@link #startSession} calls {@code DetectAuth} with the bank's
 * RuleId (the business flow configured in the FaceID console: liveness, and the face compared with
 * the authoritative photo or the one uploaded) and gives the customer the {@code Url} to open, with
 * the {@code BizToken} as the session id; {@link #result} calls {@code GetDetectInfoEnhanced} for
 * the text and the best frame, which FaceID answers the same way for three days, so it is
 * idempotent. Requests are signed with TC3-HMAC-SHA256.
 *
 * <p>Mapping: {@code Text.ErrCode} 0 is PASS with {@code Text.Sim} as the score on the percent
 * scale with Tencent's published operating points ({@link #OPERATING_POINTS}: 70 for a false-accept
 * rate of 1e-3, 80 for 1e-4) and the best frame as the {@link ArtefactKind#LIVENESS_FRAME}; no
 * ErrCode yet is NOT_EXECUTED before the session's expiry and EXPIRED after; another ErrCode is FAIL
 * with FaceID's message. API errors ({@code Response.Error.Code}) are mapped by {@link #ERRORS}.
 * The answer holds the customer's name and ID number: it is kept only as the raw payload (evidence
 * the flow encrypts), never in the detail.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TencentFaceId implements LivenessProvider {

    /** The vendor name in results and the audit trail. */
    public static final String VENDOR = "tencent-faceid";

    /** The API version of DetectAuth and GetDetectInfoEnhanced. */
    public static final String VERSION = "2018-03-01";

    /**
     * Tencent's published operating points for the face comparison's similarity: "阈值70的误通过率为千分之一,
     * 阈值80的误通过率是万分之一" (a threshold of 70 accepts one impostor in a thousand, 80 one in ten
     * thousand).
     */
    public static final OperatingPoints OPERATING_POINTS = new OperatingPoints(
            ScoreScale.PERCENT,
            List.of(new OperatingPoint(1e-3, 70), new OperatingPoint(1e-4, 80)),
            "Tencent Cloud face comparison documentation (Sim / Score)");

    /** TencentCloud API 3.0's common error codes and their meaning. */
    public static final VendorErrorMap ERRORS = VendorErrorMap.builder()
            .prefix("AuthFailure", IdentityError.VENDOR_CREDENTIALS)
            .exact("UnauthorizedOperation", IdentityError.VENDOR_CREDENTIALS)
            .prefix("UnauthorizedOperation.", IdentityError.VENDOR_CREDENTIALS)
            .exact("IpInBlacklist", IdentityError.VENDOR_CREDENTIALS)
            .exact("IpNotInWhitelist", IdentityError.VENDOR_CREDENTIALS)
            .exact("RequestLimitExceeded", IdentityError.VENDOR_THROTTLED)
            .prefix("RequestLimitExceeded.", IdentityError.VENDOR_THROTTLED)
            .exact("LimitExceeded", IdentityError.VENDOR_THROTTLED)
            .exact("InternalError", IdentityError.VENDOR_UNAVAILABLE)
            .prefix("InternalError.", IdentityError.VENDOR_UNAVAILABLE)
            .exact("ServiceUnavailable", IdentityError.VENDOR_UNAVAILABLE)
            .exact("ResourceUnavailable", IdentityError.VENDOR_UNAVAILABLE)
            .exact("ResourceNotFound", IdentityError.VENDOR_SESSION_UNKNOWN)
            .prefix("InvalidParameter", IdentityError.VENDOR_BAD_REQUEST)
            .exact("MissingParameter", IdentityError.VENDOR_BAD_REQUEST)
            .exact("UnknownParameter", IdentityError.VENDOR_BAD_REQUEST)
            .exact("InvalidAction", IdentityError.VENDOR_BAD_REQUEST)
            .exact("NoSuchVersion", IdentityError.VENDOR_BAD_REQUEST)
            .exact("UnsupportedRegion", IdentityError.VENDOR_BAD_REQUEST)
            .exact("RequestSizeLimitExceeded", IdentityError.VENDOR_BAD_INPUT)
            .otherwise(IdentityError.VENDOR_FAILED)
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secretId;
    private final char[] secretKey;
    private final String ruleId;
    private final URI endpoint;
    private final Optional<String> region;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration sessionLifetime;
    private final Clock clock;
    private final ConcurrentMap<String, Instant> expiries = new ConcurrentHashMap<>();

    private TencentFaceId(Builder b) {
        this.secretId = b.secretId;
        this.secretKey = b.secretKey.clone();
        this.ruleId = b.ruleId;
        this.endpoint = b.endpoint;
        this.region = Optional.ofNullable(b.region);
        this.http = b.http != null
                ? b.http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.timeout = b.timeout;
        this.sessionLifetime = b.sessionLifetime;
        this.clock = b.clock;
    }

    /**
     * Starts configuring the provider.
     *
     * @param secretId the API key's SecretId
     * @param secretKey the SecretKey (copied; never logged)
     * @param ruleId the business flow's RuleId from the FaceID console
     * @return a builder
     */
    public static Builder builder(String secretId, char[] secretKey, String ruleId) {
        return new Builder(secretId, secretKey, ruleId);
    }

    @Override
    public String vendor() {
        return VENDOR;
    }

    @Override
    public CompletionStage<LivenessSession> startSession(LivenessRequest request) {
        if (request == null) {
            return CompletableFuture.failedFuture(
                    new IdentityException(IdentityError.ARGUMENT_INVALID, "request is required"));
        }
        ObjectNode body = JSON.createObjectNode().put("RuleId", ruleId);
        request.returnUrl().ifPresent(u -> body.put("RedirectUrl", u.toString()));
        body.put("Extra", request.correlation().value()); // FaceID hands it back with the result
        Instant created = clock.instant();
        return call("DetectAuth", body).thenApply(answer -> {
            if (answer.error().isPresent()) {
                VendorError e = answer.error().get();
                throw new CompletionException(
                        new IdentityException(e.canonical(), "DetectAuth: " + e.vendorCode() + ": " + e.message()));
            }
            String token = answer.response().path("BizToken").asText("");
            String url = answer.response().path("Url").asText("");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (token.isEmpty() || uri == null || uri.getScheme() == null) {
                throw new CompletionException(new IdentityException(
                        IdentityError.VENDOR_RESPONSE_INVALID, "DetectAuth answered without a BizToken and a Url"));
            }
            Instant expiry = created.plus(sessionLifetime);
            expiries.put(token, expiry);
            return new LivenessSession(
                    VENDOR, token, Optional.of(Sensitive.of(token, PiiKind.OTHER)), Optional.of(uri), expiry);
        });
    }

    @Override
    public CompletionStage<CheckResult> result(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return CompletableFuture.failedFuture(
                    new IdentityException(IdentityError.ARGUMENT_INVALID, "sessionId is required"));
        }
        ObjectNode body = JSON.createObjectNode()
                .put("BizToken", sessionId)
                .put("RuleId", ruleId)
                .put("InfoType", "13"); // 1 the text, 3 the best frame of the video
        return call("GetDetectInfoEnhanced", body).thenApply(answer -> {
            if (answer.error().isPresent()) {
                VendorError error = answer.error().get();
                if (error.canonical() == IdentityError.VENDOR_SESSION_UNKNOWN) {
                    throw new CompletionException(new IdentityException(
                            IdentityError.VENDOR_SESSION_UNKNOWN,
                            "FaceID does not know the BizToken: " + error.message()));
                }
                return CheckResult.error(VENDOR, error);
            }
            return read(sessionId, answer);
        });
    }

    private CheckResult read(String sessionId, Answer answer) {
        JsonNode text = answer.response().path("Text");
        JsonNode code = text.path("ErrCode");
        CheckResult.Builder b;
        if (code.isMissingNode() || code.isNull()) {
            Instant expiry = expiries.get(sessionId);
            boolean expired = expiry != null && !clock.instant().isBefore(expiry);
            b = CheckResult.builder(VENDOR, expired ? Outcome.EXPIRED : Outcome.NOT_EXECUTED)
                    .detail(
                            expired
                                    ? "the customer did not complete the verification in time"
                                    : "the customer has not completed the verification");
        } else if (!code.canConvertToInt()) {
            return invalid("Text.ErrCode is not a number");
        } else if (code.asInt() == 0) {
            Optional<Double> sim = similarity(text.path("Sim"));
            if (sim.isEmpty()) {
                return invalid("a successful verification without a similarity in 0-100");
            }
            b = CheckResult.builder(VENDOR, Outcome.PASS)
                    .score(new Score(VENDOR, "unknown", sim.get(), OPERATING_POINTS))
                    .detail("verified, similarity " + sim.get());
            String frame = answer.response().path("BestFrame").path("BestFrame").asText("");
            if (!frame.isEmpty()) {
                try {
                    b.artefact(Artefact.of(
                            ArtefactKind.LIVENESS_FRAME,
                            "image/jpeg",
                            Base64.getDecoder().decode(frame)));
                } catch (IllegalArgumentException e) {
                    return invalid("BestFrame is not base64");
                }
            }
        } else {
            // The messages are FaceID's own, e.g. 活体检测未通过 or 比对相似度未达到通过标准; no personal data.
            b = CheckResult.builder(VENDOR, Outcome.FAIL)
                    .detail("FaceID ErrCode " + code.asInt() + ": "
                            + text.path("ErrMsg").asText("")
                            + " (liveness " + text.path("LiveStatus").asText("-") + ", compare "
                            + text.path("Comparestatus").asText("-") + ")");
        }
        return b.rawPayload("application/json", answer.body()).build();
    }

    private static Optional<Double> similarity(JsonNode sim) {
        double value;
        if (sim.isNumber()) {
            value = sim.asDouble();
        } else if (sim.isTextual()) {
            try {
                value = Double.parseDouble(sim.asText());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return value >= 0 && value <= 100 ? Optional.of(value) : Optional.empty();
    }

    private static CheckResult invalid(String why) {
        return CheckResult.error(
                VENDOR, new VendorError("response-invalid", why, IdentityError.VENDOR_RESPONSE_INVALID));
    }

    /** One call's answer: the {@code Response} object, the body as received, and its error if any. */
    private record Answer(JsonNode response, byte[] body, Optional<VendorError> error) {}

    private CompletionStage<Answer> call(String action, ObjectNode body) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new IdentityException(IdentityError.VENDOR_BAD_REQUEST, "cannot write the request", e));
        }
        // X-TC-Timestamp is whole seconds, and the signature's date is that second's UTC date.
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Tc3.Signed signed = Tc3.sign(host(), payload, secretId, secretKey, "faceid", now);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .header("Authorization", signed.authorization())
                .header("Content-Type", Tc3.CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Timestamp", Long.toString(now.getEpochSecond()))
                .header("X-TC-Version", VERSION);
        region.ifPresent(r -> request.header("X-TC-Region", r));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        IdentityError code = cause instanceof HttpTimeoutException
                                ? IdentityError.VENDOR_TIMEOUT
                                : IdentityError.VENDOR_UNAVAILABLE;
                        throw new CompletionException(new IdentityException(
                                code, action + ": " + cause.getClass().getSimpleName(), cause));
                    }
                    return answer(action, response);
                });
    }

    private static Answer answer(String action, HttpResponse<byte[]> response) {
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        JsonNode r = json == null ? null : json.get("Response");
        if (r != null && r.isObject()) {
            JsonNode error = r.get("Error");
            if (error != null && error.hasNonNull("Code")) {
                return new Answer(
                        r,
                        response.body(),
                        Optional.of(ERRORS.map(
                                error.get("Code").asText(),
                                error.path("Message").asText(""))));
            }
            if (response.statusCode() == 200) {
                return new Answer(r, response.body(), Optional.empty());
            }
        }
        int status = response.statusCode();
        IdentityError code = status >= 500 ? IdentityError.VENDOR_UNAVAILABLE : IdentityError.VENDOR_RESPONSE_INVALID;
        return new Answer(
                JSON.createObjectNode(),
                response.body(),
                Optional.of(new VendorError(
                        "http-" + status,
                        action + " answered HTTP " + status + (r == null ? " without a Response object" : ""),
                        code)));
    }

    private String host() {
        int port = endpoint.getPort();
        return port == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    }

    @Override
    public String toString() {
        return "TencentFaceId[" + endpoint + "]";
    }

    /** Configures a {@link TencentFaceId}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final String secretId;
        private final char[] secretKey;
        private final String ruleId;
        private URI endpoint = URI.create("https://faceid.tencentcloudapi.com/");
        private String region;
        private HttpClient http;
        private Duration timeout = Duration.ofSeconds(10);
        private Duration sessionLifetime = Duration.ofHours(2);
        private Clock clock = Clocks.system();

        private Builder(String secretId, char[] secretKey, String ruleId) {
            this.secretId = Arguments.notBlank(secretId, "secretId");
            this.secretKey = Arguments.notNull(secretKey, "secretKey").clone();
            if (secretKey.length == 0) {
                throw new IdentityException(IdentityError.ARGUMENT_INVALID, "secretKey is empty");
            }
            this.ruleId = Arguments.notBlank(ruleId, "ruleId");
        }

        /**
         * Another endpoint (a regional one, or a local server in tests); default {@code
         * https://faceid.tencentcloudapi.com/}. The path must be {@code /}, as signed.
         *
         * @param endpoint the endpoint
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            Arguments.notNull(endpoint, "endpoint");
            String path = endpoint.getRawPath();
            if (endpoint.getHost() == null
                    || !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))
                    || !(path == null || path.isEmpty() || path.equals("/"))) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID, "endpoint must be an http(s) URI with a host and the path /");
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * The {@code X-TC-Region} header, for the API's regional deployments (FaceID's mainland API
         * takes none).
         *
         * @param region e.g. {@code ap-guangzhou}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Arguments.notBlank(region, "region");
            return this;
        }

        /**
         * The HTTP client (its TLS settings are the bank's); default the JDK's with a 5 s connect timeout.
         *
         * @param http the client
         * @return this builder
         */
        public Builder httpClient(HttpClient http) {
            this.http = Arguments.notNull(http, "httpClient");
            return this;
        }

        /**
         * How long one call may take (default 10 s; 1 s to 2 min).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Arguments.positive(timeout, "timeout");
            Arguments.inRange(timeout.toMillis(), 1_000, 120_000, "timeout in milliseconds");
            this.timeout = timeout;
            return this;
        }

        /**
         * How long the customer has to complete a verification, as the RuleId is configured (default
         * 2 hours; 1 minute to 3 days).
         *
         * @param lifetime the lifetime
         * @return this builder
         */
        public Builder sessionLifetime(Duration lifetime) {
            Arguments.positive(lifetime, "sessionLifetime");
            Arguments.inRange(lifetime.toSeconds(), 60, 3 * 24 * 3600, "sessionLifetime in seconds");
            this.sessionLifetime = lifetime;
            return this;
        }

        /**
         * The clock that stamps requests (signatures expire after minutes, so it must be right) and
         * sessions (default: the system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /** The provider. */
        public TencentFaceId build() {
            return new TencentFaceId(this);
        }
    }
}
