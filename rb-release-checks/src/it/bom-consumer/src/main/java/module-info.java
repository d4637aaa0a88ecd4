module com.example.bank {
    requires transitive io.remotebank.core;
    requires transitive io.remotebank.channels;
    requires io.remotebank.channels.smpp;

    exports com.example.bank;
}
