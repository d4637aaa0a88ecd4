package io.remotebank.channels.wechat.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.channels.wechat.WeChatException;
import io.remotebank.channels.wechat.spi.TokenStore;
import io.remotebank.testing.ManualTime;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final String APP = "wx0123456789abcdef";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final ManualTime time = ManualTime.at(Instant.parse("2026-12-01T09:00:00Z"));

    /** Issues TOKEN-1, TOKEN-2, ... and counts the calls, like WeChat's token endpoint. */
    private static final class CountingSource implements TokenSource {
        final AtomicInteger calls = new AtomicInteger();
        final List<Boolean> forced = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile CompletableFuture<Issued> pending;

        @Override
        public CompletionStage<Issued> fetch(boolean forceRefresh) {
            forced.add(forceRefresh);
            int n = calls.incrementAndGet();
            if (pending != null) {
                return pending.thenApply(i -> new Issued("TOKEN-" + n, Duration.ofSeconds(7200)));
            }
            return CompletableFuture.completedFuture(new Issued("TOKEN-" + n, Duration.ofSeconds(7200)));
        }
    }

    private AccessTokens tokens(TokenSource source, TokenStore store, String holder) {
        return AccessTokens.builder(APP, source, store)
                .clock(time.clock())
                .scheduler(time)
                .refreshAhead(Duration.ofMinutes(5), Duration.ZERO)
                .waitForOthers(Duration.ofMillis(100), Duration.ofSeconds(10))
                .holder(holder)
                .build();
    }

    private static AccessToken await(CompletionStage<AccessToken> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void firstCall_fetches_andLaterCallsReuseTheToken() throws Exception {
        CountingSource source = new CountingSource();
        AccessTokens tokens = tokens(source, TokenStores.inMemory(), "node-a");

        AccessToken first = await(tokens.current());
        time.advance(Duration.ofMinutes(100));
        AccessToken later = await(tokens.current());

        assertThat(first.value()).isEqualTo("TOKEN-1");
        assertThat(later).isEqualTo(first);
        assertThat(source.calls).hasValue(1);
        assertThat(first.toString()).doesNotContain("TOKEN-1");
    }

    @Test
    void tokenInsideTheRefreshAheadMargin_isRefreshedOnce() throws Exception {
        CountingSource source = new CountingSource();
        AccessTokens tokens = tokens(source, TokenStores.inMemory(), "node-a");
        await(tokens.current());

        time.advance(Duration.ofSeconds(7200 - 299));

        assertThat(await(tokens.current()).value()).isEqualTo("TOKEN-2");
        assertThat(await(tokens.current()).value()).isEqualTo("TOKEN-2");
        assertThat(source.calls).hasValue(2);
    }

    @Test
    void twentyThreads_withNoToken_causeExactlyOneRefresh() throws Exception {
        CountingSource source = new CountingSource();
        // The fetch is slow: every other thread finds the lease taken and no token yet.
        source.pending = new CompletableFuture<>();
        AccessTokens tokens = tokens(source, TokenStores.inMemory(), "node-a");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<CompletableFuture<AccessToken>> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<java.util.concurrent.Future<CompletableFuture<AccessToken>>> submitted = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                submitted.add(pool.submit(() -> {
                    start.await();
                    return tokens.current().toCompletableFuture();
                }));
            }
            start.countDown();
            for (var f : submitted) {
                results.add(f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        source.pending.complete(null);
        time.advance(Duration.ofMillis(100));

        for (CompletableFuture<AccessToken> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).value()).isEqualTo("TOKEN-1");
        }
        assertThat(source.calls).hasValue(1);
    }

    @Test
    void twoProcessesOnOneJdbcStore_refreshOncePerExpiry() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:access_tokens_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        CountingSource source = new CountingSource();
        AccessTokens nodeA = tokens(source, TokenStores.jdbc(db), "node-a");
        AccessTokens nodeB = tokens(source, TokenStores.jdbc(db), "node-b");

        for (int expiry = 0; expiry < 3; expiry++) {
            for (int i = 0; i < 10; i++) {
                await(nodeA.current());
                await(nodeB.current());
            }
            time.advance(Duration.ofSeconds(7200));
        }

        assertThat(source.calls).hasValue(3);
        assertThat(nodeA.refreshes() + nodeB.refreshes()).isEqualTo(3);
    }

    @Test
    void rejectedToken_isRefreshedOnce_withForceRefresh_evenWhenBothNodesReportIt() throws Exception {
        TokenStore store = TokenStores.inMemory();
        CountingSource source = new CountingSource();
        AccessTokens nodeA = tokens(source, store, "node-a");
        AccessTokens nodeB = tokens(source, store, "node-b");
        AccessToken first = await(nodeA.current());

        // Both nodes were told 40001 for TOKEN-1; A refreshes, then B's late report must not
        // throw TOKEN-2 away.
        nodeA.rejected(first);
        AccessToken second = await(nodeA.current());
        nodeB.rejected(first);
        AccessToken seenByB = await(nodeB.current());

        assertThat(second.value()).isEqualTo("TOKEN-2");
        assertThat(seenByB).isEqualTo(second);
        assertThat(source.calls).hasValue(2);
        assertThat(source.forced).containsExactly(false, true);
    }

    @Test
    void anotherHoldersRefreshThatNeverFinishes_failsAfterTheWait_withItsCode() throws Exception {
        TokenStore store = TokenStores.inMemory();
        store.tryLease(
                APP,
                "stuck-node",
                time.clock().instant(),
                time.clock().instant().plusSeconds(60));
        AccessTokens tokens = tokens(new CountingSource(), store, "node-a");

        CompletableFuture<AccessToken> result = tokens.current().toCompletableFuture();
        time.advance(Duration.ofSeconds(11));

        assertThat(result)
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        WeChatException.class, e -> assertThat(e.code()).isEqualTo(WeChatError.TOKEN_UNAVAILABLE));
    }

    @Test
    void failedFetch_releasesTheLease_soTheNextCallTriesAgain() throws Exception {
        TokenStore store = TokenStores.inMemory();
        AtomicInteger calls = new AtomicInteger();
        TokenSource flaky = force -> calls.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new io.remotebank.channels.wechat.WeChatApiException(-1, "timeout"))
                : CompletableFuture.completedFuture(new TokenSource.Issued("TOKEN-OK", Duration.ofSeconds(7200)));
        AccessTokens tokens = tokens(flaky, store, "node-a");

        assertThat(tokens.current().toCompletableFuture()).failsWithin(Duration.ofSeconds(5));
        assertThat(await(tokens.current()).value()).isEqualTo("TOKEN-OK");
    }

    @Test
    void guide_tokensFromStableTokenOverAJdbcStore() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:guide_tokens_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        String appSecret = "0123456789abcdef0123456789abcdef"; // from a file or the environment
        // tag::tokens[]
        TokenStore store = TokenStores.jdbc(dataSource); // every node on one table; inMemory() for one process
        AccessTokens tokens = AccessTokens.builder(
                        "wx0123456789abcdef",
                        WeChatTokenEndpoint.stableToken(
                                WeChatTokenEndpoint.WECHAT_API,
                                "wx0123456789abcdef",
                                AppSecret.of(appSecret),
                                HttpClient.newBuilder()
                                        .connectTimeout(Duration.ofSeconds(5))
                                        .build(),
                                Duration.ofSeconds(10)),
                        store)
                .build();
        // tokens.current().thenAccept(token -> call the API with token.value());
        // on errcode 40001/42001: tokens.rejected(token), then current() again
        // end::tokens[]
        assertThat(tokens.toString()).contains("wx0123456789abcdef").doesNotContain(appSecret);
    }
}
