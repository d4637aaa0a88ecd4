package io.remotebank.identity.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.remotebank.core.CorrelationId;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.LivenessRequest;
import io.remotebank.identity.spi.LivenessSession;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.tencent.internal.Tc3;
import io.remotebank.testsupport.ReplayServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against a local server that replays answers in the shapes of FaceID's API
 * documentation (DetectAuth, GetDetectInfoEnhanced, and API 3.0's error responses).
 */
class TencentFaceIdTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final String TOKEN = "CE661F1A-0F1E-45BD-BE13-34C05CEA7681";
    private static final char[] KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE".toCharArray();
    private static final String FRAME = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xd8, 7});

    private final ReplayServer server;
    private final MutableClock clock = new MutableClock(NOW);
    private final TencentFaceId faceId;

    TencentFaceIdTest() throws IOException {
        server = new ReplayServer(
                "application/json",
                "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"no answer left\"},\"RequestId\":\"x\"}}");
        faceId = TencentFaceId.builder("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", KEY, "1")
                .endpoint(server.uri())
                .httpClient(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build())
                .clock(clock)
                .sessionLifetime(Duration.ofMinutes(30))
                .build();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
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

    private static String detectInfo(String text) {
        return "{\"Response\":{\"Text\":" + text + ",\"IdCardData\":null,\"BestFrame\":{\"BestFrame\":\"" + FRAME
                + "\",\"BestFrames\":null},\"VideoData\":null,\"Encryption\":null,\"RequestId\":\"r-2\"}}";
    }

    @Test
    void startSession_callsDetectAuth_signed_andGivesTheUrlAndTheBizToken() {
        server.answer(
                200,
                "{\"Response\":{\"Url\":\"https://faceid.qq.com/api/auth/auth?token=" + TOKEN + "\",\"BizToken\":\""
                        + TOKEN + "\",\"RequestId\":\"r-1\"}}");

        LivenessSession s = join(faceId.startSession(new LivenessRequest(
                CorrelationId.of("kyc-00007"), Optional.of(URI.create("https://bank.example/done")))));

        assertThat(s.sessionId()).isEqualTo(TOKEN);
        assertThat(s.url().orElseThrow().toString()).startsWith("https://faceid.qq.com/");
        assertThat(s.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        ReplayServer.Received r = server.received().get(0);
        assertThat(r.header("x-tc-action")).isEqualTo("DetectAuth");
        assertThat(r.header("x-tc-version")).isEqualTo("2018-03-01");
        assertThat(r.header("x-tc-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(r.text()).contains("\"RuleId\":\"1\"", "\"RedirectUrl\":\"https://bank.example/done\"");
        // The server's own computation over what it received gives the same signature.
        Tc3.Signed expected =
                Tc3.sign(r.header("host"), r.body(), "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", KEY, "faceid", NOW);
        assertThat(r.header("authorization")).isEqualTo(expected.authorization());
        assertThat(r.header("content-type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void verified_passesWithTheSimilarityOnTencentsOperatingPoints_andTheBestFrame() {
        server.answer(
                200,
                detectInfo("{\"ErrCode\":0,\"ErrMsg\":\"成功\",\"IdCard\":\"11204416541220243X\","
                        + "\"Name\":\"韦小宝\",\"LiveStatus\":0,\"LiveMsg\":\"成功\",\"Comparestatus\":0,\"Comparemsg\":\"成功\","
                        + "\"Sim\":\"95.21\"}"));

        CheckResult r = join(faceId.result(TOKEN));

        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.score().orElseThrow().value()).isEqualTo(95.21);
        assertThat(r.score().orElseThrow().operatingPoints().thresholdFor(1e-4)).contains(80.0);
        assertThat(r.artefacts()).extracting(a -> a.kind()).containsExactly(ArtefactKind.LIVENESS_FRAME);
        assertThat(r.detail()).doesNotContain("11204416541220243X").doesNotContain("韦小宝");
        assertThat(r.toString()).doesNotContain("11204416541220243X");
        assertThat(server.received().get(0).header("x-tc-action")).isEqualTo("GetDetectInfoEnhanced");
        assertThat(server.received().get(0).text()).contains("\"InfoType\":\"13\"");
    }

    @Test
    void livenessRefused_failsWithFaceIdsMessage() {
        server.answer(
                200,
                detectInfo("{\"ErrCode\":2004,\"ErrMsg\":\"活体检测未通过\",\"LiveStatus\":2004,"
                        + "\"Comparestatus\":null,\"Sim\":null}"));

        CheckResult r = join(faceId.result(TOKEN));

        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.detail()).contains("2004");
    }

    @Test
    void notYetDone_isNotExecuted_untilTheSessionExpires() {
        server.answer(
                        200,
                        "{\"Response\":{\"Url\":\"https://faceid.qq.com/x\",\"BizToken\":\"" + TOKEN
                                + "\",\"RequestId\":\"r\"}}")
                .answer(200, detectInfo("{\"ErrCode\":null,\"ErrMsg\":null}"))
                .answer(200, detectInfo("{\"ErrCode\":null,\"ErrMsg\":null}"));
        join(faceId.startSession(LivenessRequest.of(CorrelationId.of("kyc-00008"))));

        assertThat(join(faceId.result(TOKEN)).outcome()).isEqualTo(Outcome.NOT_EXECUTED);
        clock.advance(Duration.ofMinutes(30));
        assertThat(join(faceId.result(TOKEN)).outcome()).isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void signatureRefused_isACredentialsError() {
        server.answer(
                200,
                "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"The"
                        + " provided credentials could not be validated.\"},\"RequestId\":\"r\"}}");

        assertThat(join(faceId.result(TOKEN)).error().orElseThrow().canonical())
                .isEqualTo(IdentityError.VENDOR_CREDENTIALS);
    }

    @Test
    void rateLimit_isThrottled_andMayBeRetried() {
        server.answer(
                200,
                "{\"Response\":{\"Error\":{\"Code\":\"RequestLimitExceeded\",\"Message\":\"too many\"},"
                        + "\"RequestId\":\"r\"}}");

        CheckResult r = join(faceId.result(TOKEN));

        assertThat(r.error().orElseThrow().canonical()).isEqualTo(IdentityError.VENDOR_THROTTLED);
        assertThat(r.error().orElseThrow().retryable()).isTrue();
    }

    @Test
    void unknownToken_failsTheStageWithSessionUnknown() {
        server.answer(
                200,
                "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound\",\"Message\":\"BizToken not"
                        + " found\"},\"RequestId\":\"r\"}}");

        assertThat(failure(faceId.result(TOKEN)).error()).isEqualTo(IdentityError.VENDOR_SESSION_UNKNOWN);
    }

    @Test
    void detectAuthRefused_failsTheStageWithTheMappedCode() {
        server.answer(
                200,
                "{\"Response\":{\"Error\":{\"Code\":\"InvalidParameterValue.RuleId\",\"Message\":\"bad"
                        + " rule\"},\"RequestId\":\"r\"}}");

        assertThat(failure(faceId.startSession(LivenessRequest.of(CorrelationId.of("kyc-00009"))))
                        .error())
                .isEqualTo(IdentityError.VENDOR_BAD_REQUEST);
    }

    @Test
    void answerWithoutAResponseObject_isInvalid() {
        server.answer(502, "<html>Bad Gateway</html>");

        assertThat(join(faceId.result(TOKEN)).error().orElseThrow().canonical())
                .isEqualTo(IdentityError.VENDOR_UNAVAILABLE);
    }

    @Test
    void similarityOffTheScale_isAnInvalidResponse() {
        server.answer(200, detectInfo("{\"ErrCode\":0,\"ErrMsg\":\"成功\",\"Sim\":\"142\"}"));

        assertThat(join(faceId.result(TOKEN)).error().orElseThrow().canonical())
                .isEqualTo(IdentityError.VENDOR_RESPONSE_INVALID);
    }

    @Test
    void endpointWithAPath_isRefused_becauseThePathIsSigned() {
        assertThat(catchThrowableOfType(
                        () -> TencentFaceId.builder("id", KEY, "1").endpoint(URI.create("https://x.example/api")),
                        IdentityException.class))
                .hasMessageContaining("path");
    }

    @Test
    void theSecretNeverShows() {
        assertThat(faceId.toString()).doesNotContain("Gu5t9x").doesNotContain("AKIDz8");
    }
}
