module com.example.bank {
    requires transitive io.remotebank.core;

    exports com.example.bank;
}
