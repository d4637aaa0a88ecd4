/**
 * The {@code rb} command-line tool and the runnable demos that show how a bank wires the
 * RemoteBank SDK modules into one remote bank.
 */
module io.remotebank.examples {
    requires io.remotebank.core;
    requires io.remotebank.routing;
    requires io.remotebank.signaling;
    requires io.remotebank.identity;
    requires io.remotebank.identity.tesseract;
    requires io.remotebank.channels;
    requires io.remotebank.channels.smpp;
    requires io.remotebank.channels.wechat;
    requires io.remotebank.segmentation;
    requires io.remotebank.testing;
    requires transitive info.picocli;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.slf4j;
    requires static transitive org.apiguardian.api;

    exports io.remotebank.examples;
    exports io.remotebank.examples.audit;
    exports io.remotebank.examples.cli;
    exports io.remotebank.examples.demo;
    exports io.remotebank.examples.identity;
    exports io.remotebank.examples.routing;
    exports io.remotebank.examples.segmentation;
    exports io.remotebank.examples.sip;
    exports io.remotebank.examples.smpp;
    exports io.remotebank.examples.wechat;

    // picocli reads and writes the annotated fields of commands by reflection.
    opens io.remotebank.examples to
            info.picocli;
    opens io.remotebank.examples.audit to
            info.picocli;
    opens io.remotebank.examples.cli to
            info.picocli;
    opens io.remotebank.examples.demo to
            info.picocli;
    opens io.remotebank.examples.identity to
            info.picocli;
    opens io.remotebank.examples.routing to
            info.picocli;
    opens io.remotebank.examples.segmentation to
            info.picocli;
    opens io.remotebank.examples.sip to
            info.picocli;
    opens io.remotebank.examples.smpp to
            info.picocli;
    opens io.remotebank.examples.wechat to
            info.picocli;
}
