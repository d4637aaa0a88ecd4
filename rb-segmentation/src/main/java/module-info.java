/**
 * RemoteBank SDK segmentation: scoring models (scorecards, regression, trees, ensembles) imported
 * from PMML 4.x and compiled to allocation-free, thread-safe evaluators.
 */
module io.remotebank.segmentation {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires java.xml;

    exports io.remotebank.segmentation;
    exports io.remotebank.segmentation.model;
    exports io.remotebank.segmentation.pmml;
}
