package io.remotebank.peers.smpp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;

/**
 * jSMPP's SMPP server ({@code SMPPServerSessionListener}, a thread per connection), scripted as an
 * SMSC.
 *
 * <p>Options, commands and events as {@link CloudhopperSmsc}; the differences are jSMPP's own: message
 * ids from its {@code RandomMessageIDGenerator}, and receipts in its {@code DeliveryReceipt} text
 * format.
 */
public final class JsmppSmsc {

    /** A bound session; {@code order} counts binds, so that the newest one can be told from one still closing. */
    private record Bound(SMPPServerSession session, String systemId, BindType type, long order) {}

    private final String systemId;
    private final String password;
    private final Map<String, Bound> sessions = new ConcurrentHashMap<>();
    private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
    private final AtomicInteger moReference = new AtomicInteger();
    private final AtomicLong bindCount = new AtomicLong();
    private final ShortMessages messages = new ShortMessages();
    private final ExecutorService binds = Executors.newCachedThreadPool();
    private final ScheduledExecutorService receipts = Script.daemonScheduler("receipts");

    private JsmppSmsc(String systemId, String password) {
        this.systemId = systemId;
        this.password = password;
    }

    /**
     * Starts the server and runs until standard input ends.
     *
     * @param args see {@link CloudhopperSmsc}
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = Script.options(args);
        JsmppSmsc smsc = new JsmppSmsc(options.get("system-id"), options.get("password"));
        int port = Integer.parseInt(options.getOrDefault("port", "0"));
        SMPPServerSessionListener listener = new SMPPServerSessionListener(port == 0 ? Script.freePort() : port);
        Script.onCommands(smsc::command);
        Script.emit("READY", listener.getPort());
        while (true) {
            SMPPServerSession session = listener.accept();
            smsc.binds.execute(() -> smsc.bind(session));
        }
    }

    private void bind(SMPPServerSession session) {
        session.setMessageReceiverListener(new Receiver());
        try {
            BindRequest request = session.waitForBind(5_000);
            if (!systemId.equals(request.getSystemId())) {
                Script.emit("BIND_REJECTED", request.getSystemId(), SMPPConstant.STAT_ESME_RINVSYSID);
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
                return;
            }
            if (!password.equals(request.getPassword())) {
                Script.emit("BIND_REJECTED", request.getSystemId(), SMPPConstant.STAT_ESME_RINVPASWD);
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            sessions.put(
                    session.getSessionId(),
                    new Bound(session, request.getSystemId(), request.getBindType(), bindCount.incrementAndGet()));
            session.addSessionStateListener((SessionState now, SessionState before, Session source) -> {
                if (now == SessionState.CLOSED || now == SessionState.UNBOUND) {
                    if (sessions.remove(source.getSessionId()) != null) {
                        Script.emit("UNBOUND", request.getSystemId());
                    }
                }
            });
            request.accept("jsmpp");
            Script.emit("BOUND", type(request.getBindType()), request.getSystemId());
        } catch (Exception e) {
            Script.emit("ERROR", "bind", e.toString().replace(' ', '_'));
        }
    }

    private static String type(BindType type) {
        return switch (type) {
            case BIND_TX -> "TX";
            case BIND_RX -> "RX";
            case BIND_TRX -> "TRX";
        };
    }

    private Bound receiver(String account) {
        return sessions.values().stream()
                .filter(b -> b.systemId().equals(account) && b.type().isReceivable())
                .filter(b -> b.session().getSessionState().isBound())
                // the newest: an earlier test's session may still be closing
                .max(Comparator.comparingLong(Bound::order))
                .orElseThrow(() -> new IllegalStateException("no receiver bound as " + account));
    }

    private void command(String[] fields) {
        if (!fields[0].equals("MO")) {
            throw new IllegalArgumentException("unknown command " + fields[0]);
        }
        Bound bound = receiver(fields[1]);
        List<ShortMessages.Segment> segments =
                ShortMessages.split(Script.text(fields[5]), fields[4], moReference.incrementAndGet() & 0xFF);
        for (ShortMessages.Segment segment : segments) {
            try {
                bound.session()
                        .deliverShortMessage(
                                "",
                                TypeOfNumber.INTERNATIONAL,
                                NumberingPlanIndicator.ISDN,
                                fields[2],
                                TypeOfNumber.UNKNOWN,
                                NumberingPlanIndicator.ISDN,
                                fields[3],
                                new ESMClass(segment.esmClass()),
                                (byte) 0,
                                (byte) 0,
                                new RegisteredDelivery(0),
                                new RawDataCoding(segment.dataCoding()),
                                segment.shortMessage());
                Script.emit("DELIVER_RESP", 0);
            } catch (org.jsmpp.extra.NegativeResponseException e) {
                Script.emit("DELIVER_RESP", e.getCommandStatus());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Script.emit("MO_SENT", segments.size());
    }

    private void receipt(String account, String id, String dest, Date submitted, String text) {
        boolean failed = dest.endsWith("99");
        DeliveryReceipt receipt = new DeliveryReceipt(
                id,
                1,
                failed ? 0 : 1,
                submitted,
                new Date(),
                failed ? DeliveryReceiptState.UNDELIV : DeliveryReceiptState.DELIVRD,
                failed ? "001" : "000",
                text);
        try {
            receiver(account)
                    .session()
                    .deliverShortMessage(
                            "",
                            TypeOfNumber.INTERNATIONAL,
                            NumberingPlanIndicator.ISDN,
                            dest,
                            TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.ISDN,
                            "rb",
                            new ESMClass(MessageType.SMSC_DEL_RECEIPT.value()),
                            (byte) 0,
                            (byte) 0,
                            new RegisteredDelivery(0),
                            new RawDataCoding((byte) 0),
                            receipt.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            Script.emit("RECEIPT", id, failed ? "UNDELIV" : "DELIVRD");
            Script.emit("DELIVER_RESP", 0);
        } catch (org.jsmpp.extra.NegativeResponseException e) {
            Script.emit("DELIVER_RESP", e.getCommandStatus());
        } catch (Exception e) {
            Script.emit("ERROR", "receipt", id, e.toString().replace(' ', '_'));
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session)
                throws ProcessRequestException {
            Bound bound = sessions.get(session.getSessionId());
            if (bound == null) {
                throw new ProcessRequestException("not bound", SMPPConstant.STAT_ESME_RINVBNDSTS);
            }
            MessageId messageId = ids.newMessageId();
            String id = messageId.getValue();
            byte[] body = submit.getShortMessage();
            OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            if ((body == null || body.length == 0) && payload instanceof OptionalParameter.OctetString octets) {
                body = octets.getValue();
            }
            String source = Script.token(submit.getSourceAddr());
            String dest = Script.token(submit.getDestAddress());
            Script.emit(
                    "SUBMIT",
                    id,
                    bound.systemId(),
                    source,
                    dest,
                    submit.getDataCoding(),
                    submit.getEsmClass(),
                    submit.getRegisteredDelivery(),
                    Script.hex(body));
            List<String> parts = new ArrayList<>();
            try {
                messages.join(
                                bound.systemId() + "/" + source + "/" + dest,
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
                Date submitted = new Date();
                String text = ShortMessages.receiptText(body, submit.getEsmClass(), submit.getDataCoding());
                receipts.schedule(
                        () -> receipt(bound.systemId(), id, dest, submitted, text), 20, TimeUnit.MILLISECONDS);
            }
            return new SubmitSmResult(messageId, new OptionalParameter[0]);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi not scripted", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_sm not scripted", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm not scripted", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm not scripted", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm not scripted", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm not scripted", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
                QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm not scripted", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not scripted", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
