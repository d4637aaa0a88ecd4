package io.remotebank.signaling.sip.transaction;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The timer values of RFC 3261 17 (table 4 of its appendix A).
 *
 * @param t1 the round-trip estimate, default 500 ms
 * @param t2 the longest retransmission interval of non-INVITE requests and INVITE responses,
 *     default 4 s
 * @param t4 the longest time a message stays in the network, default 5 s
 * @param timerD how long a client INVITE transaction absorbs retransmitted final responses over an
 *     unreliable transport, at least 32 s (the default)
 * @param trying100 how long a server INVITE transaction waits for the transaction user's first
 *     response before it sends 100 (Trying) itself (RFC 3261 17.2.1: 200 ms)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TransactionSettings(Duration t1, Duration t2, Duration t4, Duration timerD, Duration trying100) {

    /** Checks the values: all positive, {@code t2 >= t1}, timer D at least 32 s. */
    public TransactionSettings {
        Arguments.notNull(t1, "t1");
        Arguments.notNull(t2, "t2");
        Arguments.notNull(t4, "t4");
        Arguments.notNull(timerD, "timerD");
        Arguments.notNull(trying100, "trying100");
        if (t1.isNegative() || t1.isZero() || t2.isNegative() || t2.isZero() || t4.isNegative() || t4.isZero()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "T1, T2 and T4 must be positive");
        }
        if (t2.compareTo(t1) < 0) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "T2 must not be shorter than T1");
        }
        if (timerD.compareTo(Duration.ofSeconds(32)) < 0) {
            throw new ValidationException(
                    CoreError.ARGUMENT_INVALID, "timer D must be at least 32 s (RFC 3261 17.1.1.2)");
        }
        if (trying100.isNegative()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "the 100 (Trying) delay must not be negative");
        }
    }

    /** T1 500 ms, T2 4 s, T4 5 s, timer D 32 s, 100 (Trying) after 200 ms. */
    public static TransactionSettings ofDefaults() {
        return new TransactionSettings(
                Duration.ofMillis(500),
                Duration.ofSeconds(4),
                Duration.ofSeconds(5),
                Duration.ofSeconds(32),
                Duration.ofMillis(200));
    }

    /**
     * These settings with other T1, T2 and T4.
     *
     * @param t1 T1
     * @param t2 T2
     * @param t4 T4
     * @return the new settings
     */
    public TransactionSettings withT(Duration t1, Duration t2, Duration t4) {
        return new TransactionSettings(t1, t2, t4, timerD, trying100);
    }

    /** 64*T1: timers B, F, H and J. */
    public Duration timeout() {
        return t1.multipliedBy(64);
    }
}
