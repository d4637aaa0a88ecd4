package io.remotebank.channels.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.channels.smpp.SmppPeer.Event;
import io.remotebank.channels.smpp.SmppPeer.Launcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The peer harness itself, before our client meets it: each scripted server against the other
 * library's client, every JVM forked with rb-peers' class path. If these fail, an interoperability
 * failure of our client says nothing.
 */
class SmppPeersIT {

    private static final String LONG_GSM = "Your one-time code is 493817. It expires in 5 minutes. Never share it: "
            + "the bank will never ask for it. Extension characters: {[~]} ^ | \\ and the euro sign: 10€.";
    private static final String LONG_UCS2 =
            "您的登录验证码为493817，5分钟内有效。请勿将验证码告诉任何人，银行工作人员不会向您索取验证码。如非本人操作请忽略。本短信由系统自动发送，请勿回复。";

    @Test
    void jsmppClient_againstCloudhopperServer_longGsmMessage_joinedAndEveryPartReceipted() {
        try (SmppPeer smsc = SmppPeer.smsc(Launcher.CLOUDHOPPER_SMSC, "rb", "secret");
                SmppPeer esme = client(Launcher.JSMPP_ESME, smsc, "TRX", "8613800000001", "GSM", LONG_GSM)) {
            Event message = smsc.await("MESSAGE");
            assertThat(message.text(6)).isEqualTo(LONG_GSM);
            assertThat(message.field(3)).isEqualTo("0"); // data_coding: SMSC default alphabet
            assertThat(message.field(4)).isEqualTo("2"); // parts
            assertThat(message.field(5)).isEqualTo("udh8");
            List<String> ids = List.of(message.field(0).split(","));
            List<Event> receipts = esme.awaitAll("RECEIPT", e -> true, 2);
            assertThat(receipts).extracting(e -> e.field(0)).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(receipts).extracting(e -> e.field(1)).containsOnly("DELIVRD");
            assertThat(esme.exitCode()).isZero();
        }
    }

    @Test
    void cloudhopperClient_againstJsmppServer_longUcs2Message_undeliveredReceipts() {
        try (SmppPeer smsc = SmppPeer.smsc(Launcher.JSMPP_SMSC, "rb", "secret");
                SmppPeer esme = client(Launcher.CLOUDHOPPER_ESME, smsc, "TRX", "8613800000099", "UCS2", LONG_UCS2)) {
            Event message = smsc.await("MESSAGE");
            assertThat(message.text(6)).isEqualTo(LONG_UCS2);
            assertThat(message.field(3)).isEqualTo("8");
            assertThat(message.field(4)).isEqualTo("2");
            List<String> ids = List.of(message.field(0).split(","));
            List<Event> receipts = esme.awaitAll("RECEIPT", e -> true, 2);
            assertThat(receipts).extracting(e -> e.field(0)).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(receipts).extracting(e -> e.field(1)).containsOnly("UNDELIV");
            assertThat(esme.exitCode()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Launcher.class,
            names = {"CLOUDHOPPER_SMSC", "JSMPP_SMSC"})
    void server_rejectsAWrongPasswordAndAnUnknownSystemId(Launcher server) {
        try (SmppPeer smsc = SmppPeer.smsc(server, "rb", "secret")) {
            try (SmppPeer wrongPassword = SmppPeer.start(
                    Launcher.JSMPP_ESME, "--port", "" + smsc.port(), "--system-id", "rb", "--password", "guess")) {
                assertThat(wrongPassword.await("BIND_FAILED")).isNotNull();
                assertThat(wrongPassword.exitCode()).isEqualTo(2);
            }
            try (SmppPeer unknown = SmppPeer.start(
                    Launcher.CLOUDHOPPER_ESME,
                    "--port",
                    "" + smsc.port(),
                    "--system-id",
                    "who",
                    "--password",
                    "secret")) {
                assertThat(unknown.await("BIND_FAILED")).isNotNull();
            }
            assertThat(smsc.awaitAll("BIND_REJECTED", e -> true, 2))
                    .extracting(e -> e.field(0) + ":" + e.field(1))
                    .containsExactly("rb:14", "who:15"); // ESME_RINVPASWD, ESME_RINVSYSID
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Launcher.class,
            names = {"CLOUDHOPPER_SMSC", "JSMPP_SMSC"})
    void server_sendsALongMoMessage_toAReceiverBind(Launcher server) {
        Launcher clientLauncher = server == Launcher.CLOUDHOPPER_SMSC ? Launcher.JSMPP_ESME : Launcher.CLOUDHOPPER_ESME;
        try (SmppPeer smsc = SmppPeer.smsc(server, "rb", "secret");
                SmppPeer esme = SmppPeer.receiver(clientLauncher, smsc.port(), "rb", "secret")) {
            esme.await("BOUND");
            smsc.await("BOUND", e -> e.field(0).equals("RX"));
            smsc.send("MO", "rb", "8613800000001", "10690000", "UCS2", SmppPeer.field(LONG_UCS2));
            assertThat(smsc.await("MO_SENT").field(0)).isEqualTo("2");
            List<Event> parts = esme.awaitAll("DELIVER", e -> true, 2);
            assertThat(parts).extracting(e -> e.field(3)).containsOnly("64"); // esm_class: UDHI
            assertThat(parts).extracting(e -> e.field(2)).containsOnly("8"); // UCS-2
            assertThat(parts).extracting(e -> e.field(0)).containsOnly("8613800000001");
        }
    }

    private static SmppPeer client(
            Launcher launcher, SmppPeer smsc, String bind, String dest, String alphabet, String text) {
        return SmppPeer.start(
                launcher,
                "--port",
                "" + smsc.port(),
                "--system-id",
                "rb",
                "--password",
                "secret",
                "--bind",
                bind,
                "--source",
                "BANK",
                "--dest",
                dest,
                "--alphabet",
                alphabet,
                "--text",
                SmppPeer.field(text),
                "--count",
                "1",
                "--wait-ms",
                "15000");
    }
}
