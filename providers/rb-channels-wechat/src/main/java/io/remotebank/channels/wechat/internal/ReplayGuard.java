package io.remotebank.channels.wechat.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.wechat.CallbackException;
import io.remotebank.channels.wechat.WeChatError;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Accepts a signed request once: its timestamp must lie within the window of the clock, and the same
 * (timestamp, nonce, signature) is refused while the window would still accept it. Entries leave
 * once their timestamp is outside the window, so memory is bounded by the requests of one window,
 * and by a hard cap beyond which new requests are refused rather than old ones forgotten.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReplayGuard {

    private record Seen(long timestamp, String key) {}

    private final Clock clock;
    private final long windowSeconds;
    private final int capacity;
    private final Set<String> keys = new HashSet<>();
    private final ArrayDeque<Seen> order = new ArrayDeque<>();

    /**
     * Creates a guard.
     *
     * @param clock the clock
     * @param window the window; zero turns the guard off
     * @param capacity the most requests remembered
     */
    public ReplayGuard(Clock clock, Duration window, int capacity) {
        this.clock = clock;
        this.windowSeconds = window.toSeconds();
        this.capacity = capacity;
    }

    /**
     * Checks a request and remembers it.
     *
     * @param timestamp the request's {@code timestamp} in seconds since the epoch
     * @param key what identifies the signed request (nonce and signature)
     * @throws CallbackException with {@link WeChatError#REPLAYED} or {@link WeChatError#OVERLOADED}
     */
    public synchronized void admit(long timestamp, String key) {
        if (windowSeconds == 0) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > windowSeconds) {
            throw new CallbackException(
                    WeChatError.REPLAYED,
                    "the timestamp is " + (now - timestamp) + " s from the clock, outside the window of "
                            + windowSeconds + " s");
        }
        expire(now);
        String full = timestamp + "|" + key;
        if (keys.contains(full)) {
            throw new CallbackException(WeChatError.REPLAYED, "the same signed request came before");
        }
        if (keys.size() >= capacity) {
            throw new CallbackException(
                    WeChatError.OVERLOADED, "the replay guard holds " + capacity + " requests inside the window");
        }
        keys.add(full);
        order.addLast(new Seen(timestamp, full));
    }

    /**
     * Forgets a request that was admitted but not processed, so that WeChat's retry is accepted.
     *
     * @param timestamp its timestamp
     * @param key its key
     */
    public synchronized void forget(long timestamp, String key) {
        keys.remove(timestamp + "|" + key);
    }

    /**
     * Drops entries whose timestamps the window no longer accepts. Timestamps arrive roughly in
     * order; one that came late stays until the entries before it go, which only errs on the side of
     * remembering.
     */
    private void expire(long now) {
        while (!order.isEmpty() && order.peekFirst().timestamp() < now - windowSeconds) {
            keys.remove(order.pollFirst().key());
        }
    }

    /** How many requests are remembered. */
    public synchronized int size() {
        return keys.size();
    }
}
