/**
 * RemoteBank SDK routing: skill-based routing (ACD), workforce maths and simulation.
 *
 * <p>No public API yet; rb-routing 1/2 and 2/2 fill this module.
 */
module io.remotebank.routing {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
}
