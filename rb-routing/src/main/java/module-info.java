/**
 * RemoteBank SDK routing: skill-based routing (ACD) with escalation steps, offers, callbacks,
 * supervisor overrides and real-time statistics.
 *
 * <p>Micrometer is optional ({@code requires static}): only {@code io.remotebank.routing.metrics} uses
 * it, and micrometer-core is an automatic module, hence the suppressed lint. It is not transitive:
 * applications that use the binder require micrometer themselves.
 */
@SuppressWarnings("requires-automatic")
module io.remotebank.routing {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires org.slf4j;
    requires static micrometer.core;

    exports io.remotebank.routing;
    exports io.remotebank.routing.spi;
    exports io.remotebank.routing.metrics;
}
