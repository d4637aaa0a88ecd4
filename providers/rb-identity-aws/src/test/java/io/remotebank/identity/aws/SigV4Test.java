package io.remotebank.identity.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.identity.aws.internal.SigV4;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signature Version 4 against AWS's published worked example: "Example: GET Object" of the Amazon S3
 * API Reference's "Signature Calculations for the Authorization Header: Transferring Payload in a
 * Single Chunk" (the documentation's example credentials; expected values as published there).
 */
class SigV4Test {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static SigV4.Signed getObjectExample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", EMPTY_SHA256);
        headers.put("x-amz-date", "20130524T000000Z");
        return SigV4.sign(
                "GET",
                "/test.txt",
                "",
                headers,
                EMPTY_SHA256,
                "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".toCharArray(),
                "us-east-1",
                "s3",
                Instant.parse("2013-05-24T00:00:00Z"));
    }

    @Test
    void canonicalRequest_isThePublishedOne() {
        SigV4.Signed s = getObjectExample();

        assertThat(s.canonicalRequest())
                .isEqualTo("GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                        + "x-amz-content-sha256:" + EMPTY_SHA256 + "\nx-amz-date:20130524T000000Z\n\n"
                        + "host;range;x-amz-content-sha256;x-amz-date\n" + EMPTY_SHA256);
        assertThat(SigV4.sha256Hex(s.canonicalRequest()))
                .isEqualTo("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    }

    @Test
    void stringToSign_andSignature_areThePublishedOnes() {
        SigV4.Signed s = getObjectExample();

        assertThat(s.stringToSign())
                .isEqualTo("AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                        + "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
        assertThat(s.signature()).isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(s.authorization())
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void headerValues_areTrimmedAndTheirInnerSpacesFolded() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "example.com");
        headers.put("x-amz-date", "20130524T000000Z");
        headers.put("X-Custom", "  a   b  ");

        SigV4.Signed s = SigV4.sign(
                "POST",
                "/",
                "",
                headers,
                EMPTY_SHA256,
                "AK",
                "s".toCharArray(),
                "us-east-1",
                "rekognition",
                Instant.parse("2013-05-24T00:00:00Z"));

        assertThat(s.canonicalRequest()).contains("x-custom:a b\n");
    }
}
