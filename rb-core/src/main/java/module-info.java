/**
 * RemoteBank SDK core: what every other module shares.
 *
 * <p>Identifiers and shared values, the exception root and error codes, SPI discovery, PII masking,
 * CSV cells safe to open in a spreadsheet, the consent registry, crypto suites (international and
 * SM2/SM3/SM4) with key providers and envelope field encryption, and the tamper-evident audit trail.
 */
module io.remotebank.core {
    requires static transitive org.apiguardian.api;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires org.bouncycastle.provider;
    // The JDBC checkpoint witness takes the application's javax.sql.DataSource; no driver is needed here.
    requires transitive java.sql;

    exports io.remotebank.core;
    exports io.remotebank.core.audit;
    exports io.remotebank.core.consent;
    exports io.remotebank.core.crypto;
    exports io.remotebank.core.discovery;
    exports io.remotebank.core.pii;
    exports io.remotebank.core.spi;
    exports io.remotebank.core.storage;
    exports io.remotebank.core.text;
    exports io.remotebank.core.time;
    exports io.remotebank.core.tls;

    uses io.remotebank.core.spi.AuditStore;
    uses io.remotebank.core.spi.CheckpointWitness;
    uses io.remotebank.core.spi.ConsentRegistry;
    uses io.remotebank.core.spi.KeyProvider;
}
