package io.remotebank.channels.wechat.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.wechat.spi.TokenStore;
import io.remotebank.channels.wechat.token.AccessToken;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/** The token store of one process: a map under one lock. */
@API(status = INTERNAL, since = "0.1")
public final class InMemoryTokenStore implements TokenStore {

    private static final class Entry {
        AccessToken token;
        String holder;
        Instant leaseUntil;
    }

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized Optional<AccessToken> read(String appId) {
        Entry e = entries.get(appId);
        return e == null ? Optional.empty() : Optional.ofNullable(e.token);
    }

    @Override
    public synchronized boolean tryLease(String appId, String holder, Instant now, Instant until) {
        Entry e = entries.computeIfAbsent(appId, k -> new Entry());
        if (e.holder != null && e.leaseUntil.isAfter(now)) {
            return false;
        }
        e.holder = holder;
        e.leaseUntil = until;
        return true;
    }

    @Override
    public synchronized boolean publish(String appId, String holder, AccessToken token) {
        Entry e = entries.get(appId);
        if (e == null || !Objects.equals(e.holder, holder)) {
            return false;
        }
        e.token = token;
        e.holder = null;
        e.leaseUntil = null;
        return true;
    }

    @Override
    public synchronized void release(String appId, String holder) {
        Entry e = entries.get(appId);
        if (e != null && Objects.equals(e.holder, holder)) {
            e.holder = null;
            e.leaseUntil = null;
        }
    }

    @Override
    public synchronized boolean invalidate(String appId, String value) {
        Entry e = entries.get(appId);
        if (e == null
                || e.token == null
                || !e.token.value().equals(value)
                || e.token.expiresAt().equals(Instant.EPOCH)) {
            return false;
        }
        e.token = new AccessToken(value, Instant.EPOCH);
        return true;
    }

    @Override
    public String toString() {
        return "InMemoryTokenStore";
    }
}
