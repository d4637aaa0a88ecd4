package io.remotebank.identity.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.CorrelationId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.aws.internal.SigV4;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.LivenessRequest;
import io.remotebank.identity.spi.LivenessSession;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.testsupport.ReplayServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against a local server that replays answers in the shapes of the Rekognition API
 * Reference (CreateFaceLivenessSession, GetFaceLivenessSessionResults and their documented errors).
 */
class AwsFaceLivenessTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String SESSION = "0f959dbb-37cc-45d8-a08d-dc42cce85fa8";
    private static final char[] SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".toCharArray();
    private static final String FRAME = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});

    private final ReplayServer server;
    private final AwsFaceLiveness aws;

    AwsFaceLivenessTest() throws IOException {
        server = new ReplayServer(
                "application/x-amz-json-1.1", "{\"__type\":\"InternalServerError\",\"Message\":\"no answer left\"}");
        aws = AwsFaceLiveness.builder("ap-northeast-1", "AKIAIOSFODNN7EXAMPLE", SECRET)
                .endpoint(server.uri())
                .httpClient(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    private static <T> T join(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static IdentityException failure(CompletionStage<?> stage) {
        CompletionException e = catchThrowableOfType(() -> join(stage), CompletionException.class);
        assertThat(e).isNotNull();
        assertThat(e.getCause()).isInstanceOf(IdentityException.class);
        return (IdentityException) e.getCause();
    }

    @Test
    void startSession_createsOne_signedWithSigV4_andGivesTheIdToTheClient() {
        server.answer(200, "{\"SessionId\":\"" + SESSION + "\"}");

        LivenessSession session = join(aws.startSession(LivenessRequest.of(CorrelationId.of("kyc-000042"))));

        assertThat(session.sessionId()).isEqualTo(SESSION);
        assertThat(session.clientToken().orElseThrow().reveal()).isEqualTo(SESSION);
        assertThat(session.expiresAt()).isEqualTo(NOW.plus(AwsFaceLiveness.SESSION_LIFETIME));
        ReplayServer.Received r = server.received().get(0);
        assertThat(r.header("x-amz-target")).isEqualTo("RekognitionService.CreateFaceLivenessSession");
        assertThat(r.header("content-type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(r.text()).contains("\"ClientRequestToken\"");
        // The server's own computation over what it received gives the same signature.
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "host", "x-amz-date", "x-amz-target"}) {
            signed.put(name, r.header(name));
        }
        SigV4.Signed expected = SigV4.sign(
                "POST",
                "/",
                "",
                signed,
                SigV4.sha256Hex(r.body()),
                "AKIAIOSFODNN7EXAMPLE",
                SECRET,
                "ap-northeast-1",
                "rekognition",
                NOW);
        assertThat(r.header("authorization")).isEqualTo(expected.authorization());
    }

    @Test
    void sameCorrelation_sendsTheSameIdempotencyToken() {
        server.answer(200, "{\"SessionId\":\"" + SESSION + "\"}").answer(200, "{\"SessionId\":\"" + SESSION + "\"}");

        join(aws.startSession(LivenessRequest.of(CorrelationId.of("kyc-000042"))));
        join(aws.startSession(LivenessRequest.of(CorrelationId.of("kyc-000042"))));

        assertThat(server.received().get(0).text())
                .isEqualTo(server.received().get(1).text());
    }

    @Test
    void succeededAboveThePassMark_passesWithTheScoreAndTheReferenceImage() {
        server.answer(
                200,
                "{\"SessionId\":\"" + SESSION + "\",\"Status\":\"SUCCEEDED\",\"Confidence\":98.6,"
                        + "\"ReferenceImage\":{\"Bytes\":\"" + FRAME + "\",\"BoundingBox\":{\"Width\":0.5,"
                        + "\"Height\":0.6,\"Left\":0.2,\"Top\":0.1}},\"AuditImages\":[{\"Bytes\":\"" + FRAME
                        + "\"}]}");

        CheckResult r = join(aws.result(SESSION));

        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.score().orElseThrow().value()).isEqualTo(98.6);
        assertThat(r.artefacts())
                .extracting(a -> a.kind())
                .containsExactly(ArtefactKind.LIVENESS_FRAME, ArtefactKind.AUDIT_IMAGE);
        assertThat(r.rawPayload()).isPresent();
        assertThat(server.received().get(0).header("x-amz-target"))
                .isEqualTo("RekognitionService.GetFaceLivenessSessionResults");
    }

    @Test
    void succeededBelowThePassMark_fails() {
        server.answer(200, "{\"SessionId\":\"" + SESSION + "\",\"Status\":\"SUCCEEDED\",\"Confidence\":12.5}");

        assertThat(join(aws.result(SESSION)).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void inProgress_isNotExecuted_andExpired_isExpired() {
        server.answer(200, "{\"SessionId\":\"" + SESSION + "\",\"Status\":\"IN_PROGRESS\"}")
                .answer(200, "{\"SessionId\":\"" + SESSION + "\",\"Status\":\"EXPIRED\"}");

        assertThat(join(aws.result(SESSION)).outcome()).isEqualTo(Outcome.NOT_EXECUTED);
        assertThat(join(aws.result(SESSION)).outcome()).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void unknownSession_failsTheStageWithSessionUnknown() {
        server.answer(400, "{\"__type\":\"SessionNotFoundException\",\"Message\":\"Session not found\"}");

        assertThat(failure(aws.result(SESSION)).error()).isEqualTo(IdentityError.VENDOR_SESSION_UNKNOWN);
    }

    @Test
    void throttling_isAnErrorResultThatMayBeRetried() {
        server.answer(400, "{\"__type\":\"com.amazonaws.rekognition#ThrottlingException\",\"Message\":\"Slow down\"}");

        CheckResult r = join(aws.result(SESSION));

        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.error().orElseThrow().canonical()).isEqualTo(IdentityError.VENDOR_THROTTLED);
        assertThat(r.error().orElseThrow().retryable()).isTrue();
    }

    @Test
    void refusedSignature_isACredentialsError() {
        server.answer(
                403,
                "{\"__type\":\"InvalidSignatureException\",\"message\":\"The request signature we"
                        + " calculated does not match\"}");

        assertThat(join(aws.result(SESSION)).error().orElseThrow().canonical())
                .isEqualTo(IdentityError.VENDOR_CREDENTIALS);
    }

    @Test
    void serverErrorWithoutJson_isUnavailable() {
        server.answer(503, "<html>Service Unavailable</html>");

        assertThat(join(aws.result(SESSION)).error().orElseThrow().canonical())
                .isEqualTo(IdentityError.VENDOR_UNAVAILABLE);
    }

    @Test
    void unknownStatus_isAnInvalidResponse() {
        server.answer(200, "{\"SessionId\":\"" + SESSION + "\",\"Status\":\"MAYBE\"}");

        assertThat(join(aws.result(SESSION)).error().orElseThrow().canonical())
                .isEqualTo(IdentityError.VENDOR_RESPONSE_INVALID);
    }

    @Test
    void createAnsweredWithoutASessionId_failsAsInvalidResponse() {
        server.answer(200, "{}");

        assertThat(failure(aws.startSession(LivenessRequest.of(CorrelationId.of("kyc-00001"))))
                        .error())
                .isEqualTo(IdentityError.VENDOR_RESPONSE_INVALID);
    }

    @Test
    void unreachableEndpoint_failsTheStageAsUnavailable() throws IOException {
        URI gone = server.uri();
        server.close();
        AwsFaceLiveness down = AwsFaceLiveness.builder("ap-northeast-1", "AK", SECRET)
                .endpoint(gone)
                .build();

        assertThat(failure(down.result(SESSION)).error()).isEqualTo(IdentityError.VENDOR_UNAVAILABLE);
    }

    @Test
    void theSecretNeverShows() {
        assertThat(aws.toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("AKIA");
    }

    @Test
    void badRegion_isRefused() {
        assertThat(catchThrowableOfType(() -> AwsFaceLiveness.builder("Tokyo", "AK", SECRET), IdentityException.class))
                .hasMessageContaining("region");
    }
}
