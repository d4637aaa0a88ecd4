/**
 * RemoteBank SDK channels: one messaging API for SMS, WeChat, mini-programs and WeCom, the contact
 * policy (consent, opt-out keywords, quiet hours, frequency caps, approved templates), a durable
 * outbox on a JDBC database, and the provider SPI. Providers are modules of their own ({@code
 * io.remotebank.channels.smpp} for SMPP), so an application takes only the transports it uses.
 *
 * <p>H2 (the embedded outbox database) and the PostgreSQL driver are not required here: the outbox
 * speaks plain {@code java.sql}, and {@link java.sql.DriverManager} finds the application's driver.
 */
module io.remotebank.channels {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires transitive java.sql;
    requires org.slf4j;

    exports io.remotebank.channels;
    exports io.remotebank.channels.outbox;
    exports io.remotebank.channels.policy;
    exports io.remotebank.channels.simulator;
    exports io.remotebank.channels.spi;
    exports io.remotebank.channels.template;

    uses io.remotebank.channels.spi.ChannelProvider;
}
