package io.remotebank.signaling.internal.webrtc;

import io.remotebank.core.time.Ticker;

/** A token bucket on an injected ticker: {@code rate} messages a second, bursts of {@code burst}. */
final class RateLimit {

    private final Ticker ticker;
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    RateLimit(Ticker ticker, int rate, int burst) {
        this.ticker = ticker;
        this.perNano = rate / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = ticker.read();
    }

    /** Takes one token; false when the bucket is empty. */
    boolean take() {
        long now = ticker.read();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
