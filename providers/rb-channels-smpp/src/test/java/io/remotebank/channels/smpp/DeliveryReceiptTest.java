package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.smpp.pdu.Tlv;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryReceiptTest {

    // SMPP v3.4 Appendix B gives the format; the others are variants SMSCs send.
    static Stream<Arguments> receipts() {
        return Stream.of(
                Arguments.of(
                        "id:0123456789 sub:001 dlvrd:001 submit date:2611282030 done date:2611282031 stat:DELIVRD err:000 text:Your code",
                        "0123456789",
                        DeliveryReceipt.State.DELIVERED,
                        "000"),
                Arguments.of(
                        "ID:ABC SUB:001 DLVRD:000 SUBMIT DATE:261128203015 DONE DATE:261128203116 STAT:UNDELIV ERR:012 TEXT:x",
                        "ABC",
                        DeliveryReceipt.State.UNDELIVERABLE,
                        "012"),
                Arguments.of(
                        "id:7f3a sub:1 dlvrd:0 submit_date:2611282030 done_date:2611282031 stat:EXPIRED err:ok",
                        "7f3a",
                        DeliveryReceipt.State.EXPIRED,
                        "ok"),
                Arguments.of("Id:42 Stat:rejectd Err:Blacklisted", "42", DeliveryReceipt.State.REJECTED, "Blacklisted"),
                Arguments.of("id:42 stat:DELIVERED", "42", DeliveryReceipt.State.DELIVERED, null),
                Arguments.of("id:42 stat:ACCEPTD err:0", "42", DeliveryReceipt.State.ACCEPTED, "0"),
                Arguments.of("id:42 stat:DELETED err:", "42", DeliveryReceipt.State.DELETED, null),
                Arguments.of(
                        "id:9 sub:001 dlvrd:001 submit date:2611282030 done date:2611282031 stat:DELIVRD err:000 text:id:1 stat:UNDELIV",
                        "9",
                        DeliveryReceipt.State.DELIVERED,
                        "000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receipts")
    void textFormatsSeenInTheWild_areRead(String text, String id, DeliveryReceipt.State state, String err) {
        DeliveryReceipt r = DeliveryReceipt.parse(text).orElseThrow();
        assertThat(r.messageId()).isEqualTo(id);
        assertThat(r.state()).isEqualTo(state);
        assertThat(r.error()).isEqualTo(Optional.ofNullable(err));
    }

    @Test
    void datesOf10And12Digits_areRead() {
        DeliveryReceipt r = DeliveryReceipt.parse(
                        "id:1 sub:002 dlvrd:001 submit date:2611282030 done date:261128203116 stat:DELIVRD")
                .orElseThrow();
        assertThat(r.submitDate()).contains(LocalDateTime.of(2026, 11, 28, 20, 30));
        assertThat(r.doneDate()).contains(LocalDateTime.of(2026, 11, 28, 20, 31, 16));
        assertThat(r.submitted()).contains(2);
        assertThat(r.delivered()).contains(1);
    }

    @Test
    void anImpossibleDate_isLeftOut() {
        DeliveryReceipt r = DeliveryReceipt.parse("id:1 submit date:2613452030 stat:DELIVRD")
                .orElseThrow();
        assertThat(r.submitDate()).isEmpty();
    }

    @Test
    void theTlvs_winOverTheText() {
        DeliveryReceipt r = DeliveryReceipt.parse(
                        "id:123 stat:DELIVRD",
                        List.of(
                                Tlv.ofCString(Tlv.RECEIPTED_MESSAGE_ID, "7B"),
                                Tlv.ofByte(Tlv.MESSAGE_STATE, 5),
                                new Tlv(Tlv.NETWORK_ERROR_CODE, new byte[] {3, 0, 11})))
                .orElseThrow();
        assertThat(r.messageId()).isEqualTo("7B");
        assertThat(r.state()).isEqualTo(DeliveryReceipt.State.UNDELIVERABLE);
        assertThat(r.state().status()).contains(MessageStatus.FAILED);
        assertThat(r.error()).contains("3:11");
    }

    @Test
    void tlvsAlone_makeAReceipt() {
        assertThat(DeliveryReceipt.parse(
                        "", List.of(Tlv.ofCString(Tlv.RECEIPTED_MESSAGE_ID, "X1"), Tlv.ofByte(Tlv.MESSAGE_STATE, 2))))
                .hasValueSatisfying(r -> assertThat(r.state().status()).contains(MessageStatus.DELIVERED));
    }

    @Test
    void textWithoutIdOrState_isNoReceipt() {
        assertThat(DeliveryReceipt.parse("hello there")).isEmpty();
        assertThat(DeliveryReceipt.parse("id:1 stat:SOMETHING")).isEmpty();
        assertThat(DeliveryReceipt.parse("stat:DELIVRD")).isEmpty();
        assertThat(DeliveryReceipt.parse("paid:1 stat:DELIVRD")).isEmpty();
    }

    @Test
    void everyMessageState_hasItsCode() {
        for (DeliveryReceipt.State s : DeliveryReceipt.State.values()) {
            assertThat(DeliveryReceipt.State.ofCode(s.code())).contains(s);
            assertThat(DeliveryReceipt.State.ofStat(s.stat().toLowerCase(java.util.Locale.ROOT)))
                    .contains(s);
        }
        assertThat(DeliveryReceipt.State.ofCode(9)).isEmpty();
    }
}
