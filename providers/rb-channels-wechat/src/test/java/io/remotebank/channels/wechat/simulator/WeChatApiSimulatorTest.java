package io.remotebank.channels.wechat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.wechat.WeChatApiException;
import io.remotebank.channels.wechat.api.WeChatApi;
import io.remotebank.channels.wechat.simulator.WeChatApiSimulator.Api;
import io.remotebank.channels.wechat.token.AccessTokens;
import io.remotebank.channels.wechat.token.AppSecret;
import io.remotebank.channels.wechat.token.TokenStores;
import io.remotebank.channels.wechat.token.WeChatTokenEndpoint;
import io.remotebank.testing.ManualTime;
import io.remotebank.testsupport.Await;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider's token flow and message calls against the WeChat API simulator, over loopback HTTP. */
class WeChatApiSimulatorTest {

    private static final String APP_ID = "wx0123456789abcdef";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String CORP_ID = "ww0123456789abcdef";
    private static final String CORP_SECRET = "corpSecret-0123456789abcdefghij";
    private static final String FOLLOWER = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final ManualTime time = ManualTime.at(T0);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WeChatApiSimulator wechat;

    @BeforeEach
    void start() {
        wechat = WeChatApiSimulator.builder()
                .app(APP_ID, SECRET)
                .corp(CORP_ID, CORP_SECRET)
                .clock(time.clock())
                .scheduler(time)
                .customerServiceQuota(3)
                .build()
                .start();
        wechat.interaction(FOLLOWER, T0);
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private AccessTokens tokens(WeChatTokenEndpoint source) {
        return AccessTokens.builder(APP_ID, source, TokenStores.inMemory())
                .clock(time.clock())
                .scheduler(time)
                .refreshAhead(Duration.ofMinutes(5), Duration.ZERO)
                .build();
    }

    private WeChatApi stableApi() {
        AccessTokens tokens = tokens(WeChatTokenEndpoint.stableToken(
                wechat.uri(), APP_ID, AppSecret.of(SECRET), http, Duration.ofSeconds(5)));
        return WeChatApi.of(wechat.uri(), tokens, http, Duration.ofSeconds(5));
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static WeChatApiException apiError(CompletionStage<?> stage) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> await(stage));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(WeChatApiException.class);
        return (WeChatApiException) thrown.getCause();
    }

    @Test
    void stableToken_isFetchedOnce_andServesEveryCall() throws Exception {
        WeChatApi api = stableApi();

        await(api.customerServiceText(FOLLOWER, "您好，您的卡已寄出"));
        await(api.template(FOLLOWER, "TPL-card-shipped", Map.of("first", "您的卡已寄出")));

        assertThat(wechat.tokensIssued()).isEqualTo(1);
        assertThat(wechat.requests(Api.STABLE_TOKEN)).isEqualTo(1);
        assertThat(wechat.sent())
                .extracting(WeChatApiSimulator.Sent::api)
                .containsExactly(Api.CUSTOMER_SERVICE, Api.TEMPLATE);
        assertThat(wechat.sent().get(0).body()).contains("您好，您的卡已寄出");
    }

    @Test
    void invalidCredential40001_invalidatesTheToken_andRefreshesOnce_withForceRefresh() throws Exception {
        WeChatApi api = stableApi();
        await(api.customerServiceText(FOLLOWER, "first"));
        wechat.failNext(Api.CUSTOMER_SERVICE, 40001, 1);

        await(api.customerServiceText(FOLLOWER, "second"));

        // One refresh for the refused token, not one per caller or per retry.
        assertThat(wechat.tokensIssued()).isEqualTo(2);
        assertThat(wechat.requests(Api.STABLE_TOKEN)).isEqualTo(2);
        assertThat(wechat.requests(Api.CUSTOMER_SERVICE)).isEqualTo(3);
        assertThat(wechat.sent()).hasSize(2);
    }

    @Test
    void tokenInvalidatedByAnotherNode_isRefreshedOnce_andTheCallGoesThrough() throws Exception {
        WeChatApi api = stableApi();
        await(api.customerServiceText(FOLLOWER, "first"));
        wechat.invalidateTokens();

        await(api.customerServiceText(FOLLOWER, "second"));

        assertThat(wechat.tokensIssued()).isEqualTo(2);
        assertThat(wechat.sent()).hasSize(2);
    }

    @Test
    void secondRefusal_afterTheRefresh_failsWith40001_insteadOfRefreshingAgain() throws Exception {
        WeChatApi api = stableApi();
        wechat.failNext(Api.CUSTOMER_SERVICE, 40001, 5);

        WeChatApiException e = apiError(api.customerServiceText(FOLLOWER, "hello"));

        assertThat(e.errcode()).isEqualTo(40001);
        assertThat(wechat.tokensIssued()).isEqualTo(2);
        assertThat(wechat.requests(Api.CUSTOMER_SERVICE)).isEqualTo(2);
        assertThat(wechat.sent()).isEmpty();
    }

    @Test
    void expiredToken42001_onAManualClock_isRefreshedBeforeTheCall() throws Exception {
        WeChatApi api = stableApi();
        await(api.template(FOLLOWER, "TPL", Map.of("first", "a")));

        time.advance(Duration.ofHours(2));
        await(api.template(FOLLOWER, "TPL", Map.of("first", "b")));

        // AccessTokens refreshed ahead of expiry: WeChat never saw the expired token.
        assertThat(wechat.tokensIssued()).isEqualTo(2);
        assertThat(wechat.sent()).hasSize(2);
    }

    @Test
    void classicToken_eachCallIssuesANewToken_andTheOldOneLastsFiveMinutes() throws Exception {
        WeChatTokenEndpoint classic = WeChatTokenEndpoint.classicToken(
                wechat.uri(), APP_ID, AppSecret.of(SECRET), http, Duration.ofSeconds(5));
        WeChatApi api = WeChatApi.of(wechat.uri(), tokens(classic), http, Duration.ofSeconds(5));
        await(api.customerServiceText(FOLLOWER, "one"));
        String first = await(classic.fetch(false)).value();
        String second = await(classic.fetch(false)).value();

        assertThat(first).isNotEqualTo(second);
        assertThat(wechat.tokensIssued()).isEqualTo(3);
        // The token AccessTokens holds is now two generations old but inside WeChat's overlap...
        await(api.customerServiceText(FOLLOWER, "two"));
        // ...and refused after it (42001 once the overlap ends): refreshed once, then accepted.
        time.advance(Duration.ofMinutes(6));
        await(api.customerServiceText(FOLLOWER, "three"));
        assertThat(wechat.tokensIssued()).isEqualTo(4);
        assertThat(wechat.sent()).hasSize(3);
    }

    @Test
    void wrongSecret_isAnApiErrorWithWeChatsCode() throws Exception {
        WeChatTokenEndpoint wrong = WeChatTokenEndpoint.classicToken(
                wechat.uri(), APP_ID, AppSecret.of("ffffffffffffffffffffffffffffffff"), http, Duration.ofSeconds(5));

        assertThat(apiError(wrong.fetch(false)).errcode()).isEqualTo(40125);
    }

    @Test
    void customerServiceMessage_outsideThe48HourWindow_is45015() throws Exception {
        WeChatApi api = stableApi();
        time.advance(Duration.ofHours(47).plusMinutes(59));
        await(api.customerServiceText(FOLLOWER, "inside"));

        time.advance(Duration.ofMinutes(1));

        assertThat(apiError(api.customerServiceText(FOLLOWER, "outside")).errcode())
                .isEqualTo(45015);
        assertThat(wechat.sent()).hasSize(1);
    }

    @Test
    void customerServiceMessages_beyondTheQuota_are45047_untilTheFollowerWritesAgain() throws Exception {
        WeChatApi api = stableApi();
        for (int i = 0; i < 3; i++) {
            await(api.customerServiceText(FOLLOWER, "message " + i));
        }

        assertThat(apiError(api.customerServiceText(FOLLOWER, "one too many")).errcode())
                .isEqualTo(45047);

        wechat.interaction(FOLLOWER, time.clock().instant());
        await(api.customerServiceText(FOLLOWER, "after the follower wrote"));
        assertThat(wechat.sent()).hasSize(4);
    }

    @Test
    void messageToSomeoneNotFollowing_is43004() throws Exception {
        WeChatApi api = stableApi();
        wechat.unfollow(FOLLOWER);

        assertThat(apiError(api.template(FOLLOWER, "TPL", Map.of())).errcode()).isEqualTo(43004);
        assertThat(apiError(api.customerServiceText(FOLLOWER, "hi")).errcode()).isEqualTo(43004);
    }

    @Test
    void scriptedErrors_comeInOrder_thenCallsSucceedAgain() throws Exception {
        WeChatApi api = stableApi();
        wechat.failNext(Api.SUBSCRIBE, 45015, 1).failNext(Api.SUBSCRIBE, 45047, 1);

        assertThat(apiError(api.subscribe(FOLLOWER, "SUB", Map.of("thing1", "a")))
                        .errcode())
                .isEqualTo(45015);
        assertThat(apiError(api.subscribe(FOLLOWER, "SUB", Map.of("thing1", "a")))
                        .errcode())
                .isEqualTo(45047);
        assertThat(await(api.subscribe(FOLLOWER, "SUB", Map.of("thing1", "a")))).isPresent();
    }

    @Test
    void weCom_getToken_andAppMessage() throws Exception {
        AccessTokens tokens = AccessTokens.builder(
                        CORP_ID,
                        WeChatTokenEndpoint.weComToken(
                                wechat.uri(), CORP_ID, AppSecret.of(CORP_SECRET), http, Duration.ofSeconds(5)),
                        TokenStores.inMemory())
                .clock(time.clock())
                .scheduler(time)
                .build();
        WeChatApi api = WeChatApi.of(wechat.uri(), tokens, http, Duration.ofSeconds(5));

        Optional<String> msgId = await(api.weComText("ZhangSan", 1000002, "客户经理提醒"));

        assertThat(msgId).isPresent();
        assertThat(wechat.requests(Api.WECOM_TOKEN)).isEqualTo(1);
        assertThat(wechat.sent()).singleElement().satisfies(s -> {
            assertThat(s.api()).isEqualTo(Api.WECOM_MESSAGE);
            assertThat(s.to()).isEqualTo("ZhangSan");
            assertThat(s.toString()).doesNotContain("ZhangSan");
        });
    }

    @Test
    void weComToken_isRefusedOnTheOfficialAccountApi() throws Exception {
        String weComToken = await(WeChatTokenEndpoint.weComToken(
                                wechat.uri(), CORP_ID, AppSecret.of(CORP_SECRET), http, Duration.ofSeconds(5))
                        .fetch(false))
                .value();
        HttpClient raw = HttpClient.newHttpClient();
        String answer = raw.send(
                        java.net.http.HttpRequest.newBuilder(wechat.uri()
                                        .resolve(Api.CUSTOMER_SERVICE.path() + "?access_token=" + weComToken))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"touser\":\"x\"}"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(answer).contains("\"errcode\":40001");
    }

    @Test
    void latency_holdsTheAnswer_untilTheSchedulerReachesIt() throws Exception {
        WeChatApi api = stableApi();
        await(api.customerServiceText(FOLLOWER, "warm up"));
        wechat.latency(Duration.ofSeconds(3));

        CompletableFuture<Void> sent = api.customerServiceText(FOLLOWER, "slow").toCompletableFuture();
        awaitPending();

        assertThat(sent).isNotDone();
        time.advance(Duration.ofSeconds(3));
        await(sent);
    }

    @Test
    void latencyBeyondTheClientsTimeout_failsTheCall_withTheClientsTimeout() throws Exception {
        AccessTokens tokens = tokens(WeChatTokenEndpoint.stableToken(
                wechat.uri(), APP_ID, AppSecret.of(SECRET), http, Duration.ofSeconds(1)));
        WeChatApi api = WeChatApi.of(wechat.uri(), tokens, http, Duration.ofSeconds(1));
        await(api.customerServiceText(FOLLOWER, "warm up"));
        wechat.latency(Duration.ofSeconds(30));

        // The answer waits on the manual scheduler, which nobody advances: only the client's own
        // request timeout (java.net.http) ends the call.
        assertThatThrownBy(() -> await(api.customerServiceText(FOLLOWER, "slow")))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(HttpTimeoutException.class);
    }

    /** The simulator has parked the answer on the manual scheduler (its server thread got there). */
    private void awaitPending() {
        Await.until("the delayed answer is scheduled", () -> time.pending() > 0);
    }

    @Test
    void guide_sendsThroughTheSimulator() throws Exception {
        // tag::simulator[]
        try (WeChatApiSimulator simulator = WeChatApiSimulator.builder()
                .app(APP_ID, SECRET) // the app id and secret its token endpoints accept
                .build()
                .start()) {
            simulator.interaction(FOLLOWER, Instant.now()); // opens the 48-hour window
            simulator.failNext(WeChatApiSimulator.Api.CUSTOMER_SERVICE, 40001, 1); // as if refreshed elsewhere
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            AccessTokens tokens = AccessTokens.builder(
                            APP_ID,
                            WeChatTokenEndpoint.stableToken(
                                    simulator.uri(), APP_ID, AppSecret.of(SECRET), client, Duration.ofSeconds(10)),
                            TokenStores.inMemory())
                    .build();
            WeChatApi api = WeChatApi.of(simulator.uri(), tokens, client, Duration.ofSeconds(10));

            api.customerServiceText(FOLLOWER, "您的卡已寄出").toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(simulator.tokensIssued()).isEqualTo(2); // refreshed once after the 40001
            assertThat(simulator.sent()).hasSize(1);
        }
        // end::simulator[]
    }

    @Test
    void builder_refusesABadValue_atOnce() {
        assertThatThrownBy(() -> WeChatApiSimulator.builder().latency(Duration.ofMinutes(5)))
                .hasMessageContaining("latency");
        assertThatThrownBy(() -> WeChatApiSimulator.builder().customerServiceQuota(0))
                .hasMessageContaining("quota");
    }
}
