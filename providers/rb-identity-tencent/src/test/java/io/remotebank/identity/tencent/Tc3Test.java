package io.remotebank.identity.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.identity.tencent.internal.Tc3;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * TC3-HMAC-SHA256 against Tencent Cloud's published worked example ("Signature v3" of the API 3.0
 * documentation: CVM DescribeInstances at timestamp 1551113065, with the documentation's example
 * key; the values below are the ones published there).
 */
class Tc3Test {

    private static final byte[] PAYLOAD =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}"
                    .getBytes(StandardCharsets.UTF_8);

    private static Tc3.Signed example(String secretKey) {
        return Tc3.sign(
                "cvm.tencentcloudapi.com",
                PAYLOAD,
                "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
                secretKey.toCharArray(),
                "cvm",
                Instant.ofEpochSecond(1551113065));
    }

    @Test
    void canonicalRequest_isThePublishedOne() {
        Tc3.Signed s = example("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");

        assertThat(s.canonicalRequest())
                .isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
                        + "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    }

    @Test
    void stringToSign_isThePublishedOne() {
        assertThat(example("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE").stringToSign())
                .isEqualTo("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                        + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    }

    @Test
    void signatureAndAuthorization_areThePublishedOnes() {
        Tc3.Signed s = example("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE");

        assertThat(s.signature()).isEqualTo("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
        assertThat(s.authorization())
                .isEqualTo("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request,"
                        + " SignedHeaders=content-type;host,"
                        + " Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    @Test
    void theDateOfTheScope_isTheUtcDateOfTheTimestamp() {
        // 2019-02-25T23:59:59Z is already the 26th in Beijing; the scope takes UTC.
        Tc3.Signed s = Tc3.sign(
                "faceid.tencentcloudapi.com",
                PAYLOAD,
                "id",
                "key".toCharArray(),
                "faceid",
                Instant.parse("2019-02-25T23:59:59Z"));

        assertThat(s.stringToSign()).contains("\n2019-02-25/faceid/tc3_request\n");
    }
}
