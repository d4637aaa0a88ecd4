package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Mask;
import org.apiguardian.api.API;

/**
 * The status report a CMPP_DELIVER with Registered_Delivery 1 carries in its Msg_Content (CMPP 3.0
 * section 7.4.5.1, the report's own table): Msg_Id (8), Stat (7), Submit_time (10, YYMMDDHHMM),
 * Done_time (10), Dest_terminal_Id (32; 21 in 2.0), SMSC_sequence (4): 71 bytes in 3.0, 60 in 2.0.
 *
 * @param msgId the Msg_Id the SUBMIT_RESP gave: the key that correlates the report
 * @param stat the Stat code, up to 7 characters (see {@link #outcome()})
 * @param submitTime Submit_time, YYMMDDHHMM, up to 10 characters
 * @param doneTime Done_time, YYMMDDHHMM, up to 10 characters
 * @param destTerminalId the recipient's number, up to 32 characters (21 in 2.0)
 * @param smscSequence SMSC_sequence, the SMSC's own number for the message
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StatusReport(
        long msgId, String stat, String submitTime, String doneTime, String destTerminalId, long smscSequence) {

    /** Validates the field widths. */
    public StatusReport {
        Octets.octetString(stat, 7, "Stat");
        Octets.octetString(submitTime, 10, "Submit_time");
        Octets.octetString(doneTime, 10, "Done_time");
        Octets.octetString(destTerminalId, 32, "Dest_terminal_Id");
        Octets.unsignedInt(smscSequence, "SMSC_sequence");
    }

    /** What the Stat code says about the message. */
    public ReportOutcome outcome() {
        return ReportOutcome.of(stat);
    }

    /**
     * The report's bytes in a version's layout.
     *
     * @param version the layout
     * @return 71 bytes for 3.0, 60 for 2.0
     * @throws CmppException with {@link CmppError#FIELD_TOO_LONG} when the number does not fit 2.0's 21 bytes
     */
    public byte[] encode(CmppVersion version) {
        Arguments.notNull(version, "version");
        ByteBuf out = Unpooled.buffer(version.reportLength());
        out.writeLong(msgId);
        CmppCodec.writeOctets(out, stat, 7, "Stat");
        CmppCodec.writeOctets(out, submitTime, 10, "Submit_time");
        CmppCodec.writeOctets(out, doneTime, 10, "Done_time");
        CmppCodec.writeOctets(out, destTerminalId, version.terminalIdLength(), "Dest_terminal_Id");
        out.writeInt((int) smscSequence);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    /**
     * Reads a report, telling the version by its length.
     *
     * @param content a DELIVER's Msg_Content
     * @return the report
     * @throws CmppException with {@link CmppError#REPORT_INVALID} when the length is neither 71 nor 60
     *     or a text field holds a zero byte before its padding
     */
    public static StatusReport decode(byte[] content) {
        Arguments.notNull(content, "content");
        CmppVersion version;
        if (content.length == CmppVersion.V3_0.reportLength()) {
            version = CmppVersion.V3_0;
        } else if (content.length == CmppVersion.V2_0.reportLength()) {
            version = CmppVersion.V2_0;
        } else {
            throw new CmppException(
                    CmppError.REPORT_INVALID,
                    "a status report is " + CmppVersion.V3_0.reportLength() + " bytes (3.0) or "
                            + CmppVersion.V2_0.reportLength() + " (2.0), got " + content.length);
        }
        ByteBuf in = Unpooled.wrappedBuffer(content);
        try {
            return new StatusReport(
                    in.readLong(),
                    CmppCodec.readOctets(in, 7),
                    CmppCodec.readOctets(in, 10),
                    CmppCodec.readOctets(in, 10),
                    CmppCodec.readOctets(in, version.terminalIdLength()),
                    in.readUnsignedInt());
        } catch (CmppException e) {
            throw new CmppException(CmppError.REPORT_INVALID, "a status report field is malformed", e);
        }
    }

    @Override
    public String toString() {
        return "StatusReport[Msg_Id " + Long.toUnsignedString(msgId) + ", " + stat + ", submitted " + submitTime
                + ", done " + doneTime + ", to " + Mask.phone(destTerminalId) + "]";
    }
}
