/**
 * RemoteBank SDK channels, CMPP provider: China Mobile's CMPP 2.0 and 3.0 (QB-GF-028-2003) for
 * rb-channels. Today it holds the protocol layer only: every SP-to-ISMG PDU as a typed record with
 * its byte codec and a length-limited Netty frame decoder ({@code io.remotebank.channels.cmpp.pdu}),
 * and the short-message layer of long messages and text formats ({@code
 * io.remotebank.channels.cmpp.sms}). The client that makes it a {@link
 * io.remotebank.channels.spi.ChannelProvider} follows with the shared carrier client engine.
 */
module io.remotebank.channels.cmpp {
    requires transitive io.remotebank.channels;
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires transitive io.netty.buffer;
    requires transitive io.netty.codec;
    requires transitive io.netty.transport;
    requires io.netty.common;

    exports io.remotebank.channels.cmpp;
    exports io.remotebank.channels.cmpp.pdu;
    exports io.remotebank.channels.cmpp.sms;
}
