package io.remotebank.identity.tencent.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * TencentCloud API 3.0's TC3-HMAC-SHA256 ("Signature v3"): a canonical request of a JSON POST to
 * {@code /} signing {@code content-type} and {@code host}, a string to sign over its SHA-256 with the
 * credential scope {@code DATE/SERVICE/tc3_request} (the UTC date of the timestamp), and an
 * HMAC-SHA256 with a key derived from {@code "TC3" + SecretKey} by date, service and {@code
 * tc3_request}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Tc3 {

    /** The algorithm's name. */
    public static final String ALGORITHM = "TC3-HMAC-SHA256";

    /** The content type every call uses, as signed. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3() {}

    /** A signed request's parts, kept so that tests can compare them with Tencent's worked example. */
    @API(status = INTERNAL, since = "0.1")
    public record Signed(String canonicalRequest, String stringToSign, String signature, String authorization) {}

    /**
     * Signs a JSON POST.
     *
     * @param host e.g. {@code faceid.tencentcloudapi.com}
     * @param payload the JSON body
     * @param secretId the SecretId
     * @param secretKey the SecretKey
     * @param service e.g. {@code faceid}
     * @param timestamp when, the {@code X-TC-Timestamp} header's value
     * @return the parts
     */
    public static Signed sign(
            String host, byte[] payload, String secretId, char[] secretKey, String service, Instant timestamp) {
        String canonicalRequest = "POST\n/\n\ncontent-type:" + CONTENT_TYPE + "\nhost:" + host
                + "\n\ncontent-type;host\n" + sha256Hex(payload);
        String date = DATE.format(timestamp);
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = ALGORITHM + "\n" + timestamp.getEpochSecond() + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] secret = ("TC3" + new String(secretKey)).getBytes(StandardCharsets.UTF_8);
        byte[] key = hmac(hmac(hmac(secret, date), service), "tc3_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        String authorization = ALGORITHM + " Credential=" + secretId + "/" + scope
                + ", SignedHeaders=content-type;host, Signature=" + signature;
        return new Signed(canonicalRequest, stringToSign, signature, authorization);
    }

    /** The hex SHA-256 of bytes. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
