package io.remotebank.channels.wechat.token;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.wechat.WeChatError;
import io.remotebank.channels.wechat.WeChatException;
import io.remotebank.channels.wechat.spi.TokenStore;
import io.remotebank.core.Arguments;
import io.remotebank.core.time.Clocks;
import io.remotebank.core.time.Scheduler;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token of one app, refreshed once at a time across every process that shares the {@link
 * TokenStore}: a caller that finds the token missing or inside the refresh-ahead margin takes the
 * store's lease and fetches; every other caller, in this process or another, keeps using the current
 * token while it is valid, or waits (on the injected scheduler, no thread blocked) for the holder to
 * publish. The margin is shortened by a random jitter per process so that nodes do not all reach for
 * the lease at the same instant. After WeChat refuses a token (40001, 42001), {@link #rejected}
 * invalidates it in the store only if it is still the current one, so that the next call refreshes
 * once, with {@code force_refresh}.
 *
 * <p>Thread-safe; no token appears in a log line or a {@code toString}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);

    private final String appId;
    private final TokenSource source;
    private final TokenStore store;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Duration refreshAhead;
    private final Duration jitter;
    private final Duration lease;
    private final Duration pollInterval;
    private final Duration maxWait;
    private final String holderPrefix;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile boolean forceNext;

    private AccessTokens(Builder b) {
        this.appId = b.appId;
        this.source = b.source;
        this.store = b.store;
        this.clock = b.clock;
        this.scheduler = b.scheduler;
        this.refreshAhead = b.refreshAhead;
        // One jitter per process, drawn once: the same node always reaches a little earlier or later.
        this.jitter = b.jitter.isZero()
                ? Duration.ZERO
                : Duration.ofMillis((long) (new SecureRandom().nextDouble() * b.jitter.toMillis()));
        this.lease = b.lease;
        this.pollInterval = b.pollInterval;
        this.maxWait = b.maxWait;
        this.holderPrefix = b.holder;
    }

    /**
     * A builder.
     *
     * @param appId the app (official account, mini-program, or WeCom corp id and agent)
     * @param source where fresh tokens come from
     * @param store the store every process of the app shares
     * @return the builder
     */
    public static Builder builder(String appId, TokenSource source, TokenStore store) {
        return new Builder(appId, source, store);
    }

    /**
     * A valid token: the stored one, or a fresh one when it is missing or due for refresh.
     *
     * @return the token; a stage failed with a {@link WeChatException} ({@link
     *     WeChatError#TOKEN_UNAVAILABLE}) when none could be had within the maximum wait, or with the
     *     source's error
     */
    public CompletionStage<AccessToken> current() {
        CompletableFuture<AccessToken> result = new CompletableFuture<>();
        attempt(clock.instant().plus(maxWait), result);
        return result;
    }

    /**
     * WeChat refused a token (40001 or 42001): marks it expired if it is still the current one, so
     * that the next {@link #current()} refreshes once, with {@code force_refresh}.
     *
     * @param token the token that was refused
     */
    public void rejected(AccessToken token) {
        Arguments.notNull(token, "token");
        if (store.invalidate(appId, token.value())) {
            forceNext = true;
            LOG.info("WeChat refused the access token of {}: invalidated, the next call refreshes it", appId);
        }
    }

    /** How many tokens this instance fetched from the source (for tests and metrics). */
    public int refreshes() {
        return refreshes.get();
    }

    private boolean fresh(AccessToken token, Instant now) {
        return now.isBefore(token.expiresAt().minus(refreshAhead).minus(jitter));
    }

    private void attempt(Instant deadline, CompletableFuture<AccessToken> result) {
        try {
            Instant now = clock.instant();
            Optional<AccessToken> stored = store.read(appId);
            if (stored.isPresent() && fresh(stored.get(), now)) {
                result.complete(stored.get());
                return;
            }
            String holder = holderPrefix + "#" + attempts.incrementAndGet();
            if (store.tryLease(appId, holder, now, now.plus(lease))) {
                // Another holder may have published between the read and the lease.
                Optional<AccessToken> again = store.read(appId);
                if (again.isPresent() && fresh(again.get(), now)) {
                    store.release(appId, holder);
                    result.complete(again.get());
                    return;
                }
                refresh(holder, stored.isPresent(), result);
                return;
            }
            if (stored.isPresent() && now.isBefore(stored.get().expiresAt())) {
                // Someone else is refreshing; the current token still works meanwhile.
                result.complete(stored.get());
                return;
            }
            if (!now.isBefore(deadline)) {
                result.completeExceptionally(new WeChatException(
                        WeChatError.TOKEN_UNAVAILABLE,
                        "no valid access token for " + appId + " within " + maxWait + ": another holder's refresh"
                                + " did not finish"));
                return;
            }
            scheduler.schedule(pollInterval, () -> attempt(deadline, result));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private void refresh(String holder, boolean hadToken, CompletableFuture<AccessToken> result) {
        boolean force = forceNext;
        forceNext = false;
        Instant started = clock.instant();
        CompletionStage<TokenSource.Issued> fetched;
        try {
            fetched = source.fetch(force);
        } catch (RuntimeException e) {
            store.release(appId, holder);
            result.completeExceptionally(e);
            return;
        }
        fetched.whenComplete((issued, failure) -> {
            if (failure != null) {
                store.release(appId, holder);
                LOG.warn("refreshing the access token of {} failed: {}", appId, failure.toString());
                result.completeExceptionally(failure);
                return;
            }
            try {
                refreshes.incrementAndGet();
                // Measured from before the call: the token may have been issued at its start.
                AccessToken token = new AccessToken(issued.value(), started.plus(issued.expiresIn()));
                if (!store.publish(appId, holder, token)) {
                    LOG.warn("the refresh lease of {} expired before the token was stored", appId);
                }
                LOG.info(
                        "access token of {} {} (expires {})",
                        appId,
                        hadToken ? "refreshed" : "fetched",
                        token.expiresAt());
                result.complete(token);
            } catch (RuntimeException e) {
                store.release(appId, holder);
                result.completeExceptionally(e);
            }
        });
    }

    @Override
    public String toString() {
        return "AccessTokens[" + appId + ", " + store + "]";
    }

    /** Builds {@link AccessTokens}; each setter rejects a bad value at once. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final String appId;
        private final TokenSource source;
        private final TokenStore store;
        private Clock clock = Clocks.system();
        private Scheduler scheduler;
        private Duration refreshAhead = Duration.ofMinutes(5);
        private Duration jitter = Duration.ofMinutes(1);
        private Duration lease = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration maxWait = Duration.ofSeconds(10);
        private String holder = UUID.randomUUID().toString();

        private Builder(String appId, TokenSource source, TokenStore store) {
            Arguments.notBlank(appId, "app id");
            Arguments.inRange(appId.length(), 1, 128, "app id length");
            this.appId = appId;
            this.source = Arguments.notNull(source, "token source");
            this.store = Arguments.notNull(store, "token store");
        }

        /**
         * The clock. Default: the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * The scheduler that waits for another holder's refresh. Default: rb-core's system scheduler.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * How long before expiry a token is refreshed, and the random part taken off that per process.
         * Default: five minutes, up to one minute of jitter.
         *
         * @param ahead 0 to 30 minutes
         * @param jitter 0 to ahead
         * @return this builder
         */
        public Builder refreshAhead(Duration ahead, Duration jitter) {
            Arguments.notNegative(ahead, "refresh ahead");
            Arguments.notNegative(jitter, "jitter");
            Arguments.inRange(ahead.toSeconds(), 0, 1800, "refresh ahead (seconds)");
            Arguments.inRange(jitter.toMillis(), 0, ahead.toMillis(), "jitter (ms)");
            this.refreshAhead = ahead;
            this.jitter = jitter;
            return this;
        }

        /**
         * How long a refresh may hold the lease before another process may take it. Default: 30 s.
         *
         * @param lease 1 s to 10 minutes
         * @return this builder
         */
        public Builder lease(Duration lease) {
            Arguments.positive(lease, "lease");
            Arguments.inRange(lease.toMillis(), 1000, 600_000, "lease (ms)");
            this.lease = lease;
            return this;
        }

        /**
         * How often a caller without a valid token looks again while another holder refreshes, and for
         * how long. Default: every 200 ms for up to 10 s.
         *
         * @param interval 10 ms to 10 s
         * @param maxWait up to 5 minutes
         * @return this builder
         */
        public Builder waitForOthers(Duration interval, Duration maxWait) {
            Arguments.positive(interval, "poll interval");
            Arguments.inRange(interval.toMillis(), 10, 10_000, "poll interval (ms)");
            Arguments.notNegative(maxWait, "max wait");
            Arguments.inRange(maxWait.toSeconds(), 0, 300, "max wait (seconds)");
            this.pollInterval = interval;
            this.maxWait = maxWait;
            return this;
        }

        /**
         * The name of this process as a lease holder. Default: a random UUID.
         *
         * @param holder 1-100 characters
         * @return this builder
         */
        public Builder holder(String holder) {
            Arguments.notBlank(holder, "holder");
            Arguments.inRange(holder.length(), 1, 100, "holder length");
            this.holder = holder;
            return this;
        }

        /**
         * Builds the tokens.
         *
         * @return the tokens
         */
        public AccessTokens build() {
            if (scheduler == null) {
                scheduler = Scheduler.system();
            }
            return new AccessTokens(this);
        }
    }
}
