/**
 * RemoteBank SDK testing: what an application's tests of code that uses the SDK need.
 *
 * <p>{@link io.remotebank.testing.ManualTime} is a clock, a ticker and a scheduler that move only
 * when the test moves them; {@link io.remotebank.testing.InMemoryTrail} is a real audit trail in
 * memory whose events a test can read.
 */
module io.remotebank.testing {
    requires static transitive org.apiguardian.api;
    requires transitive io.remotebank.core;
    requires com.fasterxml.jackson.databind;

    exports io.remotebank.testing;
}
