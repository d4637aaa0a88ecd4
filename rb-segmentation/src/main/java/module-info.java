/**
 * RemoteBank SDK segmentation: scoring models, PMML import, segment rules.
 *
 * <p>No public API yet; rb-segmentation 1/2 fills this module.
 */
module io.remotebank.segmentation {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
}
