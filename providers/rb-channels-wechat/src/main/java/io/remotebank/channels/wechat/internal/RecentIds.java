package io.remotebank.channels.wechat.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Ids seen within a time window, in arrival order, at most a number of them: how a message that
 * WeChat retries (up to three times, within seconds) is delivered once. When full, the oldest id is
 * dropped: that risks a duplicate delivery, never a lost message.
 */
@API(status = INTERNAL, since = "0.1")
public final class RecentIds {

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    /**
     * Creates the set.
     *
     * @param clock the clock
     * @param window how long an id is remembered
     * @param capacity the most ids remembered
     */
    public RecentIds(Clock clock, Duration window, int capacity) {
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    /**
     * Remembers an id.
     *
     * @param id the id
     * @return true when it is new, false when it was seen within the window
     */
    public synchronized boolean add(String id) {
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().isBefore(horizon)) {
                it.remove();
            } else {
                break;
            }
        }
        if (seen.containsKey(id)) {
            return false;
        }
        if (seen.size() >= capacity) {
            Iterator<String> oldest = seen.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        seen.put(id, now);
        return true;
    }

    /**
     * Forgets an id whose delivery failed, so that the retry is delivered.
     *
     * @param id the id
     */
    public synchronized void remove(String id) {
        seen.remove(id);
    }
}
