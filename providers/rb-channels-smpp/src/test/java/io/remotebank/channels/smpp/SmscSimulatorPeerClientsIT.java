package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.smpp.SmppPeer.Event;
import io.remotebank.channels.smpp.SmppPeer.Launcher;
import io.remotebank.channels.smpp.simulator.SmscSimulator;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The other direction: our {@link SmscSimulator} (in this JVM) against clients we did not write,
 * jSMPP's and cloudhopper's, each forked with rb-peers' class path. They bind with its credentials,
 * submit long messages split with their own UDH, and parse its delivery receipts with their own
 * receipt parsers; it sends them long MO messages.
 */
class SmscSimulatorPeerClientsIT {

    private static final String LONG_GSM = "Your one-time code is 493817 and it expires in 5 minutes. Never share it "
            + "with anyone: the bank will never ask for it by phone, e-mail or message. Brackets {[~]} and the euro "
            + "sign 10€ cost two septets each.";
    private static final String LONG_UCS2 =
            "您的登录验证码为493817，5分钟内有效。请勿将验证码告诉任何人，银行工作人员不会向您索取验证码。" + "如非本人操作请忽略本短信，并及时联系客服热线。";

    private SmscSimulator smsc;

    @AfterEach
    void stop() {
        if (smsc != null) {
            smsc.close();
        }
    }

    private SmscSimulator start() {
        smsc = SmscSimulator.builder()
                .credentials("rb", "secret".toCharArray())
                // Receipts at once (delay 0): with a delay, a receipt on the submitter's own channel is
                // written but not flushed until the ESME sends something again, so a client that just
                // waits for it (jSMPP here) waits for its next enquire_link.
                .receipts(true, Duration.ZERO, DeliveryReceipt.State.DELIVERED)
                .build()
                .start();
        return smsc;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"JSMPP_ESME, GSM", "JSMPP_ESME, UCS2", "CLOUDHOPPER_ESME, GSM", "CLOUDHOPPER_ESME, UCS2"})
    void aPeerClient_submitsALongMessage_andParsesOurReceipts(Launcher client, String alphabet) {
        start();
        String text = alphabet.equals("GSM") ? LONG_GSM : LONG_UCS2;
        try (SmppPeer esme = SmppPeer.start(
                client,
                "--port",
                "" + smsc.port(),
                "--system-id",
                "rb",
                "--password",
                "secret",
                "--bind",
                "TRX",
                "--source",
                "BANK",
                "--dest",
                "8613900000001",
                "--alphabet",
                alphabet,
                "--text",
                SmppPeer.field(text),
                "--count",
                "1",
                "--wait-ms",
                "15000")) {
            List<String> submitted = esme.awaitAll("SUBMITTED", e -> true, 2).stream()
                    .map(e -> e.field(0))
                    .toList();
            List<Event> receipts = esme.awaitAll("RECEIPT", e -> true, 2);
            assertThat(receipts).extracting(e -> e.field(0)).containsExactlyInAnyOrderElementsOf(submitted);
            assertThat(receipts).extracting(e -> e.field(1)).containsOnly("DELIVRD");
            assertThat(esme.exitCode()).isZero();
        }
        List<SmscSimulator.Received> parts = smsc.messages();
        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(m -> assertThat(m.esmClass() & 0x40).isEqualTo(0x40));
        assertThat(parts).extracting(SmscSimulator.Received::dataCoding).containsOnly(alphabet.equals("GSM") ? 0 : 8);
        assertThat(parts.stream().map(SmscSimulator.Received::text).collect(Collectors.joining()))
                .isEqualTo(text);
    }

    @ParameterizedTest
    @EnumSource(
            value = Launcher.class,
            names = {"JSMPP_ESME", "CLOUDHOPPER_ESME"})
    void aPeerClient_withTheWrongPassword_isRefused(Launcher client) {
        start();
        try (SmppPeer esme =
                SmppPeer.start(client, "--port", "" + smsc.port(), "--system-id", "rb", "--password", "guess")) {
            assertThat(esme.await("BIND_FAILED").field(0))
                    .containsIgnoringCase("0000000e")
                    .doesNotContain("guess");
            assertThat(esme.exitCode()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Launcher.class,
            names = {"JSMPP_ESME", "CLOUDHOPPER_ESME"})
    void aPeerReceiver_getsALongMoMessageInParts(Launcher client) {
        start();
        try (SmppPeer esme = SmppPeer.receiver(client, smsc.port(), "rb", "secret")) {
            esme.await("BOUND");
            assertThat(smsc.sendMo("8613900000002", "10690001", LONG_UCS2)).isEqualTo(1);
            List<Event> parts = esme.awaitAll("DELIVER", e -> true, 2);
            assertThat(parts).extracting(e -> e.field(0)).containsOnly("8613900000002");
            assertThat(parts).extracting(e -> e.field(1)).containsOnly("10690001");
            assertThat(parts).extracting(e -> e.field(2)).containsOnly("8");
            assertThat(parts).extracting(e -> e.field(3)).containsOnly("64");
        }
    }
}
