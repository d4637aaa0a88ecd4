/**
 * RemoteBank SDK identity verification: documents, eKYC flows and vendor SPIs.
 *
 * <p>{@code io.remotebank.identity.document} validates identity documents before any vendor is
 * called: CN resident identity numbers (GB 11643), Hong Kong identity card numbers and ICAO 9303
 * machine-readable zones.
 */
module io.remotebank.identity {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.remotebank.identity;
    exports io.remotebank.identity.document;
    exports io.remotebank.identity.flow;
    exports io.remotebank.identity.policy;
    exports io.remotebank.identity.review;
    exports io.remotebank.identity.simulator;
    exports io.remotebank.identity.spi;
}
