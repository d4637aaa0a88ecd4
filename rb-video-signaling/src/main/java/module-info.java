/**
 * RemoteBank SDK video signaling: SIP messages (RFC 3261) and SDP (RFC 8866) on Netty buffers,
 * SDP offer/answer (RFC 3264) and digest authentication (RFC 7616, RFC 8760); SIP transports over
 * UDP, TCP, TLS and WebSocket (RFC 7118); WebRTC signaling (rooms, JSEP relay, trickle ICE) over
 * WebSocket.
 */
module io.remotebank.signaling {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires transitive io.netty.buffer;
    requires transitive io.netty.codec;
    requires transitive io.netty.transport;
    requires transitive io.netty.handler;
    requires io.netty.codec.http;
    requires static io.netty.transport.classes.epoll; // optional: see IoChoice
    requires org.bouncycastle.provider;
    requires io.netty.common;
    requires org.slf4j;
    requires com.github.benmanes.caffeine;
    requires com.fasterxml.jackson.databind;
    requires com.nimbusds.jose.jwt;

    exports io.remotebank.signaling;
    exports io.remotebank.signaling.sip;
    exports io.remotebank.signaling.sip.transaction;
    exports io.remotebank.signaling.sip.transport;
    exports io.remotebank.signaling.sip.dialog;
    exports io.remotebank.signaling.sip.ua;
    exports io.remotebank.signaling.sip.auth;
    exports io.remotebank.signaling.sip.auth.spi;
    exports io.remotebank.signaling.sip.registrar;
    exports io.remotebank.signaling.sip.registrar.spi;
    exports io.remotebank.signaling.sdp;
    exports io.remotebank.signaling.webrtc;
}
