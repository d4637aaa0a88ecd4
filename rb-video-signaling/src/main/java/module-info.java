/**
 * RemoteBank SDK video signaling: SIP, SDP, WebRTC signaling and the media-server SPI.
 *
 * <p>No public API yet; SIP 1/2 and 2/2 fill this module.
 */
module io.remotebank.signaling {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
}
