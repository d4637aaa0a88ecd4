/**
 * RemoteBank SDK segmentation: scoring models (scorecards, regression, trees, ensembles) imported
 * from PMML 4.x and compiled to allocation-free, thread-safe evaluators; typed customer profiles, RFM,
 * CEL segment rules compiled to the same runtime, the conversion funnel, the growth ladder, next best
 * action and batch scoring.
 */
module io.remotebank.segmentation {
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires java.xml;

    exports io.remotebank.segmentation;
    exports io.remotebank.segmentation.model;
    exports io.remotebank.segmentation.pmml;
    exports io.remotebank.segmentation.profile;
    exports io.remotebank.segmentation.rules;
    exports io.remotebank.segmentation.rfm;
    exports io.remotebank.segmentation.batch;
    exports io.remotebank.segmentation.funnel;
    exports io.remotebank.segmentation.ladder;
    exports io.remotebank.segmentation.nba;
}
