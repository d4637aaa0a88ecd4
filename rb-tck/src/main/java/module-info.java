/**
 * RemoteBank SDK compatibility kits: abstract JUnit tests that a vendor's SPI implementation
 * extends to prove that it behaves as the SDK expects.
 */
module io.remotebank.tck {
    requires transitive io.remotebank.core;
    requires transitive io.remotebank.routing;
    requires transitive io.remotebank.signaling;
    requires transitive io.remotebank.identity;
    requires transitive io.remotebank.channels;
    requires transitive io.remotebank.segmentation;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires transitive org.assertj.core;
    requires static transitive org.apiguardian.api;

    exports io.remotebank.tck.core;
    exports io.remotebank.tck.routing;
    exports io.remotebank.tck.channels;
    exports io.remotebank.tck.signaling;
    exports io.remotebank.tck.segmentation;

    // JUnit runs the kits' inherited test methods by reflection.
    opens io.remotebank.tck.core to
            org.junit.platform.commons;
    opens io.remotebank.tck.routing to
            org.junit.platform.commons;
    opens io.remotebank.tck.channels to
            org.junit.platform.commons;
    opens io.remotebank.tck.signaling to
            org.junit.platform.commons;
    opens io.remotebank.tck.segmentation to
            org.junit.platform.commons;
}
