package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Turns {@link CmppPdu}s into bytes and back for one CMPP version. Stateless and thread-safe.
 *
 * <p>Every message is a 12-byte header, Total_Length (4), Command_Id (4), Sequence_Id (4), then the
 * body (CMPP 3.0 section 7.3), all integers in network byte order (section 7.1). Decoding is strict:
 * a body whose length is not exactly what its command's layout needs, a length field out of range
 * or disagreeing with the bytes, a flag that is neither 0 nor 1 is refused with a {@link
 * CmppDecodeException} carrying a specific {@link CmppError}; no input makes it throw anything else.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CmppCodec {

    /** The header's length: Total_Length, Command_Id, Sequence_Id. */
    public static final int HEADER_LENGTH = 12;

    private static final int CONNECT_BODY = 6 + 16 + 1 + 4;
    private static final int QUERY_BODY = 8 + 1 + 10 + 8;
    private static final int QUERY_RESP_BODY = 8 + 1 + 10 + 8 * 4;

    private final CmppVersion version;

    private CmppCodec(CmppVersion version) {
        this.version = version;
    }

    /**
     * The codec for a version.
     *
     * @param version 2.0 or 3.0
     * @return the codec
     */
    public static CmppCodec of(CmppVersion version) {
        return new CmppCodec(Arguments.notNull(version, "version"));
    }

    /** The version this codec speaks. */
    public CmppVersion version() {
        return version;
    }

    /**
     * Encodes a PDU with its header.
     *
     * @param pdu the PDU
     * @return the bytes
     * @throws CmppException with {@link CmppError#FIELD_TOO_LONG} when a field does not fit this
     *     version's width (a 32-character terminal id or a 4-byte result in 2.0)
     */
    public byte[] encode(CmppPdu pdu) {
        ByteBuf out = Unpooled.buffer(256);
        try {
            encode(pdu, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    /**
     * Encodes a PDU with its header into a buffer. On failure nothing is left written.
     *
     * @param pdu the PDU
     * @param out where to write
     */
    public void encode(CmppPdu pdu, ByteBuf out) {
        Arguments.notNull(pdu, "pdu");
        Arguments.notNull(out, "out");
        int start = out.writerIndex();
        try {
            out.writeInt(0);
            out.writeInt(pdu.commandId().code());
            out.writeInt(pdu.sequenceId());
            writeBody(pdu, out);
            out.setInt(start, out.writerIndex() - start);
        } catch (RuntimeException e) {
            out.writerIndex(start);
            throw e;
        }
    }

    private void writeBody(CmppPdu pdu, ByteBuf out) {
        if (pdu instanceof CmppPdu.Connect c) {
            writeOctets(out, c.sourceAddr(), 6, "Source_Addr");
            out.writeBytes(c.authenticatorSource());
            out.writeByte(c.version());
            out.writeInt((int) c.timestamp());
        } else if (pdu instanceof CmppPdu.ConnectResp c) {
            writeResult(out, c.status(), "Status");
            out.writeBytes(c.authenticatorIsmg());
            out.writeByte(c.version());
        } else if (pdu instanceof Submit s) {
            writeSubmit(s, out);
        } else if (pdu instanceof CmppPdu.SubmitResp r) {
            out.writeLong(r.msgId());
            writeResult(out, r.result(), "Result");
        } else if (pdu instanceof Deliver d) {
            writeDeliver(d, out);
        } else if (pdu instanceof CmppPdu.DeliverResp r) {
            out.writeLong(r.msgId());
            writeResult(out, r.result(), "Result");
        } else if (pdu instanceof CmppPdu.Query q) {
            writeOctets(out, q.time(), 8, "Time");
            out.writeByte(q.queryType());
            writeOctets(out, q.queryCode(), 10, "Query_Code");
            writeOctets(out, q.reserve(), 8, "Reserve");
        } else if (pdu instanceof CmppPdu.QueryResp q) {
            writeOctets(out, q.time(), 8, "Time");
            out.writeByte(q.queryType());
            writeOctets(out, q.queryCode(), 10, "Query_Code");
            for (long n :
                    new long[] {q.mtTlMsg(), q.mtTlUsr(), q.mtScs(), q.mtWt(), q.mtFl(), q.moScs(), q.moWt(), q.moFl()
                    }) {
                out.writeInt((int) n);
            }
        } else if (pdu instanceof CmppPdu.Cancel c) {
            out.writeLong(c.msgId());
        } else if (pdu instanceof CmppPdu.CancelResp c) {
            writeResult(out, c.successId(), "Success_Id");
        } else if (pdu instanceof CmppPdu.ActiveTestResp a) {
            out.writeByte(a.reserved());
        }
        // TERMINATE, TERMINATE_RESP and ACTIVE_TEST have no body (sections 7.4.2 and 7.4.7.1).
    }

    private void writeSubmit(Submit s, ByteBuf out) {
        out.writeLong(s.msgId());
        out.writeByte(s.pkTotal());
        out.writeByte(s.pkNumber());
        out.writeByte(s.registeredDelivery());
        out.writeByte(s.msgLevel());
        writeOctets(out, s.serviceId(), 10, "Service_Id");
        out.writeByte(s.feeUserType());
        writeOctets(out, s.feeTerminalId(), version.terminalIdLength(), "Fee_terminal_Id");
        if (version.terminalTypes()) {
            out.writeByte(s.feeTerminalType());
        }
        out.writeByte(s.tpPid());
        out.writeByte(s.tpUdhi());
        out.writeByte(s.msgFmt());
        writeOctets(out, s.msgSrc(), 6, "Msg_src");
        writeOctets(out, s.feeType(), 2, "FeeType");
        writeOctets(out, s.feeCode(), 6, "FeeCode");
        writeOctets(out, s.validTime(), 17, "ValId_Time");
        writeOctets(out, s.atTime(), 17, "At_Time");
        writeOctets(out, s.srcId(), 21, "Src_Id");
        out.writeByte(s.destTerminalIds().size());
        for (String id : s.destTerminalIds()) {
            writeOctets(out, id, version.terminalIdLength(), "Dest_terminal_Id");
        }
        if (version.terminalTypes()) {
            out.writeByte(s.destTerminalType());
        }
        byte[] content = s.msgContent();
        out.writeByte(content.length);
        out.writeBytes(content);
        writeOctets(out, s.linkId(), version.trailerLength(), version == CmppVersion.V3_0 ? "LinkID" : "Reserve");
    }

    private void writeDeliver(Deliver d, ByteBuf out) {
        byte[] content = d.msgContent();
        if (d.isReport() && content.length != version.reportLength()) {
            throw new CmppException(
                    CmppError.REPORT_INVALID,
                    "a CMPP " + version + " status report is " + version.reportLength() + " bytes, got "
                            + content.length);
        }
        out.writeLong(d.msgId());
        writeOctets(out, d.destId(), 21, "Dest_Id");
        writeOctets(out, d.serviceId(), 10, "Service_Id");
        out.writeByte(d.tpPid());
        out.writeByte(d.tpUdhi());
        out.writeByte(d.msgFmt());
        writeOctets(out, d.srcTerminalId(), version.terminalIdLength(), "Src_terminal_Id");
        if (version.terminalTypes()) {
            out.writeByte(d.srcTerminalType());
        }
        out.writeByte(d.registeredDelivery());
        out.writeByte(content.length);
        out.writeBytes(content);
        writeOctets(out, d.linkId(), version.trailerLength(), version == CmppVersion.V3_0 ? "LinkID" : "Reserve");
    }

    private void writeResult(ByteBuf out, long value, String name) {
        if (value > version.maxResult()) {
            throw new CmppException(
                    CmppError.FIELD_TOO_LONG, name + " " + value + " does not fit CMPP " + version + "'s one byte");
        }
        if (version.resultLength() == 1) {
            out.writeByte((int) value);
        } else {
            out.writeInt((int) value);
        }
    }

    /** Writes a fixed-width Octet String, left-aligned and padded with zero bytes (section 7.1). */
    static void writeOctets(ByteBuf out, String value, int width, String name) {
        Octets.octetString(value, width, name);
        out.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
        out.writeZero(width - value.length());
    }

    /**
     * Reads a fixed-width Octet String: the characters before the first zero byte (C peers leave
     * whatever follows the terminator in the padding).
     */
    static String readOctets(ByteBuf in, int width) {
        byte[] bytes = new byte[width];
        in.readBytes(bytes);
        int end = 0;
        while (end < width && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes one whole PDU: the buffer's readable bytes are the header and the body. The buffer is
     * read, not released.
     *
     * @param frame the PDU's bytes
     * @return the PDU
     * @throws CmppDecodeException when the bytes are not a valid PDU of this version
     */
    public CmppPdu decode(ByteBuf frame) {
        Arguments.notNull(frame, "frame");
        int length = frame.readableBytes();
        int commandId = length >= 8 ? frame.getInt(frame.readerIndex() + 4) : 0;
        int sequenceId = length >= HEADER_LENGTH ? frame.getInt(frame.readerIndex() + 8) : 0;
        if (length < HEADER_LENGTH || frame.getUnsignedInt(frame.readerIndex()) != length) {
            throw new CmppDecodeException(
                    CmppError.FRAME_LENGTH_INVALID,
                    commandId,
                    sequenceId,
                    true,
                    "Total_Length "
                            + (length >= 4 ? frame.getUnsignedInt(frame.readerIndex()) : -1)
                            + " does not match the frame's " + length + " bytes",
                    null);
        }
        CommandId command = CommandId.of(commandId)
                .orElseThrow(() -> new CmppDecodeException(
                        CmppError.COMMAND_UNKNOWN,
                        commandId,
                        sequenceId,
                        false,
                        "unknown Command_Id 0x" + Integer.toHexString(commandId),
                        null));
        ByteBuf body = frame.slice(frame.readerIndex() + HEADER_LENGTH, length - HEADER_LENGTH);
        try {
            CmppPdu pdu = decodeBody(command, sequenceId, body);
            frame.skipBytes(length);
            return pdu;
        } catch (CmppException e) {
            if (e instanceof CmppDecodeException decodeFailure) {
                throw decodeFailure;
            }
            // A record refused a received value: the PDU is malformed. Its code names our own values,
            // so the refusal is reported with the decode code (one code, one class) and the cause.
            CmppError code = e.code() == CmppError.FIELD_TOO_LONG
                    ? CmppError.FIELD_LENGTH_INVALID
                    : CmppError.FIELD_VALUE_INVALID;
            throw refusal(code, command, sequenceId, message(e), e);
        } catch (ValidationException e) {
            throw refusal(CmppError.FIELD_VALUE_INVALID, command, sequenceId, message(e), e);
        } catch (IndexOutOfBoundsException e) {
            // A layout check above missed a case: still a refusal with a code, never a crash.
            throw refusal(CmppError.BODY_LENGTH_INVALID, command, sequenceId, "body too short", e);
        }
    }

    private static CmppDecodeException refusal(
            CmppError code, CommandId command, int sequenceId, String message, Throwable cause) {
        return new CmppDecodeException(code, command.code(), sequenceId, false, command + ": " + message, cause);
    }

    /**
     * Decodes one whole PDU from bytes.
     *
     * @param bytes the header and the body
     * @return the PDU
     * @throws CmppDecodeException when the bytes are not a valid PDU of this version
     */
    public CmppPdu decode(byte[] bytes) {
        return decode(Unpooled.wrappedBuffer(Arguments.notNull(bytes, "bytes")));
    }

    private static String message(RuntimeException e) {
        String m = e.getMessage();
        int colon = m == null ? -1 : m.indexOf(": ");
        return colon < 0 ? String.valueOf(m) : m.substring(colon + 2);
    }

    private CmppPdu decodeBody(CommandId command, int seq, ByteBuf in) {
        int r = version.resultLength();
        return switch (command) {
            case CONNECT -> {
                expectBody(command, seq, in, CONNECT_BODY);
                String source = readOctets(in, 6);
                byte[] auth = new byte[16];
                in.readBytes(auth);
                yield new CmppPdu.Connect(seq, source, auth, in.readUnsignedByte(), in.readUnsignedInt());
            }
            case CONNECT_RESP -> {
                expectBody(command, seq, in, r + 16 + 1);
                long status = readResult(in);
                byte[] auth = new byte[16];
                in.readBytes(auth);
                yield new CmppPdu.ConnectResp(seq, status, auth, in.readUnsignedByte());
            }
            case TERMINATE -> {
                expectBody(command, seq, in, 0);
                yield new CmppPdu.Terminate(seq);
            }
            case TERMINATE_RESP -> {
                expectBody(command, seq, in, 0);
                yield new CmppPdu.TerminateResp(seq);
            }
            case SUBMIT -> decodeSubmit(seq, in);
            case SUBMIT_RESP -> {
                expectBody(command, seq, in, 8 + r);
                yield new CmppPdu.SubmitResp(seq, in.readLong(), readResult(in));
            }
            case DELIVER -> decodeDeliver(seq, in);
            case DELIVER_RESP -> {
                expectBody(command, seq, in, 8 + r);
                yield new CmppPdu.DeliverResp(seq, in.readLong(), readResult(in));
            }
            case QUERY -> {
                expectBody(command, seq, in, QUERY_BODY);
                yield new CmppPdu.Query(
                        seq,
                        readOctets(in, 8),
                        readFlag(command, seq, in, "Query_Type"),
                        readOctets(in, 10),
                        readOctets(in, 8));
            }
            case QUERY_RESP -> {
                expectBody(command, seq, in, QUERY_RESP_BODY);
                String time = readOctets(in, 8);
                int type = readFlag(command, seq, in, "Query_Type");
                String code = readOctets(in, 10);
                yield new CmppPdu.QueryResp(
                        seq,
                        time,
                        type,
                        code,
                        in.readUnsignedInt(),
                        in.readUnsignedInt(),
                        in.readUnsignedInt(),
                        in.readUnsignedInt(),
                        in.readUnsignedInt(),
                        in.readUnsignedInt(),
                        in.readUnsignedInt(),
                        in.readUnsignedInt());
            }
            case CANCEL -> {
                expectBody(command, seq, in, 8);
                yield new CmppPdu.Cancel(seq, in.readLong());
            }
            case CANCEL_RESP -> {
                expectBody(command, seq, in, r);
                yield new CmppPdu.CancelResp(seq, readResult(in));
            }
            case ACTIVE_TEST -> {
                expectBody(command, seq, in, 0);
                yield new CmppPdu.ActiveTest(seq);
            }
            case ACTIVE_TEST_RESP -> {
                expectBody(command, seq, in, 1);
                yield new CmppPdu.ActiveTestResp(seq, in.readUnsignedByte());
            }
        };
    }

    private Submit decodeSubmit(int seq, ByteBuf in) {
        int t = version.terminalIdLength();
        int types = version.terminalTypes() ? 1 : 0;
        // Everything up to and including DestUsr_tl has a fixed width.
        int prefix = 8 + 1 + 1 + 1 + 1 + 10 + 1 + t + types + 1 + 1 + 1 + 6 + 2 + 6 + 17 + 17 + 21 + 1;
        atLeast(CommandId.SUBMIT, seq, in, prefix);
        Submit.Builder b = Submit.builder().sequenceId(seq).msgId(in.readLong());
        int total = in.readUnsignedByte();
        int number = in.readUnsignedByte();
        b.part(total, number)
                .registeredDelivery(in.readUnsignedByte())
                .msgLevel(in.readUnsignedByte())
                .serviceId(readOctets(in, 10));
        int feeUserType = in.readUnsignedByte();
        String feeTerminal = readOctets(in, t);
        int feeTerminalType = types == 1 ? in.readUnsignedByte() : 0;
        b.fee(feeUserType, feeTerminal, feeTerminalType)
                .tpPid(in.readUnsignedByte())
                .tpUdhi(readFlag(CommandId.SUBMIT, seq, in, "TP_udhi"))
                .msgFmt(in.readUnsignedByte())
                .msgSrc(readOctets(in, 6))
                .feeType(readOctets(in, 2), readOctets(in, 6))
                .validTime(readOctets(in, 17))
                .atTime(readOctets(in, 17))
                .srcId(readOctets(in, 21));
        int recipients = in.readUnsignedByte();
        if (recipients < 1 || recipients > Submit.MAX_RECIPIENTS) {
            throw refusal(
                    CmppError.FIELD_LENGTH_INVALID,
                    CommandId.SUBMIT,
                    seq,
                    "DestUsr_tl must be 1-" + Submit.MAX_RECIPIENTS + ", got " + recipients,
                    null);
        }
        atLeast(CommandId.SUBMIT, seq, in, recipients * t + types + 1);
        List<String> dest = new ArrayList<>(recipients);
        for (int i = 0; i < recipients; i++) {
            dest.add(readOctets(in, t));
        }
        int destType = types == 1 ? in.readUnsignedByte() : 0;
        b.destTerminalIds(dest, destType);
        b.msgContent(readContent(CommandId.SUBMIT, seq, in));
        return b.linkId(readOctets(in, version.trailerLength())).build();
    }

    private Deliver decodeDeliver(int seq, ByteBuf in) {
        int t = version.terminalIdLength();
        int types = version.terminalTypes() ? 1 : 0;
        atLeast(CommandId.DELIVER, seq, in, 8 + 21 + 10 + 1 + 1 + 1 + t + types + 1 + 1);
        long msgId = in.readLong();
        String destId = readOctets(in, 21);
        String serviceId = readOctets(in, 10);
        int tpPid = in.readUnsignedByte();
        int tpUdhi = readFlag(CommandId.DELIVER, seq, in, "TP_udhi");
        int msgFmt = in.readUnsignedByte();
        String src = readOctets(in, t);
        int srcType = types == 1 ? in.readUnsignedByte() : 0;
        int registered = in.readUnsignedByte();
        if (registered > 1) {
            throw refusal(
                    CmppError.FIELD_VALUE_INVALID,
                    CommandId.DELIVER,
                    seq,
                    "Registered_Delivery of a DELIVER is 0 or 1, got " + registered,
                    null);
        }
        byte[] content = readContent(CommandId.DELIVER, seq, in);
        if (registered == 1 && content.length != version.reportLength()) {
            // A status report's length is fixed per version (section 7.4.5.1): a length error.
            throw refusal(
                    CmppError.FIELD_LENGTH_INVALID,
                    CommandId.DELIVER,
                    seq,
                    "a CMPP " + version + " status report is " + version.reportLength() + " bytes, Msg_Length says "
                            + content.length,
                    null);
        }
        String linkId = readOctets(in, version.trailerLength());
        return new Deliver(
                seq, msgId, destId, serviceId, tpPid, tpUdhi, msgFmt, src, srcType, registered, content, linkId);
    }

    /** Msg_Length, Msg_Content, then exactly the trailer (LinkID or Reserve) must remain. */
    private byte[] readContent(CommandId command, int seq, ByteBuf in) {
        int length = in.readUnsignedByte();
        int expected = length + version.trailerLength();
        if (in.readableBytes() != expected) {
            throw refusal(
                    CmppError.FIELD_LENGTH_INVALID,
                    command,
                    seq,
                    "Msg_Length " + length + " leaves " + in.readableBytes() + " bytes for content and "
                            + (version == CmppVersion.V3_0 ? "LinkID" : "Reserve") + ", " + expected + " needed",
                    null);
        }
        byte[] content = new byte[length];
        in.readBytes(content);
        return content;
    }

    private long readResult(ByteBuf in) {
        return version.resultLength() == 1 ? in.readUnsignedByte() : in.readUnsignedInt();
    }

    private static int readFlag(CommandId command, int seq, ByteBuf in, String name) {
        int value = in.readUnsignedByte();
        if (value > 1) {
            throw refusal(CmppError.FIELD_VALUE_INVALID, command, seq, name + " is 0 or 1, got " + value, null);
        }
        return value;
    }

    private void expectBody(CommandId command, int seq, ByteBuf in, int expected) {
        if (in.readableBytes() != expected) {
            throw refusal(
                    CmppError.BODY_LENGTH_INVALID,
                    command,
                    seq,
                    "body is " + expected + " bytes in CMPP " + version + ", got " + in.readableBytes(),
                    null);
        }
    }

    private static void atLeast(CommandId command, int seq, ByteBuf in, int needed) {
        if (in.readableBytes() < needed) {
            throw refusal(
                    CmppError.BODY_LENGTH_INVALID,
                    command,
                    seq,
                    "body ends after " + in.readableBytes() + " of at least " + needed + " bytes",
                    null);
        }
    }
}
