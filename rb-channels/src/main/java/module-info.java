/**
 * RemoteBank SDK channels: one messaging API, contact policy, outbox and carrier clients.
 *
 * <p>No public API yet; rb-channels 1/2 and 2/2 fill this module.
 */
module io.remotebank.channels {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
}
