/**
 * RemoteBank SDK channels, WeChat provider: the callback endpoint of WeChat official accounts,
 * mini-programs and WeCom ({@code io.remotebank.channels.wechat}), the WXBizMsgCrypt message crypto
 * ({@code io.remotebank.channels.wechat.crypto}), a small JDK HTTP server that mounts the endpoint
 * ({@code io.remotebank.channels.wechat.server}), access tokens ({@code ...token}), the message-sending
 * calls ({@code ...api}) and a simulator of the WeChat and WeCom APIs ({@code ...simulator}). Its packages are its own: none is shared with {@code
 * io.remotebank.channels}.
 */
module io.remotebank.channels.wechat {
    requires transitive io.remotebank.channels;
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires java.xml;
    requires transitive java.net.http;
    requires jdk.httpserver;

    exports io.remotebank.channels.wechat;
    exports io.remotebank.channels.wechat.api;
    exports io.remotebank.channels.wechat.crypto;
    exports io.remotebank.channels.wechat.server;
    exports io.remotebank.channels.wechat.simulator;
    exports io.remotebank.channels.wechat.spi;
    exports io.remotebank.channels.wechat.token;
}
