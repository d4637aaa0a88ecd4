package io.remotebank.peers.smpp;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppClient;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.util.DeliveryReceipt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.joda.time.DateTimeZone;

/**
 * cloudhopper's client ({@code DefaultSmppClient}, Netty 3), scripted as an ESME; options and events
 * as {@link JsmppEsme}.
 */
public final class CloudhopperEsme {

    private CloudhopperEsme() {}

    /**
     * Runs the script.
     *
     * @param args see {@link JsmppEsme}
     * @throws Exception when the script cannot run
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = Script.options(args);
        Script.onCommands(fields -> {});
        String bind = options.getOrDefault("bind", "TRX");
        Set<String> awaited = ConcurrentHashMap.newKeySet();
        Set<String> receipts = ConcurrentHashMap.newKeySet();
        SmppSessionConfiguration configuration = new SmppSessionConfiguration(
                switch (bind) {
                    case "TX" -> SmppBindType.TRANSMITTER;
                    case "RX" -> SmppBindType.RECEIVER;
                    default -> SmppBindType.TRANSCEIVER;
                },
                options.get("system-id"),
                options.get("password"));
        configuration.setHost("127.0.0.1");
        configuration.setPort(Integer.parseInt(options.get("port")));
        configuration.setWindowSize(10);
        configuration.setRequestExpiryTimeout(10_000);
        configuration.setCountersEnabled(false);
        DefaultSmppClient client = new DefaultSmppClient();
        SmppSession session;
        try {
            session = client.bind(configuration, new DefaultSmppSessionHandler() {
                @Override
                @SuppressWarnings("rawtypes") // cloudhopper's own signature
                public PduResponse firePduRequestReceived(PduRequest request) {
                    if (request instanceof DeliverSm deliver) {
                        if ((deliver.getEsmClass() & SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT) != 0) {
                            try {
                                DeliveryReceipt receipt = DeliveryReceipt.parseShortMessage(
                                        new String(deliver.getShortMessage(), StandardCharsets.ISO_8859_1),
                                        DateTimeZone.UTC);
                                receipts.add(receipt.getMessageId());
                                Script.emit(
                                        "RECEIPT",
                                        receipt.getMessageId(),
                                        DeliveryReceipt.toStateText(receipt.getState()));
                            } catch (Exception e) {
                                Script.emit("ERROR", "receipt", e.toString().replace(' ', '_'));
                            }
                        } else {
                            Script.emit(
                                    "DELIVER",
                                    deliver.getSourceAddress().getAddress(),
                                    deliver.getDestAddress().getAddress(),
                                    deliver.getDataCoding(),
                                    deliver.getEsmClass(),
                                    Script.hex(deliver.getShortMessage()));
                        }
                    }
                    return request.createResponse();
                }
            });
        } catch (Exception e) {
            Script.emit("BIND_FAILED", e.toString().replace(' ', '_'));
            Runtime.getRuntime().halt(2);
            return;
        }
        Script.emit("BOUND", bind);
        int count = Integer.parseInt(options.getOrDefault("count", "0"));
        int submitted = 0;
        for (int i = 0; i < count; i++) {
            List<ShortMessages.Segment> segments =
                    ShortMessages.split(Script.text(options.get("text")), options.get("alphabet"), i & 0xFF);
            for (ShortMessages.Segment segment : segments) {
                SubmitSm submit = new SubmitSm();
                submit.setSourceAddress(new Address((byte) 5, (byte) 0, options.get("source")));
                submit.setDestAddress(new Address((byte) 1, (byte) 1, options.get("dest")));
                submit.setEsmClass(segment.esmClass());
                submit.setDataCoding(segment.dataCoding());
                submit.setRegisteredDelivery(SmppConstants.REGISTERED_DELIVERY_SMSC_RECEIPT_REQUESTED);
                try {
                    submit.setShortMessage(segment.shortMessage());
                    SubmitSmResp response = session.submit(submit, 10_000);
                    if (response.getCommandStatus() != 0) {
                        Script.emit("SUBMIT_FAILED", "status_" + response.getCommandStatus());
                        continue;
                    }
                    awaited.add(response.getMessageId());
                    submitted++;
                    Script.emit("SUBMITTED", response.getMessageId());
                } catch (Exception e) {
                    Script.emit("SUBMIT_FAILED", e.toString().replace(' ', '_'));
                }
            }
        }
        long deadline = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(options.getOrDefault("wait-ms", "10000")));
        while (System.nanoTime() < deadline && !(count > 0 && receipts.containsAll(awaited))) {
            Thread.sleep(20);
        }
        Script.emit("DONE", submitted, receipts.size());
        session.unbind(5_000);
        Runtime.getRuntime().halt(receipts.containsAll(awaited) ? 0 : 1);
    }
}
