/**
 * RemoteBank SDK testing: virtual time for an application's tests of code that uses the SDK.
 *
 * <p>{@link io.remotebank.testing.ManualTime} is a clock, a ticker and a scheduler that move only
 * when the test moves them.
 */
module io.remotebank.testing {
    requires static transitive org.apiguardian.api;
    requires transitive io.remotebank.core;

    exports io.remotebank.testing;
}
