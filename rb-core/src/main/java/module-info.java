/**
 * RemoteBank SDK core: what every other module shares.
 *
 * <p>Identifiers and shared values, the exception root, SPI discovery, crypto suites, PII masking
 * and field encryption, the tamper-evident audit trail and clocks.
 */
module io.remotebank.core {
    requires static transitive org.apiguardian.api;

    exports io.remotebank.core;
}
