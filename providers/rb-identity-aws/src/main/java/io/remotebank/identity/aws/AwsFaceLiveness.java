package io.remotebank.identity.aws;

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
import io.remotebank.identity.aws.internal.SigV4;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.LivenessProvider;
import io.remotebank.identity.spi.LivenessRequest;
import io.remotebank.identity.spi.LivenessSession;
import io.remotebank.identity.spi.OperatingPoints;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.Score;
import io.remotebank.identity.spi.ScoreScale;
import io.remotebank.identity.spi.VendorError;
import io.remotebank.identity.spi.VendorErrorMap;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * A {@link LivenessProvider} on AWS Rekognition Face Liveness. {@link #startSession} calls {@code
 * CreateFaceLivenessSession} and gives the session id to the customer's app (AWS Amplify's
 * FaceLivenessDetector runs it); {@link #result} calls {@code GetFaceLivenessSessionResults}, which
 * AWS answers the same way for as long as it keeps the session, so it is idempotent. Requests are
 * the Rekognition JSON API ({@code application/x-amz-json-1.1}, {@code X-Amz-Target}) signed with
 * AWS Signature Version 4 over {@code content-type}, {@code host}, {@code x-amz-date}, {@code
 * x-amz-target} (and {@code x-amz-security-token} with temporary credentials).
 *
 * <p>AWS returns a confidence from 0 to 100 and no verdict, and publishes no table of false-accept
 * rates for it: the bank measures its own and gives them as {@link Builder#operatingPoints}; until it
 * does, the policy sends every liveness result to review (a target it cannot map). {@link
 * Builder#passAt} is the confidence from which the adapter itself calls a session {@code PASS}.
 * Statuses: {@code SUCCEEDED} gives PASS or FAIL with the score, the reference image as the {@link
 * ArtefactKind#LIVENESS_FRAME} and the audit images; {@code CREATED} and {@code IN_PROGRESS} give
 * NOT_EXECUTED before the session's expiry and EXPIRED after; {@code EXPIRED} gives EXPIRED; {@code
 * FAILED} gives FAIL. Errors ({@code __type} of the answer) are mapped by {@link #ERRORS}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AwsFaceLiveness implements LivenessProvider {

    /** The vendor name in results and the audit trail. */
    public static final String VENDOR = "aws-face-liveness";

    /** How long AWS lets the customer start a session after it is created (the service's 3 minutes). */
    public static final Duration SESSION_LIFETIME = Duration.ofMinutes(3);

    /** The documented error types of the two calls and the common ones, with their meaning. */
    public static final VendorErrorMap ERRORS = VendorErrorMap.builder()
            .exact("SessionNotFoundException", IdentityError.VENDOR_SESSION_UNKNOWN)
            .exact("ThrottlingException", IdentityError.VENDOR_THROTTLED)
            .exact("ProvisionedThroughputExceededException", IdentityError.VENDOR_THROTTLED)
            .exact("AccessDeniedException", IdentityError.VENDOR_CREDENTIALS)
            .exact("UnrecognizedClientException", IdentityError.VENDOR_CREDENTIALS)
            .exact("InvalidSignatureException", IdentityError.VENDOR_CREDENTIALS)
            .exact("IncompleteSignature", IdentityError.VENDOR_CREDENTIALS)
            .exact("ExpiredTokenException", IdentityError.VENDOR_CREDENTIALS)
            .exact("InvalidParameterException", IdentityError.VENDOR_BAD_REQUEST)
            .exact("ValidationException", IdentityError.VENDOR_BAD_REQUEST)
            .exact("InternalServerError", IdentityError.VENDOR_UNAVAILABLE)
            .exact("ServiceUnavailableException", IdentityError.VENDOR_UNAVAILABLE)
            .otherwise(IdentityError.VENDOR_FAILED)
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final String region;
    private final URI endpoint;
    private final String accessKeyId;
    private final char[] secretKey;
    private final Optional<String> sessionToken;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final OperatingPoints operatingPoints;
    private final double passAt;
    private final int auditImages;

    private AwsFaceLiveness(Builder b) {
        this.region = b.region;
        this.endpoint =
                b.endpoint != null ? b.endpoint : URI.create("https://rekognition." + b.region + ".amazonaws.com/");
        this.accessKeyId = b.accessKeyId;
        this.secretKey = b.secretKey.clone();
        this.sessionToken = Optional.ofNullable(b.sessionToken);
        this.http = b.http != null
                ? b.http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.timeout = b.timeout;
        this.clock = b.clock;
        this.operatingPoints = b.operatingPoints;
        this.passAt = b.passAt;
        this.auditImages = b.auditImages;
    }

    /**
     * Starts configuring the provider.
     *
     * @param region the AWS region, e.g. {@code ap-northeast-1}
     * @param accessKeyId the IAM access key id
     * @param secretAccessKey the secret access key (copied; never logged)
     * @return a builder
     */
    public static Builder builder(String region, String accessKeyId, char[] secretAccessKey) {
        return new Builder(region, accessKeyId, secretAccessKey);
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
        ObjectNode body = JSON.createObjectNode();
        // The correlation id makes a retried create return the same session (AWS's idempotency token).
        body.put("ClientRequestToken", token(request.correlation().value()));
        if (auditImages > 0) {
            body.putObject("Settings").put("AuditImagesLimit", auditImages);
        }
        Instant created = clock.instant();
        return call("CreateFaceLivenessSession", body).thenApply(answer -> {
            JsonNode json = answer.json();
            String id = json.path("SessionId").asText("");
            if (answer.error().isPresent()) {
                throw new CompletionException(new IdentityException(
                        answer.error().get().canonical(),
                        "CreateFaceLivenessSession: " + answer.error().get().vendorCode() + ": "
                                + answer.error().get().message()));
            }
            if (id.isEmpty()) {
                throw new CompletionException(new IdentityException(
                        IdentityError.VENDOR_RESPONSE_INVALID,
                        "CreateFaceLivenessSession answered without a SessionId"));
            }
            return new LivenessSession(
                    VENDOR,
                    id,
                    Optional.of(Sensitive.of(id, PiiKind.OTHER)),
                    Optional.empty(),
                    created.plus(SESSION_LIFETIME));
        });
    }

    @Override
    public CompletionStage<CheckResult> result(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return CompletableFuture.failedFuture(
                    new IdentityException(IdentityError.ARGUMENT_INVALID, "sessionId is required"));
        }
        ObjectNode body = JSON.createObjectNode().put("SessionId", sessionId);
        return call("GetFaceLivenessSessionResults", body).thenApply(answer -> {
            if (answer.error().isPresent()) {
                VendorError error = answer.error().get();
                if (error.canonical() == IdentityError.VENDOR_SESSION_UNKNOWN) {
                    throw new CompletionException(new IdentityException(
                            IdentityError.VENDOR_SESSION_UNKNOWN, "AWS does not know the session: " + error.message()));
                }
                return CheckResult.error(VENDOR, error);
            }
            return read(answer);
        });
    }

    private CheckResult read(Answer answer) {
        JsonNode json = answer.json();
        String status = json.path("Status").asText("");
        CheckResult.Builder b;
        switch (status) {
            case "SUCCEEDED" -> {
                if (!json.path("Confidence").isNumber()) {
                    return invalid(answer, "SUCCEEDED without a Confidence");
                }
                double confidence = json.get("Confidence").asDouble();
                if (confidence < 0 || confidence > 100) {
                    return invalid(answer, "Confidence " + confidence + " is outside 0-100");
                }
                b = CheckResult.builder(VENDOR, confidence >= passAt ? Outcome.PASS : Outcome.FAIL)
                        .score(new Score(VENDOR, "unknown", confidence, operatingPoints))
                        .detail("session succeeded, confidence " + confidence);
                image(json.path("ReferenceImage"), ArtefactKind.LIVENESS_FRAME).ifPresent(b::artefact);
                for (JsonNode audit : json.path("AuditImages")) {
                    image(audit, ArtefactKind.AUDIT_IMAGE).ifPresent(b::artefact);
                }
            }
            case "CREATED", "IN_PROGRESS" ->
                b = CheckResult.builder(VENDOR, Outcome.NOT_EXECUTED)
                        .detail("the customer has not completed the session (" + status + ")");
            case "EXPIRED" -> b = CheckResult.builder(VENDOR, Outcome.EXPIRED).detail("the session expired");
            case "FAILED" -> b = CheckResult.builder(VENDOR, Outcome.FAIL).detail("AWS could not process the session");
            default -> {
                return invalid(answer, "unknown Status '" + status + "'");
            }
        }
        return b.rawPayload("application/json", answer.body()).build();
    }

    private static CheckResult invalid(Answer answer, String why) {
        return CheckResult.error(
                VENDOR, new VendorError("response-invalid", why, IdentityError.VENDOR_RESPONSE_INVALID));
    }

    /** Inline bytes of an image; an image AWS put in S3 is not fetched (the bank's bucket, its policy). */
    private static Optional<Artefact> image(JsonNode node, ArtefactKind kind) {
        String bytes = node.path("Bytes").asText("");
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Artefact.of(kind, "image/jpeg", Base64.getDecoder().decode(bytes)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One call's answer: its JSON, the body as received, and the vendor's error if it is one. */
    private record Answer(JsonNode json, byte[] body, Optional<VendorError> error) {}

    private CompletionStage<Answer> call(String action, ObjectNode body) {
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new IdentityException(IdentityError.VENDOR_BAD_REQUEST, "cannot write the request", e));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", CONTENT_TYPE);
        headers.put("host", host());
        Instant now = clock.instant();
        headers.put("x-amz-date", SigV4.amzDate(now));
        headers.put("x-amz-target", "RekognitionService." + action);
        sessionToken.ifPresent(t -> headers.put("x-amz-security-token", t));
        SigV4.Signed signed = SigV4.sign(
                "POST",
                path(),
                "",
                headers,
                SigV4.sha256Hex(payload),
                accessKeyId,
                secretKey,
                region,
                "rekognition",
                now);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .header("Authorization", signed.authorization());
        // The JDK client sets Host itself (from the URI, as signed); the other signed headers go as given.
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
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
        int status = response.statusCode();
        if (status == 200 && json != null && json.isObject()) {
            return new Answer(json, response.body(), Optional.empty());
        }
        if (json != null && json.hasNonNull("__type")) {
            // "__type" may carry a namespace prefix: "com.amazonaws.rekognition#ThrottlingException".
            String type = json.get("__type").asText();
            type = type.substring(type.lastIndexOf('#') + 1);
            String message = json.path("Message").asText(json.path("message").asText(""));
            return new Answer(json, response.body(), Optional.of(ERRORS.map(type, message)));
        }
        IdentityError code = status >= 500
                ? IdentityError.VENDOR_UNAVAILABLE
                : status == 429 ? IdentityError.VENDOR_THROTTLED : IdentityError.VENDOR_RESPONSE_INVALID;
        return new Answer(
                json == null ? JSON.createObjectNode() : json,
                response.body(),
                Optional.of(new VendorError("http-" + status, action + " answered HTTP " + status, code)));
    }

    private String host() {
        int port = endpoint.getPort();
        return port == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    }

    private String path() {
        String p = endpoint.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    private static String token(String correlation) {
        // ClientRequestToken: 1-64 characters [a-zA-Z0-9-_]; the correlation's hash fits any id.
        return SigV4.sha256Hex(correlation).substring(0, 64);
    }

    @Override
    public String toString() {
        return "AwsFaceLiveness[" + region + ", " + endpoint + "]";
    }

    /** Configures an {@link AwsFaceLiveness}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final String region;
        private final String accessKeyId;
        private final char[] secretKey;
        private String sessionToken;
        private URI endpoint;
        private HttpClient http;
        private Duration timeout = Duration.ofSeconds(10);
        private Clock clock = Clocks.system();
        private OperatingPoints operatingPoints = OperatingPoints.none(ScoreScale.PERCENT);
        private double passAt = 90;
        private int auditImages;

        private Builder(String region, String accessKeyId, char[] secretKey) {
            this.region = Arguments.notBlank(region, "region");
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID,
                        "region must look like us-east-1, got " + region.length() + " characters");
            }
            this.accessKeyId = Arguments.notBlank(accessKeyId, "accessKeyId");
            this.secretKey = Arguments.notNull(secretKey, "secretAccessKey").clone();
            if (secretKey.length == 0) {
                throw new IdentityException(IdentityError.ARGUMENT_INVALID, "secretAccessKey is empty");
            }
        }

        /**
         * Temporary credentials' session token (STS), sent and signed as {@code X-Amz-Security-Token}.
         *
         * @param token the token
         * @return this builder
         */
        public Builder sessionToken(String token) {
            this.sessionToken = Arguments.notBlank(token, "sessionToken");
            return this;
        }

        /**
         * Another endpoint (a VPC endpoint, or a local server in tests); default {@code
         * https://rekognition.REGION.amazonaws.com/}.
         *
         * @param endpoint the endpoint
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            Arguments.notNull(endpoint, "endpoint");
            if (endpoint.getHost() == null
                    || !(endpoint.getScheme().equals("https")
                            || endpoint.getScheme().equals("http"))) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID, "endpoint must be an http(s) URI with a host");
            }
            this.endpoint = endpoint;
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
         * The clock that dates requests and sessions (default: the system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * The bank's own operating points for AWS's confidence (percent scale), measured on its traffic.
         *
         * @param points the points
         * @return this builder
         */
        public Builder operatingPoints(OperatingPoints points) {
            Arguments.notNull(points, "operatingPoints");
            if (!points.scale().equals(ScoreScale.PERCENT)) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID,
                        "AWS's confidence is on the percent scale, got " + points.scale());
            }
            this.operatingPoints = points;
            return this;
        }

        /**
         * The confidence from which the adapter reports PASS (default 90; 0-100).
         *
         * @param confidence the confidence
         * @return this builder
         */
        public Builder passAt(double confidence) {
            if (!(confidence >= 0 && confidence <= 100)) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID, "passAt is a confidence from 0 to 100, got " + confidence);
            }
            this.passAt = confidence;
            return this;
        }

        /**
         * How many audit images AWS returns with a result (default 0; at most 4).
         *
         * @param limit the number
         * @return this builder
         */
        public Builder auditImages(int limit) {
            this.auditImages = (int) Arguments.inRange(limit, 0, 4, "auditImages");
            return this;
        }

        /** The provider. */
        public AwsFaceLiveness build() {
            return new AwsFaceLiveness(this);
        }
    }
}
