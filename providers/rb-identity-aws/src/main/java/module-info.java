/**
 * RemoteBank SDK identity, AWS provider: a {@link io.remotebank.identity.spi.LivenessProvider} on
 * AWS Rekognition Face Liveness, over the JDK's HTTP client with AWS Signature Version 4.
 */
module io.remotebank.identity.aws {
    requires transitive io.remotebank.identity;
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;

    exports io.remotebank.identity.aws;
}
