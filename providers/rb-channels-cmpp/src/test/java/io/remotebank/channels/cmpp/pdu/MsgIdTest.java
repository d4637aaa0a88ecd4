package io.remotebank.channels.cmpp.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import io.remotebank.core.ValidationException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CMPP 3.0 section 7.4.3.2: the Msg_Id's bit layout, month (64-61) to sequence (16-1). */
class MsgIdTest {

    @Test
    void layout_placesEachFieldInItsBits() {
        // 12 = 1100 | 7 = 00111 | 21 = 10101 | 45 = 101101 | 30 = 011110 | 1234567 (22 bits) | 0xBEEF
        MsgId id = MsgId.of(LocalDateTime.of(2026, 12, 7, 21, 45, 30), 1_234_567, 0xBEEF);

        assertThat(id.toLong()).isEqualTo(0xc3d6d792d687beefL);
        assertThat(id).hasToString("14111703508076445423");
    }

    @Test
    void fromLong_readsEachFieldBack() {
        assertThat(MsgId.fromLong(0xc3d6d792d687beefL)).isEqualTo(new MsgId(12, 7, 21, 45, 30, 1_234_567, 0xBEEF));
    }

    @Test
    void widestFields_surviveTheRoundTrip() {
        MsgId widest = new MsgId(12, 31, 23, 59, 59, MsgId.MAX_GATEWAY_ID, MsgId.MAX_SEQUENCE);

        assertThat(MsgId.fromLong(widest.toLong())).isEqualTo(widest);
        assertThat(new MsgId(1, 1, 0, 0, 0, 0, 0).toLong()).isEqualTo(0x1080_0000_0000_0000L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "month 0, 0x0080000000000000",
        "month 13, 0xd080000000000000",
        "day 0, 0x1000000000000000",
        "hour 24, 0x10e0000000000000",
        "minute 60, 0x1083c00000000000",
        "second 60, 0x10800f0000000000"
    })
    void fromLong_refusesATimeFieldOutOfRange(String what, String hex) {
        long value = Long.parseUnsignedLong(hex.substring(2), 16);

        assertThatThrownBy(() -> MsgId.fromLong(value))
                .isInstanceOfSatisfying(
                        CmppException.class, e -> assertThat(e.code()).isEqualTo(CmppError.MSG_ID_INVALID));
    }

    @Test
    void constructor_refusesAGatewayIdWiderThan22Bits() {
        assertThatThrownBy(() -> new MsgId(1, 1, 0, 0, 0, MsgId.MAX_GATEWAY_ID + 1, 0))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("gateway id");
    }
}
