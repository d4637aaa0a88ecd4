package io.remotebank.channels.cmpp.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user data header's concatenation element, 3GPP TS 23.040 section 9.2.3.24. */
class ConcatenationHeaderTest {

    @Test
    void concatenationElement_isFoundAfterAnotherElement() {
        // UDHL 9: a port element (IEI 0x04, 2 bytes) then the 8-bit concatenation element.
        byte[] content = HexFormat.of().parseHex("09 0402 0b84 00 03 2a 03 02 4f60".replace(" ", ""));

        assertThat(ConcatenationHeader.find(content)).contains(new ConcatenationHeader(0x2A, 3, 2, false));
    }

    @Test
    void headerWithoutConcatenation_findsNone() {
        assertThat(ConcatenationHeader.find(HexFormat.of().parseHex("0404020b844f60")))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "empty content with TP_udhi 1, ''",
        "UDHL past the content, 0500032a02",
        "element past the header, 0300052a0201",
        "8-bit element of length 4, 0600042a020100",
        "part 0, 0500032a0200",
        "part above total, 0500032a0203",
        "zero parts, 0500032a0000",
        "element cut by the header's end, 0100"
    })
    void malformedHeader_isRefusedWithUdhInvalid(String what, String hex) {
        byte[] content = HexFormat.of().parseHex(hex);

        assertThatThrownBy(() -> ConcatenationHeader.find(content))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.UDH_INVALID));
    }
}
