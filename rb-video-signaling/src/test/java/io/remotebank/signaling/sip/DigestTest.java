package io.remotebank.signaling.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestTest {

    // RFC 7616 3.9.1: the same credentials with MD5 and with SHA-256.
    @ParameterizedTest(name = "RFC 7616 3.9.1 {0}")
    @CsvSource({
        "MD5, 8ca523f5e9506fed4657c9700eebdbec",
        "SHA-256, 753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"
    })
    void rfc7616Example_responseMatches(String algorithm, String expected) {
        String response = Digest.response(
                DigestAlgorithm.fromToken(algorithm),
                "Mufasa",
                "http-auth@example.org",
                "Circle of Life",
                "GET",
                "/dir/index.html",
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                "00000001",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        assertThat(response).isEqualTo(expected);
    }

    // RFC 7616 3.9.2: SHA-512-256 with a UTF-8 user name and userhash. The RFC prints values computed
    // with SHA-512 cut to 256 bits (userhash 488869..., response ae66e6...), not with SHA-512/256 as
    // its section 3.2 and FIPS 180-4 define it (reported as an erratum). We implement SHA-512/256 and
    // check the corrected values; the second assertion shows where the RFC's printed values come from.
    @Test
    void rfc7616Sha512256Example_matchesTheCorrectedValues() throws Exception {
        DigestAlgorithm a = DigestAlgorithm.fromToken("SHA-512-256");
        String user = "J\u00e4s\u00f8n Doe";
        assertThat(Digest.userhash(a, user, "api@example.org"))
                .isEqualTo("793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b");
        assertThat(Digest.response(
                        a,
                        user,
                        "api@example.org",
                        "Secret, or not?",
                        "GET",
                        "/doe.json",
                        "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK",
                        "00000001",
                        "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v"))
                .isEqualTo("3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5");
        byte[] truncated = java.security.MessageDigest.getInstance("SHA-512")
                .digest((user + ":api@example.org").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(java.util.HexFormat.of().formatHex(truncated, 0, 32))
                .isEqualTo("488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec");
    }

    @Test
    void sessionVariant_foldsNonceAndCnonceIntoHa1() {
        String plain = Digest.ha1(DigestAlgorithm.SHA_256, "u", "r", "p", "n", "c");
        String sess = Digest.ha1(DigestAlgorithm.SHA_256_SESS, "u", "r", "p", "n", "c");
        assertThat(sess).isNotEqualTo(plain).hasSize(64);
    }

    @Test
    void matches_isCaseInsensitiveAndRejectsOthers() {
        assertThat(Digest.matches("abcdef", "ABCDEF")).isTrue();
        assertThat(Digest.matches("abcdef", "abcdee")).isFalse();
        assertThat(Digest.matches("abcdef", null)).isFalse();
    }

    @Test
    void unknownAlgorithm_orMissingInput_isRefused() {
        assertThat(DigestAlgorithm.fromToken(null)).isEqualTo(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("sha-256-SESS")).isEqualTo(DigestAlgorithm.SHA_256_SESS);
        assertThatThrownBy(() -> DigestAlgorithm.fromToken("SHA-1")).isInstanceOf(DigestException.class);
        assertThatThrownBy(() -> Digest.ha2(DigestAlgorithm.MD5, null, "sip:a@b"))
                .isInstanceOf(DigestException.class);
    }
}
