package io.remotebank.signaling.internal.sip.transport;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the connections peers opened, in all and per source address, and refuses one past either
 * limit (TCP, TLS, WS and WSS share both counts). Thread-safe.
 */
final class ConnectionAdmission {

    private final int maxTotal;
    private final int maxPerAddress;
    private final TransportCounters counters;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionAdmission(int maxTotal, int maxPerAddress, TransportCounters counters) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
        this.counters = counters;
    }

    /**
     * Takes a place for a new connection from {@code address}.
     *
     * @return false, counted, when a limit is reached: the caller closes the connection
     */
    boolean admit(InetAddress address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            counters.refusedOverTotalLimit.increment();
            return false;
        }
        boolean[] admitted = {false};
        perAddress.compute(address, (a, n) -> {
            int held = n == null ? 0 : n;
            if (held >= maxPerAddress) {
                return n;
            }
            admitted[0] = true;
            return held + 1;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            counters.refusedOverAddressLimit.increment();
        }
        return admitted[0];
    }

    /** Gives back the place of a connection that {@link #admit} let in and that has closed. */
    void release(InetAddress address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** The connections admitted and not yet released. */
    int admitted() {
        return total.get();
    }
}
