/**
 * RemoteBank SDK video signaling: SIP messages (RFC 3261) and SDP (RFC 8866) on Netty buffers,
 * SDP offer/answer (RFC 3264) and digest authentication (RFC 7616, RFC 8760).
 */
module io.remotebank.signaling {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires transitive io.netty.buffer;
    requires transitive io.netty.codec;
    requires transitive io.netty.transport;
    requires io.netty.common;
    requires org.slf4j;

    exports io.remotebank.signaling;
    exports io.remotebank.signaling.sip;
    exports io.remotebank.signaling.sip.transaction;
    exports io.remotebank.signaling.sip.transport;
    exports io.remotebank.signaling.sip.dialog;
    exports io.remotebank.signaling.sip.ua;
    exports io.remotebank.signaling.sdp;
}
