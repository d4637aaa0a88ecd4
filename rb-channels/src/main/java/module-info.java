/**
 * RemoteBank SDK channels: one messaging API for SMS, WeChat, mini-programs and WeCom, the contact
 * policy (consent, opt-out keywords, quiet hours, frequency caps, approved templates) and a durable
 * outbox on a JDBC database.
 *
 * <p>H2 (the embedded outbox database) and the PostgreSQL driver are not required here: the outbox
 * speaks plain {@code java.sql}, and {@link java.sql.DriverManager} finds the application's driver.
 */
module io.remotebank.channels {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires transitive java.sql;
    requires org.slf4j;
    requires transitive io.netty.buffer;
    requires transitive io.netty.codec;
    requires transitive io.netty.transport;
    requires transitive io.netty.handler;
    requires transitive io.netty.common;

    exports io.remotebank.channels;
    exports io.remotebank.channels.outbox;
    exports io.remotebank.channels.policy;
    exports io.remotebank.channels.simulator;
    exports io.remotebank.channels.spi;
    exports io.remotebank.channels.smpp;
    exports io.remotebank.channels.smpp.pdu;
    exports io.remotebank.channels.smpp.charset;
    exports io.remotebank.channels.template;

    uses io.remotebank.channels.spi.ChannelProvider;
}
