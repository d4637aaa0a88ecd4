/**
 * RemoteBank SDK channels, SMPP provider: an SMPP 3.4 client on Netty as an rb-channels {@link
 * io.remotebank.channels.spi.ChannelProvider} ({@code io.remotebank.channels.smpp}), its PDU codec
 * and SMS alphabets, and an SMSC simulator for tests and demos ({@code
 * io.remotebank.channels.smpp.simulator}). Its packages are its own: none is shared with {@code
 * io.remotebank.channels}, so both sit on the module path together.
 */
module io.remotebank.channels.smpp {
    requires transitive io.remotebank.channels;
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires org.slf4j;
    requires transitive io.netty.buffer;
    requires transitive io.netty.codec;
    requires transitive io.netty.transport;
    requires transitive io.netty.handler;
    requires transitive io.netty.common;

    exports io.remotebank.channels.smpp;
    exports io.remotebank.channels.smpp.pdu;
    exports io.remotebank.channels.smpp.charset;
    exports io.remotebank.channels.smpp.simulator;
}
