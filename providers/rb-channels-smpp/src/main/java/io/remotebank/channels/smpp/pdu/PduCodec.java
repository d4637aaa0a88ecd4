package io.remotebank.channels.smpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Turns SMPP 3.4 PDUs into bytes and back (SMPP v3.4 sections 3.2 and 4), with the field limits of
 * the specification enforced on both sides. Stateless and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PduCodec {

    /** The header's length: command_length, command_id, command_status, sequence_number (3.2). */
    public static final int HEADER_LENGTH = 16;

    private static final List<Tlv> NO_TLVS = List.of();

    private PduCodec() {}

    // ---------------------------------------------------------------- decoding

    /**
     * Decodes one whole PDU: the buffer's readable bytes are exactly one command_length long. The
     * buffer's reader index moves to its end even when decoding fails.
     *
     * @param frame the PDU's octets
     * @return the PDU
     * @throws PduException with the command status to answer
     */
    public static Pdu decode(ByteBuf frame) {
        int start = frame.readerIndex();
        int end = frame.writerIndex();
        try {
            return decode(frame, start, end);
        } finally {
            frame.readerIndex(end);
        }
    }

    private static Pdu decode(ByteBuf b, int start, int end) {
        int available = end - start;
        if (available < HEADER_LENGTH) {
            throw new PduException(
                    CommandStatus.ESME_RINVCMDLEN, 0, 0, true, "a PDU is at least 16 octets, got " + available);
        }
        int length = b.getInt(start);
        int code = b.getInt(start + 4);
        int status = b.getInt(start + 8);
        int seq = b.getInt(start + 12);
        if (length != available) {
            throw new PduException(
                    CommandStatus.ESME_RINVCMDLEN,
                    code,
                    seq,
                    true,
                    "command_length " + length + " but the PDU has " + available + " octets");
        }
        CommandId id = CommandId.of(code)
                .orElseThrow(() -> new PduException(
                        CommandStatus.ESME_RINVCMDID,
                        code,
                        seq,
                        false,
                        String.format(Locale.ROOT, "unknown command_id 0x%08X", code)));
        Reader r = new Reader(b, start + HEADER_LENGTH, end, code, seq);
        if (id.isResponse() && status != 0 && r.remaining() == 0) {
            // 4.x: the body of a response is not returned when command_status is not zero.
            return emptyResponse(id, status, seq);
        }
        Pdu pdu = switch (id) {
            case BIND_TRANSMITTER, BIND_RECEIVER, BIND_TRANSCEIVER ->
                new Pdu.Bind(
                        id,
                        seq,
                        r.cstr(16, CommandStatus.ESME_RINVSYSID, "system_id"),
                        r.cstr(9, CommandStatus.ESME_RINVPASWD, "password"),
                        r.cstr(13, CommandStatus.ESME_RINVSYSTYP, "system_type"),
                        r.u8(),
                        r.address(41, CommandStatus.ESME_RBINDFAIL, "address_range"));
            case BIND_TRANSMITTER_RESP, BIND_RECEIVER_RESP, BIND_TRANSCEIVER_RESP ->
                new Pdu.BindResp(id, status, seq, r.cstr(16, CommandStatus.ESME_RINVSYSID, "system_id"), r.tlvs());
            case OUTBIND ->
                new Pdu.Outbind(
                        seq,
                        r.cstr(16, CommandStatus.ESME_RINVSYSID, "system_id"),
                        r.cstr(9, CommandStatus.ESME_RINVPASWD, "password"));
            case UNBIND, UNBIND_RESP, ENQUIRE_LINK, ENQUIRE_LINK_RESP, GENERIC_NACK, CANCEL_SM_RESP, REPLACE_SM_RESP ->
                new Pdu.HeaderOnly(id, status, seq);
            case SUBMIT_SM, DELIVER_SM ->
                new Pdu.ShortMessage(
                        id,
                        seq,
                        r.cstr(6, CommandStatus.ESME_RINVSERTYP, "service_type"),
                        r.address(21, CommandStatus.ESME_RINVSRCADR, "source_addr"),
                        r.address(21, CommandStatus.ESME_RINVDSTADR, "destination_addr"),
                        r.u8(),
                        r.u8(),
                        r.u8(),
                        r.time(CommandStatus.ESME_RINVSCHED, "schedule_delivery_time"),
                        r.time(CommandStatus.ESME_RINVEXPIRY, "validity_period"),
                        r.u8(),
                        r.u8(),
                        r.u8(),
                        r.u8(),
                        r.shortMessage(),
                        r.tlvs());
            case SUBMIT_SM_RESP, DELIVER_SM_RESP, DATA_SM_RESP ->
                new Pdu.MessageIdResp(
                        id, status, seq, r.cstr(65, CommandStatus.ESME_RINVMSGID, "message_id"), r.tlvs());
            case SUBMIT_MULTI -> submitMulti(r, seq);
            case SUBMIT_MULTI_RESP -> submitMultiResp(r, status, seq);
            case DATA_SM ->
                new Pdu.DataSm(
                        seq,
                        r.cstr(6, CommandStatus.ESME_RINVSERTYP, "service_type"),
                        r.address(65, CommandStatus.ESME_RINVSRCADR, "source_addr"),
                        r.address(65, CommandStatus.ESME_RINVDSTADR, "destination_addr"),
                        r.u8(),
                        r.u8(),
                        r.u8(),
                        r.tlvs());
            case QUERY_SM ->
                new Pdu.QuerySm(
                        seq,
                        r.cstr(65, CommandStatus.ESME_RINVMSGID, "message_id"),
                        r.address(21, CommandStatus.ESME_RINVSRCADR, "source_addr"));
            case QUERY_SM_RESP ->
                new Pdu.QuerySmResp(
                        status,
                        seq,
                        r.cstr(65, CommandStatus.ESME_RINVMSGID, "message_id"),
                        r.time(CommandStatus.ESME_RQUERYFAIL, "final_date"),
                        r.u8(),
                        r.u8());
            case CANCEL_SM ->
                new Pdu.CancelSm(
                        seq,
                        r.cstr(6, CommandStatus.ESME_RINVSERTYP, "service_type"),
                        r.cstr(65, CommandStatus.ESME_RINVMSGID, "message_id"),
                        r.address(21, CommandStatus.ESME_RINVSRCADR, "source_addr"),
                        r.address(21, CommandStatus.ESME_RINVDSTADR, "destination_addr"));
            case REPLACE_SM ->
                new Pdu.ReplaceSm(
                        seq,
                        r.cstr(65, CommandStatus.ESME_RINVMSGID, "message_id"),
                        r.address(21, CommandStatus.ESME_RINVSRCADR, "source_addr"),
                        r.time(CommandStatus.ESME_RINVSCHED, "schedule_delivery_time"),
                        r.time(CommandStatus.ESME_RINVEXPIRY, "validity_period"),
                        r.u8(),
                        r.u8(),
                        r.shortMessage());
            case ALERT_NOTIFICATION ->
                new Pdu.AlertNotification(
                        seq,
                        r.address(65, CommandStatus.ESME_RINVSRCADR, "source_addr"),
                        r.address(65, CommandStatus.ESME_RINVDSTADR, "esme_addr"),
                        r.tlvs());
        };
        if (r.remaining() != 0) {
            throw r.fail(CommandStatus.ESME_RINVCMDLEN, r.remaining() + " octets after the last field of " + id);
        }
        return pdu;
    }

    private static Pdu emptyResponse(CommandId id, int status, int seq) {
        return switch (id) {
            case BIND_RECEIVER_RESP, BIND_TRANSMITTER_RESP, BIND_TRANSCEIVER_RESP ->
                new Pdu.BindResp(id, status, seq, "", NO_TLVS);
            case SUBMIT_SM_RESP, DELIVER_SM_RESP, DATA_SM_RESP -> new Pdu.MessageIdResp(id, status, seq, "", NO_TLVS);
            case SUBMIT_MULTI_RESP -> new Pdu.SubmitMultiResp(status, seq, "", List.of());
            case QUERY_SM_RESP -> new Pdu.QuerySmResp(status, seq, "", "", 0, 0);
            default -> new Pdu.HeaderOnly(id, status, seq);
        };
    }

    private static Pdu submitMulti(Reader r, int seq) {
        String serviceType = r.cstr(6, CommandStatus.ESME_RINVSERTYP, "service_type");
        SmeAddress source = r.address(21, CommandStatus.ESME_RINVSRCADR, "source_addr");
        int count = r.u8();
        if (count < 1 || count > 254) {
            throw r.fail(CommandStatus.ESME_RINVNUMDESTS, "number_of_dests " + count + " is not 1-254");
        }
        List<Pdu.Destination> dests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int flag = r.u8();
            if (flag == 1) {
                dests.add(new Pdu.Destination.Sme(r.address(21, CommandStatus.ESME_RINVDSTADR, "destination_addr")));
            } else if (flag == 2) {
                dests.add(new Pdu.Destination.DistributionList(r.cstr(21, CommandStatus.ESME_RINVDLNAME, "dl_name")));
            } else {
                throw r.fail(CommandStatus.ESME_RINVDESTFLAG, "dest_flag " + flag + " is neither 1 nor 2");
            }
        }
        return new Pdu.SubmitMulti(
                seq,
                serviceType,
                source,
                dests,
                r.u8(),
                r.u8(),
                r.u8(),
                r.time(CommandStatus.ESME_RINVSCHED, "schedule_delivery_time"),
                r.time(CommandStatus.ESME_RINVEXPIRY, "validity_period"),
                r.u8(),
                r.u8(),
                r.u8(),
                r.u8(),
                r.shortMessage(),
                r.tlvs());
    }

    private static Pdu submitMultiResp(Reader r, int status, int seq) {
        String messageId = r.cstr(65, CommandStatus.ESME_RINVMSGID, "message_id");
        int count = r.u8();
        List<Pdu.UnsuccessfulSme> failed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SmeAddress address = r.address(21, CommandStatus.ESME_RINVDSTADR, "destination_addr");
            failed.add(new Pdu.UnsuccessfulSme(address, r.i32()));
        }
        return new Pdu.SubmitMultiResp(status, seq, messageId, failed);
    }

    /** Reads the fields of one PDU body, failing with the status the field calls for. */
    private static final class Reader {
        private final ByteBuf b;
        private final int end;
        private final int code;
        private final int seq;
        private int pos;

        Reader(ByteBuf b, int pos, int end, int code, int seq) {
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.code = code;
            this.seq = seq;
        }

        int remaining() {
            return end - pos;
        }

        PduException fail(CommandStatus status, String message) {
            return new PduException(status, code, seq, false, message);
        }

        private void need(int n, String field) {
            if (end - pos < n) {
                throw fail(CommandStatus.ESME_RINVCMDLEN, "the PDU ends inside " + field);
            }
        }

        int u8() {
            need(1, "an integer field");
            return b.getUnsignedByte(pos++);
        }

        int i32() {
            need(4, "an integer field");
            int v = b.getInt(pos);
            pos += 4;
            return v;
        }

        /** A C-octet string of at most {@code max} octets, its NUL included (3.1). */
        String cstr(int max, CommandStatus status, String field) {
            int limit = Math.min(end, pos + max);
            int nul = b.indexOf(pos, limit, (byte) 0);
            if (nul < 0) {
                if (limit == end && end - pos < max) {
                    throw fail(CommandStatus.ESME_RINVCMDLEN, "the PDU ends inside " + field);
                }
                throw fail(status, field + " is longer than " + (max - 1) + " characters");
            }
            String s = nul == pos ? "" : b.toString(pos, nul - pos, StandardCharsets.ISO_8859_1);
            pos = nul + 1;
            return s;
        }

        SmeAddress address(int max, CommandStatus status, String field) {
            int ton = u8();
            int npi = u8();
            return new SmeAddress(ton, npi, cstr(max, status, field));
        }

        /** An absolute or relative time: empty or 16 characters YYMMDDhhmmsstnnp (7.1.1). */
        String time(CommandStatus status, String field) {
            String t = cstr(17, status, field);
            if (!t.isEmpty() && !isTime(t)) {
                throw fail(status, field + " is neither empty nor in the format YYMMDDhhmmsstnnp");
            }
            return t;
        }

        byte[] shortMessage() {
            int length = u8();
            if (length > 254) {
                throw fail(CommandStatus.ESME_RINVMSGLEN, "sm_length " + length + " is more than 254");
            }
            if (end - pos < length) {
                throw fail(CommandStatus.ESME_RINVMSGLEN, "sm_length " + length + " runs past the PDU");
            }
            byte[] sm = new byte[length];
            b.getBytes(pos, sm);
            pos += length;
            return sm;
        }

        /** Optional parameters to the end of the PDU (5.3); unknown tags are kept. */
        List<Tlv> tlvs() {
            if (pos == end) {
                return NO_TLVS;
            }
            List<Tlv> tlvs = new ArrayList<>(2);
            while (pos < end) {
                if (end - pos < 4) {
                    throw fail(CommandStatus.ESME_RINVOPTPARSTREAM, "a TLV header is cut short");
                }
                int tag = b.getUnsignedShort(pos);
                int len = b.getUnsignedShort(pos + 2);
                pos += 4;
                if (end - pos < len) {
                    throw fail(
                            CommandStatus.ESME_RINVOPTPARSTREAM,
                            String.format(Locale.ROOT, "TLV 0x%04X declares %d octets beyond the PDU", tag, len));
                }
                if (!lengthAllowed(tag, len)) {
                    throw fail(
                            CommandStatus.ESME_RINVPARLEN,
                            String.format(Locale.ROOT, "TLV 0x%04X cannot be %d octets long", tag, len));
                }
                byte[] value = new byte[len];
                b.getBytes(pos, value);
                pos += len;
                tlvs.add(new Tlv(tag, value));
            }
            return tlvs;
        }
    }

    static boolean isTime(String t) {
        if (t.length() != 16) {
            return false;
        }
        for (int i = 0; i < 15; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char p = t.charAt(15);
        return p == '+' || p == '-' || p == 'R';
    }

    /** The lengths the TLV table of 5.3.2 allows for the tags it fixes; any length for the rest. */
    static boolean lengthAllowed(int tag, int len) {
        return switch (tag) {
            case 0x0005,
                    0x0006,
                    0x0007,
                    0x000D,
                    0x000E,
                    0x000F,
                    0x0019,
                    0x0030,
                    0x0201,
                    0x0205,
                    0x020D,
                    0x020E,
                    0x020F,
                    0x0210,
                    0x0302,
                    0x0304,
                    0x0420,
                    0x0421,
                    0x0422,
                    0x0425,
                    0x0426,
                    0x0427,
                    0x0501,
                    0x1201,
                    0x1204,
                    0x1380 -> len == 1;
            case 0x0204, 0x020A, 0x020B, 0x020C, 0x1203, 0x1383 -> len == 2;
            case 0x0017 -> len == 4;
            case 0x0423 -> len == 3;
            case 0x130C -> len == 0;
            case 0x001E -> len >= 1 && len <= 65;
            case 0x001D -> len >= 1 && len <= 256;
            case 0x0202, 0x0203 -> len >= 2 && len <= 23;
            case 0x0381 -> len >= 4 && len <= 19;
            case 0x0303 -> len <= 65;
            default -> true;
        };
    }

    // ---------------------------------------------------------------- encoding

    /**
     * Appends one PDU to a buffer. On failure nothing is written.
     *
     * @param pdu the PDU
     * @param out where to write
     * @throws PduException when a field is longer than the specification allows
     */
    public static void encode(Pdu pdu, ByteBuf out) {
        int start = out.writerIndex();
        try {
            out.writeInt(0);
            out.writeInt(pdu.commandId().code());
            out.writeInt(pdu.status());
            out.writeInt(pdu.sequence());
            body(pdu, out);
            out.setInt(start, out.writerIndex() - start);
        } catch (PduException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    /** The fields after the addresses that submit_sm, deliver_sm and submit_multi share. */
    private static <M extends Pdu & MessageFields> void messageFields(ByteBuf out, M m) {
        out.writeByte(m.esmClass());
        out.writeByte(m.protocolId());
        out.writeByte(m.priorityFlag());
        time(out, m.scheduleDeliveryTime(), CommandStatus.ESME_RINVSCHED, "schedule_delivery_time", m);
        time(out, m.validityPeriod(), CommandStatus.ESME_RINVEXPIRY, "validity_period", m);
        out.writeByte(m.registeredDelivery());
        out.writeByte(m.replaceIfPresent());
        out.writeByte(m.dataCoding());
        out.writeByte(m.smDefaultMsgId());
        out.writeByte(m.shortMessage().length);
        out.writeBytes(m.shortMessage());
        tlvs(out, m.tlvs());
    }

    private static void body(Pdu pdu, ByteBuf out) {
        if (pdu instanceof Pdu.ShortMessage m) {
            // 4.4.1 submit_sm / 4.6.1 deliver_sm
            cstr(out, m.serviceType(), 6, CommandStatus.ESME_RINVSERTYP, "service_type", m);
            address(out, m.source(), 21, CommandStatus.ESME_RINVSRCADR, "source_addr", m);
            address(out, m.destination(), 21, CommandStatus.ESME_RINVDSTADR, "destination_addr", m);
            messageFields(out, m);
        } else if (pdu instanceof Pdu.MessageIdResp r) {
            boolean bodyless = r.commandId() == CommandId.SUBMIT_SM_RESP
                    && r.status() != 0
                    && r.messageId().isEmpty()
                    && r.tlvs().isEmpty();
            if (!bodyless) {
                cstr(out, r.messageId(), 65, CommandStatus.ESME_RINVMSGID, "message_id", r);
                tlvs(out, r.tlvs());
            }
        } else if (pdu instanceof Pdu.HeaderOnly) {
            return;
        } else if (pdu instanceof Pdu.Bind b) {
            cstr(out, b.systemId(), 16, CommandStatus.ESME_RINVSYSID, "system_id", b);
            cstr(out, b.password(), 9, CommandStatus.ESME_RINVPASWD, "password", b);
            cstr(out, b.systemType(), 13, CommandStatus.ESME_RINVSYSTYP, "system_type", b);
            out.writeByte(b.interfaceVersion());
            address(out, b.addressRange(), 41, CommandStatus.ESME_RBINDFAIL, "address_range", b);
        } else if (pdu instanceof Pdu.BindResp r) {
            cstr(out, r.systemId(), 16, CommandStatus.ESME_RINVSYSID, "system_id", r);
            tlvs(out, r.tlvs());
        } else if (pdu instanceof Pdu.Outbind o) {
            cstr(out, o.systemId(), 16, CommandStatus.ESME_RINVSYSID, "system_id", o);
            cstr(out, o.password(), 9, CommandStatus.ESME_RINVPASWD, "password", o);
        } else if (pdu instanceof Pdu.SubmitMulti m) {
            cstr(out, m.serviceType(), 6, CommandStatus.ESME_RINVSERTYP, "service_type", m);
            address(out, m.source(), 21, CommandStatus.ESME_RINVSRCADR, "source_addr", m);
            out.writeByte(m.destinations().size());
            for (Pdu.Destination d : m.destinations()) {
                if (d instanceof Pdu.Destination.Sme sme) {
                    out.writeByte(1);
                    address(out, sme.address(), 21, CommandStatus.ESME_RINVDSTADR, "destination_addr", m);
                } else {
                    out.writeByte(2);
                    cstr(
                            out,
                            ((Pdu.Destination.DistributionList) d).name(),
                            21,
                            CommandStatus.ESME_RINVDLNAME,
                            "dl_name",
                            m);
                }
            }
            messageFields(out, m);
        } else if (pdu instanceof Pdu.SubmitMultiResp r) {
            cstr(out, r.messageId(), 65, CommandStatus.ESME_RINVMSGID, "message_id", r);
            out.writeByte(r.unsuccessful().size());
            for (Pdu.UnsuccessfulSme u : r.unsuccessful()) {
                address(out, u.address(), 21, CommandStatus.ESME_RINVDSTADR, "destination_addr", r);
                out.writeInt(u.errorStatus());
            }
        } else if (pdu instanceof Pdu.DataSm d) {
            cstr(out, d.serviceType(), 6, CommandStatus.ESME_RINVSERTYP, "service_type", d);
            address(out, d.source(), 65, CommandStatus.ESME_RINVSRCADR, "source_addr", d);
            address(out, d.destination(), 65, CommandStatus.ESME_RINVDSTADR, "destination_addr", d);
            out.writeByte(d.esmClass());
            out.writeByte(d.registeredDelivery());
            out.writeByte(d.dataCoding());
            tlvs(out, d.tlvs());
        } else if (pdu instanceof Pdu.QuerySm q) {
            cstr(out, q.messageId(), 65, CommandStatus.ESME_RINVMSGID, "message_id", q);
            address(out, q.source(), 21, CommandStatus.ESME_RINVSRCADR, "source_addr", q);
        } else if (pdu instanceof Pdu.QuerySmResp q) {
            cstr(out, q.messageId(), 65, CommandStatus.ESME_RINVMSGID, "message_id", q);
            time(out, q.finalDate(), CommandStatus.ESME_RQUERYFAIL, "final_date", q);
            out.writeByte(q.messageState());
            out.writeByte(q.errorCode());
        } else if (pdu instanceof Pdu.CancelSm c) {
            cstr(out, c.serviceType(), 6, CommandStatus.ESME_RINVSERTYP, "service_type", c);
            cstr(out, c.messageId(), 65, CommandStatus.ESME_RINVMSGID, "message_id", c);
            address(out, c.source(), 21, CommandStatus.ESME_RINVSRCADR, "source_addr", c);
            address(out, c.destination(), 21, CommandStatus.ESME_RINVDSTADR, "destination_addr", c);
        } else if (pdu instanceof Pdu.ReplaceSm m) {
            cstr(out, m.messageId(), 65, CommandStatus.ESME_RINVMSGID, "message_id", m);
            address(out, m.source(), 21, CommandStatus.ESME_RINVSRCADR, "source_addr", m);
            time(out, m.scheduleDeliveryTime(), CommandStatus.ESME_RINVSCHED, "schedule_delivery_time", m);
            time(out, m.validityPeriod(), CommandStatus.ESME_RINVEXPIRY, "validity_period", m);
            out.writeByte(m.registeredDelivery());
            out.writeByte(m.smDefaultMsgId());
            out.writeByte(m.shortMessage().length);
            out.writeBytes(m.shortMessage());
        } else if (pdu instanceof Pdu.AlertNotification a) {
            address(out, a.source(), 65, CommandStatus.ESME_RINVSRCADR, "source_addr", a);
            address(out, a.esme(), 65, CommandStatus.ESME_RINVDSTADR, "esme_addr", a);
            tlvs(out, a.tlvs());
        }
    }

    private static void cstr(ByteBuf out, String s, int max, CommandStatus status, String field, Pdu pdu) {
        int n = s.length();
        if (n > max - 1) {
            throw new PduException(
                    status,
                    pdu.commandId().code(),
                    pdu.sequence(),
                    false,
                    field + " is longer than " + (max - 1) + " characters");
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 0xFF) {
                throw new PduException(
                        status,
                        pdu.commandId().code(),
                        pdu.sequence(),
                        false,
                        field + " holds a character outside Latin-1 or NUL");
            }
        }
        out.writeCharSequence(s, StandardCharsets.ISO_8859_1);
        out.writeByte(0);
    }

    private static void address(ByteBuf out, SmeAddress a, int max, CommandStatus status, String field, Pdu pdu) {
        out.writeByte(a.ton());
        out.writeByte(a.npi());
        cstr(out, a.address(), max, status, field, pdu);
    }

    private static void time(ByteBuf out, String t, CommandStatus status, String field, Pdu pdu) {
        if (!t.isEmpty() && !isTime(t)) {
            throw new PduException(
                    status,
                    pdu.commandId().code(),
                    pdu.sequence(),
                    false,
                    field + " is not in the format YYMMDDhhmmsstnnp");
        }
        cstr(out, t, 17, status, field, pdu);
    }

    private static void tlvs(ByteBuf out, List<Tlv> tlvs) {
        for (int i = 0, n = tlvs.size(); i < n; i++) {
            Tlv t = tlvs.get(i);
            out.writeShort(t.tag());
            out.writeShort(t.length());
            out.writeBytes(t.raw());
        }
    }
}
