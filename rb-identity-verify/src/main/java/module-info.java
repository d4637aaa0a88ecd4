/**
 * RemoteBank SDK identity verification: documents, eKYC flows and vendor SPIs.
 *
 * <p>No public API yet; rb-identity-verify 1/2 and 2/2 fill this module.
 */
module io.remotebank.identity {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
}
