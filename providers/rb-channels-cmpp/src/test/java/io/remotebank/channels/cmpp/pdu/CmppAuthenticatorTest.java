package io.remotebank.channels.cmpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * CMPP 3.0 sections 7.4.1.1 and 7.4.1.2: AuthenticatorSource and AuthenticatorISMG. The expected
 * digests were computed outside this code (Python's hashlib) over the concatenations the standard
 * names.
 */
class CmppAuthenticatorTest {

    static final byte[] SECRET = "secret".getBytes(StandardCharsets.US_ASCII);

    @Test
    void timestamp_isMonthDayHourMinuteSecondAsOneNumber() {
        assertThat(CmppAuthenticator.timestamp(LocalDateTime.of(2026, 12, 7, 21, 45, 0)))
                .isEqualTo(1207214500L);
    }

    @Test
    void authenticatorSource_isMd5OfSourceNineZerosSecretAndTimestamp() {
        assertThat(HexFormat.of().formatHex(CmppAuthenticator.source("901234", SECRET, 1207214500L)))
                .isEqualTo("959ef7c5a99ee7afd4b76cfeed3beb21");
    }

    @Test
    void authenticatorSource_writesAJanuaryTimestampWithItsLeadingZero() {
        // 0107090503: "107090503" without the zero would give another digest.
        assertThat(HexFormat.of().formatHex(CmppAuthenticator.source("901234", SECRET, 107090503L)))
                .isEqualTo("3d1b8e9f3b4efcda6657156cd2bf864c");
    }

    @Test
    void authenticatorIsmg_hashesTheStatusInItsWireWidth() {
        byte[] source = HexFormat.of().parseHex("959ef7c5a99ee7afd4b76cfeed3beb21");

        assertThat(HexFormat.of().formatHex(CmppAuthenticator.ismg(0, source, SECRET, CmppVersion.V3_0)))
                .isEqualTo("c508e177a43525954bdb69609831624d");
        assertThat(HexFormat.of().formatHex(CmppAuthenticator.ismg(0, source, SECRET, CmppVersion.V2_0)))
                .isEqualTo("85079ae711e1697fcffa3c4d1679a3f9");
    }

    @Test
    void connect_carriesTheAuthenticatorTheIsmgCanVerify() {
        CmppPdu.Connect connect = CmppAuthenticator.connect(
                1, "901234", SECRET, CmppVersion.V3_0, LocalDateTime.of(2026, 12, 7, 21, 45, 0));

        assertThat(connect.version()).isEqualTo(0x30);
        assertThat(connect.timestamp()).isEqualTo(1207214500L);
        assertThat(CmppAuthenticator.verify(connect, SECRET)).isTrue();
        assertThat(CmppAuthenticator.verify(connect, "Secret".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
    }

    @Test
    void connectResp_isVerifiedAgainstTheSecretAndTheSourceAuthenticator() {
        byte[] source = CmppAuthenticator.source("901234", SECRET, 1207214500L);
        CmppPdu.ConnectResp resp =
                new CmppPdu.ConnectResp(1, 0, CmppAuthenticator.ismg(0, source, SECRET, CmppVersion.V3_0), 0x30);

        assertThat(CmppAuthenticator.verify(resp, source, SECRET, CmppVersion.V3_0))
                .isTrue();
        assertThat(CmppAuthenticator.verify(
                        resp, source, "other".getBytes(StandardCharsets.US_ASCII), CmppVersion.V3_0))
                .isFalse();
    }

    @Test
    void toString_showsNoAuthenticator() {
        CmppPdu.Connect connect = CmppAuthenticator.connect(
                1, "901234", SECRET, CmppVersion.V3_0, LocalDateTime.of(2026, 12, 7, 21, 45, 0));

        assertThat(connect.toString()).contains("****").doesNotContain("959ef7c5", "-106");
    }
}
