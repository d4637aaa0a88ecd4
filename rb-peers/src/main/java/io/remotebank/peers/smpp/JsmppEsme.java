package io.remotebank.peers.smpp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * jSMPP's client ({@code SMPPSession}), scripted as an ESME: binds, submits a text a number of times
 * (split with a UDH when long), waits for the receipts and reports what arrived.
 *
 * <p>Options: {@code --port P --system-id ID --password PW [--bind TX|RX|TRX] [--source S --dest D
 * --alphabet GSM|UCS2 --text HEX --count N] [--wait-ms MS]}. Events: {@code BOUND type}, {@code
 * BIND_FAILED reason}, {@code SUBMITTED id}, {@code SUBMIT_FAILED reason}, {@code RECEIPT id stat},
 * {@code DELIVER source dest data_coding esm_class short_message}, then {@code DONE submitted receipts}
 * and the JVM ends (status 0 when every receipt came).
 */
public final class JsmppEsme {

    private JsmppEsme() {}

    /**
     * Runs the script.
     *
     * @param args see the class comment
     * @throws Exception when the script cannot run
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = Script.options(args);
        Script.onCommands(fields -> {});
        BindType type = BindType.valueOf("BIND_" + options.getOrDefault("bind", "TRX"));
        Set<String> awaited = ConcurrentHashMap.newKeySet();
        Set<String> receipts = ConcurrentHashMap.newKeySet();
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(10_000);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliver) throws ProcessRequestException {
                if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliver.getEsmClass())) {
                    try {
                        DeliveryReceipt receipt = deliver.getShortMessageAsDeliveryReceipt();
                        receipts.add(receipt.getId());
                        Script.emit("RECEIPT", receipt.getId(), receipt.getFinalStatus());
                    } catch (Exception e) {
                        Script.emit("ERROR", "receipt", e.toString().replace(' ', '_'));
                    }
                } else {
                    Script.emit(
                            "DELIVER",
                            deliver.getSourceAddr(),
                            deliver.getDestAddress(),
                            deliver.getDataCoding(),
                            deliver.getEsmClass(),
                            Script.hex(deliver.getShortMessage()));
                }
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alert) {}

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("data_sm not scripted", 3);
            }
        });
        try {
            session.connectAndBind(
                    "127.0.0.1",
                    Integer.parseInt(options.get("port")),
                    new BindParameter(
                            type,
                            options.get("system-id"),
                            options.get("password"),
                            "",
                            TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.UNKNOWN,
                            null),
                    // well inside the harness's 20 s wait: when the server closes right after a
                    // refused bind_resp, jSMPP may miss the response and wait for this timeout
                    5_000);
        } catch (Exception e) {
            Script.emit("BIND_FAILED", e.toString().replace(' ', '_'));
            Runtime.getRuntime().halt(2);
        }
        Script.emit("BOUND", options.getOrDefault("bind", "TRX"));
        int count = Integer.parseInt(options.getOrDefault("count", "0"));
        int submitted = 0;
        for (int i = 0; i < count; i++) {
            List<ShortMessages.Segment> segments =
                    ShortMessages.split(Script.text(options.get("text")), options.get("alphabet"), i & 0xFF);
            for (ShortMessages.Segment segment : segments) {
                try {
                    String id = session.submitShortMessage(
                                    "",
                                    TypeOfNumber.ALPHANUMERIC,
                                    NumberingPlanIndicator.UNKNOWN,
                                    options.get("source"),
                                    TypeOfNumber.INTERNATIONAL,
                                    NumberingPlanIndicator.ISDN,
                                    options.get("dest"),
                                    new ESMClass(segment.esmClass()),
                                    (byte) 0,
                                    (byte) 1,
                                    null,
                                    null,
                                    new RegisteredDelivery(1),
                                    (byte) 0,
                                    new RawDataCoding(segment.dataCoding()),
                                    (byte) 0,
                                    segment.shortMessage())
                            .getMessageId();
                    awaited.add(id);
                    submitted++;
                    Script.emit("SUBMITTED", id);
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
        session.unbindAndClose();
        Runtime.getRuntime().halt(receipts.containsAll(awaited) ? 0 : 1);
    }
}
