package io.remotebank.identity.aws.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * AWS Signature Version 4 ("Create a signed AWS API request", AWS IAM User Guide): a canonical
 * request, a string to sign over its SHA-256 with the credential scope, and an HMAC-SHA256 with a key
 * derived from the secret by date, region and service.
 */
@API(status = INTERNAL, since = "0.1")
public final class SigV4 {

    /** The algorithm's name in the string to sign and the Authorization header. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4() {}

    /** A signed request's parts, each kept so that tests can compare them with AWS's worked examples. */
    @API(status = INTERNAL, since = "0.1")
    public record Signed(
            String canonicalRequest, String stringToSign, String signature, String authorization, String amzDate) {}

    /** {@code 20130524T000000Z}. */
    public static String amzDate(Instant at) {
        return AMZ_DATE.format(at);
    }

    /**
     * Signs a request.
     *
     * @param method e.g. {@code POST}
     * @param path the URI path, already URI-encoded, e.g. {@code /}
     * @param query the canonical query string (names and values encoded, sorted), empty for none
     * @param headers the headers to sign, with their values; {@code host} and {@code x-amz-date} must
     *     be among them
     * @param payloadSha256 the hex SHA-256 of the body
     * @param accessKeyId the access key id
     * @param secretKey the secret access key
     * @param region e.g. {@code us-east-1}
     * @param service e.g. {@code rekognition}
     * @param at when, the same instant as the {@code x-amz-date} header
     * @return the parts
     */
    public static Signed sign(
            String method,
            String path,
            String query,
            Map<String, String> headers,
            String payloadSha256,
            String accessKeyId,
            char[] secretKey,
            String region,
            String service,
            Instant at) {
        // Canonical headers: lower-case names, sorted, values trimmed with inner runs of spaces folded.
        TreeMap<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) ->
                canonical.put(name.toLowerCase(Locale.ROOT), value.strip().replaceAll(" +", " ")));
        String canonicalHeaders = canonical.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue() + "\n")
                .collect(Collectors.joining());
        String signedHeaders = String.join(";", canonical.keySet());
        String canonicalRequest = method + "\n" + path + "\n" + query + "\n" + canonicalHeaders + "\n" + signedHeaders
                + "\n" + payloadSha256;
        String amzDate = amzDate(at);
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
        byte[] secret = ("AWS4" + new String(secretKey)).getBytes(StandardCharsets.UTF_8);
        byte[] key = hmac(hmac(hmac(hmac(secret, date), region), service), "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
        String authorization = ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders="
                + signedHeaders + ", Signature=" + signature;
        return new Signed(canonicalRequest, stringToSign, signature, authorization, amzDate);
    }

    /** The hex SHA-256 of text. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
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
