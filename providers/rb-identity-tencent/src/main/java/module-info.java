/**
 * RemoteBank SDK identity, Tencent Cloud provider: a {@link io.remotebank.identity.spi.LivenessProvider}
 * on Tencent Cloud FaceID's hosted verification, over the JDK's HTTP client with TencentCloud API
 * 3.0's TC3-HMAC-SHA256 signature.
 */
module io.remotebank.identity.tencent {
    requires transitive io.remotebank.identity;
    requires transitive io.remotebank.core;
    requires static transitive org.apiguardian.api;
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;

    exports io.remotebank.identity.tencent;
}
