package io.remotebank.peers.smpp;

import com.cloudhopper.smpp.SmppBindType;
import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.SmppServerConfiguration;
import com.cloudhopper.smpp.SmppServerHandler;
import com.cloudhopper.smpp.SmppServerSession;
import com.cloudhopper.smpp.SmppSessionConfiguration;
import com.cloudhopper.smpp.impl.DefaultSmppServer;
import com.cloudhopper.smpp.impl.DefaultSmppSessionHandler;
import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.PduRequest;
import com.cloudhopper.smpp.pdu.PduResponse;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.pdu.SubmitSmResp;
import com.cloudhopper.smpp.pdu.Unbind;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.type.Address;
import com.cloudhopper.smpp.type.SmppProcessingException;
import com.cloudhopper.smpp.util.DeliveryReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.joda.time.DateTime;

/**
 * cloudhopper's SMPP server ({@code DefaultSmppServer}, Netty 3), scripted as an SMSC.
 *
 * <p>Options: {@code --system-id ID --password PW [--port P]}. It accepts binds of that account only
 * (ESME_RINVSYSID, ESME_RINVPASWD otherwise), gives each submit_sm a decimal message id, joins long
 * messages (UDH with 8- or 16-bit reference, or message_payload), and when asked (registered_delivery)
 * sends a delivery receipt in cloudhopper's own text format ({@code DeliveryReceipt.toShortMessage})
 * to a receiver or transceiver bind of the same account: {@code DELIVRD}, or {@code UNDELIV} with
 * error 1 for a destination ending in 99. Commands: {@code MO SYSTEM_ID SOURCE DEST GSM|UCS2 TEXT}.
 *
 * <p>Events: {@code READY port}, {@code BOUND type system_id}, {@code BIND_REJECTED system_id status},
 * {@code SUBMIT id system_id source dest data_coding esm_class registered_delivery short_message},
 * {@code MESSAGE ids source dest data_coding parts reference text}, {@code RECEIPT id state},
 * {@code MO_SENT parts}, {@code DELIVER_RESP command_status} (of each deliver_sm), {@code UNBOUND system_id}.
 */
public final class CloudhopperSmsc {

    private final String systemId;
    private final String password;
    private final Map<Long, SmppServerSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(4_000_000_000L);
    private final AtomicInteger moReference = new AtomicInteger();
    private final ShortMessages messages = new ShortMessages();
    private final ScheduledExecutorService receipts = Script.daemonScheduler("receipts");

    private CloudhopperSmsc(String systemId, String password) {
        this.systemId = systemId;
        this.password = password;
    }

    /**
     * Starts the server and runs until standard input ends.
     *
     * @param args see the class comment
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = Script.options(args);
        CloudhopperSmsc smsc = new CloudhopperSmsc(options.get("system-id"), options.get("password"));
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        SmppServerConfiguration configuration = new SmppServerConfiguration();
        configuration.setHost("127.0.0.1");
        configuration.setPort(port == 0 ? Script.freePort() : port);
        configuration.setName("cloudhopper-smsc");
        configuration.setSystemId("cloudhopper");
        configuration.setMaxConnectionSize(50);
        configuration.setDefaultWindowSize(100);
        configuration.setNonBlockingSocketsEnabled(true);
        configuration.setJmxEnabled(false);
        DefaultSmppServer server =
                new DefaultSmppServer(configuration, smsc.new Binds(), Executors.newCachedThreadPool());
        server.start();
        Script.onCommands(smsc::command);
        Script.emit("READY", configuration.getPort());
        Thread.currentThread().join();
    }

    private void command(String[] fields) {
        if (!fields[0].equals("MO")) {
            throw new IllegalArgumentException("unknown command " + fields[0]);
        }
        SmppServerSession session = receiver(fields[1]);
        List<ShortMessages.Segment> segments =
                ShortMessages.split(Script.text(fields[5]), fields[4], moReference.incrementAndGet() & 0xFF);
        for (ShortMessages.Segment segment : segments) {
            DeliverSm deliver = new DeliverSm();
            deliver.setSourceAddress(new Address((byte) 1, (byte) 1, fields[2]));
            deliver.setDestAddress(new Address((byte) 0, (byte) 1, fields[3]));
            deliver.setEsmClass(segment.esmClass());
            deliver.setDataCoding(segment.dataCoding());
            try {
                deliver.setShortMessage(segment.shortMessage());
                session.sendRequestPdu(deliver, 10_000, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Script.emit("MO_SENT", segments.size());
    }

    private SmppServerSession receiver(String account) {
        // the newest (ids grow with each bind): an earlier test's session may still be closing
        return sessions.entrySet().stream()
                .filter(e -> e.getValue().getConfiguration().getSystemId().equals(account))
                .filter(e -> e.getValue().getBindType() != SmppBindType.TRANSMITTER)
                .filter(e -> e.getValue().isBound())
                .max(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException("no receiver bound as " + account));
    }

    private final class Binds implements SmppServerHandler {
        @Override
        @SuppressWarnings("rawtypes") // cloudhopper's own signature
        public void sessionBindRequested(Long id, SmppSessionConfiguration configuration, BaseBind bind)
                throws SmppProcessingException {
            if (!systemId.equals(bind.getSystemId())) {
                Script.emit("BIND_REJECTED", bind.getSystemId(), SmppConstants.STATUS_INVSYSID);
                throw new SmppProcessingException(SmppConstants.STATUS_INVSYSID);
            }
            if (!password.equals(bind.getPassword())) {
                Script.emit("BIND_REJECTED", bind.getSystemId(), SmppConstants.STATUS_INVPASWD);
                throw new SmppProcessingException(SmppConstants.STATUS_INVPASWD);
            }
        }

        @Override
        public void sessionCreated(Long id, SmppServerSession session, BaseBindResp response) {
            sessions.put(id, session);
            session.serverReady(new Session(session));
            Script.emit(
                    "BOUND",
                    type(session.getBindType()),
                    session.getConfiguration().getSystemId());
        }

        @Override
        public void sessionDestroyed(Long id, SmppServerSession session) {
            sessions.remove(id);
            Script.emit("UNBOUND", session.getConfiguration().getSystemId());
            session.destroy();
        }
    }

    private static String type(SmppBindType type) {
        return switch (type) {
            case TRANSMITTER -> "TX";
            case RECEIVER -> "RX";
            case TRANSCEIVER -> "TRX";
        };
    }

    private final class Session extends DefaultSmppSessionHandler {
        private final SmppServerSession session;

        Session(SmppServerSession session) {
            this.session = session;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public PduResponse firePduRequestReceived(PduRequest request) {
            if (request instanceof SubmitSm submit) {
                return submitted(submit);
            }
            if (request instanceof Unbind) {
                Script.emit("UNBIND", session.getConfiguration().getSystemId());
            }
            return request.createResponse();
        }

        @Override
        public void fireExpectedPduResponseReceived(com.cloudhopper.smpp.PduAsyncResponse response) {
            Script.emit("DELIVER_RESP", response.getResponse().getCommandStatus());
        }

        private PduResponse submitted(SubmitSm submit) {
            String id = Long.toString(ids.incrementAndGet());
            String account = session.getConfiguration().getSystemId();
            byte[] body = submit.getShortMessage();
            Tlv payload = submit.getOptionalParameter(SmppConstants.TAG_MESSAGE_PAYLOAD);
            if ((body == null || body.length == 0) && payload != null) {
                body = payload.getValue();
            }
            String source = Script.token(submit.getSourceAddress().getAddress());
            String dest = Script.token(submit.getDestAddress().getAddress());
            Script.emit(
                    "SUBMIT",
                    id,
                    account,
                    source,
                    dest,
                    submit.getDataCoding(),
                    submit.getEsmClass(),
                    submit.getRegisteredDelivery(),
                    Script.hex(body));
            List<String> parts = new ArrayList<>();
            try {
                messages.join(
                                account + "/" + source + "/" + dest,
                                submit.getEsmClass(),
                                submit.getDataCoding(),
                                body,
                                id,
                                parts)
                        .ifPresent(joined -> Script.emit(
                                "MESSAGE",
                                String.join(",", parts),
                                source,
                                dest,
                                submit.getDataCoding(),
                                joined.parts(),
                                joined.reference(),
                                Script.field(joined.text())));
            } catch (RuntimeException e) {
                Script.emit("ERROR", "join", e.toString().replace(' ', '_'));
            }
            if ((submit.getRegisteredDelivery() & 0x03) != 0) {
                DateTime submitted = DateTime.now();
                String text = ShortMessages.receiptText(body, submit.getEsmClass(), submit.getDataCoding());
                receipts.schedule(() -> receipt(account, id, dest, submitted, text), 20, TimeUnit.MILLISECONDS);
            }
            SubmitSmResp response = submit.createResponse();
            response.setMessageId(id);
            return response;
        }
    }

    private void receipt(String account, String id, String dest, DateTime submitted, String text) {
        boolean failed = dest.endsWith("99");
        byte state = failed ? SmppConstants.STATE_UNDELIVERABLE : SmppConstants.STATE_DELIVERED;
        DeliveryReceipt receipt =
                new DeliveryReceipt(id, 1, failed ? 0 : 1, submitted, DateTime.now(), state, failed ? 1 : 0, text);
        DeliverSm deliver = new DeliverSm();
        deliver.setSourceAddress(new Address((byte) 1, (byte) 1, dest));
        deliver.setDestAddress(new Address((byte) 0, (byte) 1, "rb"));
        deliver.setEsmClass(SmppConstants.ESM_CLASS_MT_SMSC_DELIVERY_RECEIPT);
        try {
            deliver.setShortMessage(receipt.toShortMessage().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            receiver(account).sendRequestPdu(deliver, 10_000, false);
            Script.emit("RECEIPT", id, DeliveryReceipt.toStateText(state));
        } catch (Exception e) {
            Script.emit("ERROR", "receipt", id, e.toString().replace(' ', '_'));
        }
    }
}
