package io.remotebank.signaling.internal.webrtc;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/** Counts the signaling connections of each client address and refuses one past the limit. */
final class AddressLimit {

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> held = new ConcurrentHashMap<>();

    AddressLimit(int max) {
        this.max = max;
    }

    /** Takes a place for {@code address}; false when it holds the most already. */
    boolean admit(InetAddress address) {
        boolean[] admitted = {false};
        held.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= max) {
                return n;
            }
            admitted[0] = true;
            return count + 1;
        });
        return admitted[0];
    }

    /** Gives back a place {@link #admit} took. */
    void release(InetAddress address) {
        held.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }
}
