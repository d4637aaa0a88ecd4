package io.remotebank.channels.cmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.remotebank.channels.MessageStatus;
import io.remotebank.channels.cmpp.pdu.CmppAuthenticator;
import io.remotebank.channels.cmpp.pdu.CmppCodec;
import io.remotebank.channels.cmpp.pdu.CmppEncoder;
import io.remotebank.channels.cmpp.pdu.CmppFrameDecoder;
import io.remotebank.channels.cmpp.pdu.CmppPdu;
import io.remotebank.channels.cmpp.pdu.CmppVersion;
import io.remotebank.channels.cmpp.pdu.Deliver;
import io.remotebank.channels.cmpp.pdu.MsgId;
import io.remotebank.channels.cmpp.pdu.ReportOutcome;
import io.remotebank.channels.cmpp.pdu.StatusReport;
import io.remotebank.channels.cmpp.pdu.Submit;
import io.remotebank.channels.cmpp.sms.LongMessage;
import io.remotebank.channels.cmpp.sms.MessageFormat;
import io.remotebank.channels.cmpp.sms.MessagePart;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code shown in docs/rb-channels-cmpp.md, compiled and run. */
class CmppGuideTest {

    @Test
    void guide_connectSubmitAndReadAReport() {
        LocalDateTime now = LocalDateTime.of(2026, 12, 7, 21, 45, 0);
        byte[] sharedSecret = "secret".getBytes(StandardCharsets.US_ASCII);

        // tag::connect[]
        CmppPdu.Connect connect = CmppAuthenticator.connect(
                1, "901234", sharedSecret, CmppVersion.V3_0, now); // now: from your injected clock, carrier time zone
        // end::connect[]

        // tag::submit[]
        String text = "尊敬的客户，您尾号8899的账户于12月7日转入人民币5,000.00元。".repeat(3);
        List<MessagePart> parts = LongMessage.split(text, MessageFormat.UCS2, 0x2A, false);
        List<Submit> submits = new ArrayList<>();
        int sequence = 2;
        for (MessagePart part : parts) {
            submits.add(Submit.builder()
                    .sequenceId(sequence++)
                    .part(part.total(), part.number())
                    .registeredDelivery(1) // ask for a status report
                    .serviceId("MBK")
                    .msgSrc("901234")
                    .feeType("01", "000000")
                    .srcId("1065712345")
                    .destTerminalIds(List.of("13800138000"), 0)
                    .tpUdhi(part.tpUdhi())
                    .msgFmt(MessageFormat.UCS2.code())
                    .msgContent(part.msgContent())
                    .build());
        }
        // end::submit[]

        // tag::pipeline[]
        EmbeddedChannel channel = new EmbeddedChannel( // in a client: the SocketChannel's pipeline
                new CmppFrameDecoder(CmppVersion.V3_0), // frames by Total_Length, refuses > 4096 bytes
                new CmppEncoder(CmppVersion.V3_0));
        // end::pipeline[]
        channel.writeOutbound(connect);
        submits.forEach(channel::writeOutbound);

        StatusReport sent = new StatusReport(
                MsgId.of(now, 1_234_567, 1).toLong(), "DELIVRD", "2612072145", "2612072146", "13800138000", 1);
        channel.writeInbound(channel.alloc()
                .buffer()
                .writeBytes(CmppCodec.of(CmppVersion.V3_0)
                        .encode(Deliver.ofReport(9, 77, "1065712345", "13800138000", sent, CmppVersion.V3_0))));
        Deliver deliver = channel.readInbound();

        // tag::report[]
        Optional<StatusReport> report = deliver.statusReport(); // empty for a customer's reply (MO)
        long correlatesWith = report.orElseThrow().msgId(); // the Msg_Id the SUBMIT_RESP gave
        ReportOutcome outcome = report.orElseThrow().outcome(); // DELIVRD, EXPIRED, ..., or a gateway's code
        Optional<MessageStatus> status = outcome.messageStatus(); // DELIVERED / FAILED / EXPIRED, empty if not final
        // end::report[]

        assertThat(submits).hasSize(parts.size()).hasSizeGreaterThan(1);
        assertThat(correlatesWith).isEqualTo(sent.msgId());
        assertThat(status).contains(MessageStatus.DELIVERED);
        assertThat(channel.outboundMessages()).hasSize(1 + submits.size());
        assertThat(channel.finishAndReleaseAll()).isTrue();
    }
}
