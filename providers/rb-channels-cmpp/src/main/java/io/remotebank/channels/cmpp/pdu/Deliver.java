package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * CMPP_DELIVER (CMPP 3.0 section 7.4.5.1): a mobile-originated message, or with Registered_Delivery
 * 1 a status report about an earlier SUBMIT. The layout, in order: Msg_Id (8), Dest_Id (21),
 * Service_Id (10), TP_pid (1), TP_udhi (1), Msg_Fmt (1), Src_terminal_Id (32; 21 in 2.0),
 * Src_terminal_type (1; not in 2.0), Registered_Delivery (1), Msg_Length (1), Msg_Content, LinkID
 * (20; in 2.0 an 8-byte Reserve).
 *
 * @param sequenceId the Sequence_Id
 * @param msgId the ISMG's Msg_Id of this DELIVER
 * @param destId Dest_Id: the SP's service number the user wrote to (an extended number carries the
 *     conversation's suffix), up to 21 characters
 * @param serviceId Service_Id, up to 10 characters
 * @param tpPid TP_pid
 * @param tpUdhi TP_udhi: 1 when Msg_Content starts with a user data header
 * @param msgFmt Msg_Fmt: 0 ASCII, 3 SIM card, 4 binary, 8 UCS2, 15 GBK
 * @param srcTerminalId Src_terminal_Id: the user's number (for a report, the report's sender), up to
 *     32 characters (21 in 2.0)
 * @param srcTerminalType Src_terminal_type (3.0): 0 a real number, 1 a pseudonym
 * @param registeredDelivery 0 a message from the user, 1 a status report
 * @param msgContent Msg_Content: the message, or a status report's 71 bytes (60 in 2.0)
 * @param linkId LinkID (3.0, up to 20 characters) or the 2.0 Reserve (up to 8)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Deliver(
        int sequenceId,
        long msgId,
        String destId,
        String serviceId,
        int tpPid,
        int tpUdhi,
        int msgFmt,
        String srcTerminalId,
        int srcTerminalType,
        int registeredDelivery,
        byte[] msgContent,
        String linkId)
        implements CmppPdu {

    /**
     * Validates every field; a status report's content must be one (see {@link
     * StatusReport#decode(byte[])}); copies the content.
     */
    public Deliver {
        Octets.octetString(destId, 21, "Dest_Id");
        Octets.octetString(serviceId, 10, "Service_Id");
        Octets.unsignedByte(tpPid, "TP_pid");
        Octets.flag(tpUdhi, "TP_udhi");
        Octets.unsignedByte(msgFmt, "Msg_Fmt");
        Octets.octetString(srcTerminalId, 32, "Src_terminal_Id");
        Octets.unsignedByte(srcTerminalType, "Src_terminal_type");
        if (registeredDelivery != 0 && registeredDelivery != 1) {
            throw new CmppException(
                    CmppError.VALUE_INVALID, "Registered_Delivery of a DELIVER is 0 or 1, got " + registeredDelivery);
        }
        msgContent = Octets.copy(msgContent, "Msg_Content");
        if (registeredDelivery == 1) {
            StatusReport.decode(msgContent);
        } else {
            Submit.checkContentLength(msgFmt, msgContent.length);
        }
        Octets.octetString(linkId, 20, "LinkID");
    }

    /**
     * A DELIVER carrying a status report, as an ISMG (or a simulator) sends it.
     *
     * @param sequenceId the Sequence_Id
     * @param msgId this DELIVER's Msg_Id
     * @param destId the SP's service number
     * @param srcTerminalId the number the report is about
     * @param report the report
     * @param version the version whose report layout to use
     * @return the DELIVER
     */
    public static Deliver ofReport(
            int sequenceId, long msgId, String destId, String srcTerminalId, StatusReport report, CmppVersion version) {
        return new Deliver(sequenceId, msgId, destId, "", 0, 0, 0, srcTerminalId, 0, 1, report.encode(version), "");
    }

    @Override
    public CommandId commandId() {
        return CommandId.DELIVER;
    }

    /** A copy of the content. */
    @Override
    public byte[] msgContent() {
        return msgContent.clone();
    }

    /** Whether this DELIVER is a status report rather than a user's message. */
    public boolean isReport() {
        return registeredDelivery == 1;
    }

    /** The status report this DELIVER carries, if it is one. */
    public Optional<StatusReport> statusReport() {
        return isReport() ? Optional.of(StatusReport.decode(msgContent)) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Deliver d && d.fields().equals(fields()) && Arrays.equals(d.msgContent, msgContent);
    }

    @Override
    public int hashCode() {
        return Octets.hash(fields(), msgContent);
    }

    private List<Object> fields() {
        return List.of(
                sequenceId,
                msgId,
                destId,
                serviceId,
                tpPid,
                tpUdhi,
                msgFmt,
                srcTerminalId,
                srcTerminalType,
                registeredDelivery,
                linkId);
    }

    @Override
    public String toString() {
        return "Deliver[#" + Integer.toUnsignedString(sequenceId) + " Msg_Id " + Long.toUnsignedString(msgId)
                + (isReport()
                        ? ", status report " + StatusReport.decode(msgContent).stat()
                        : ", message")
                + ", Msg_Fmt " + msgFmt + ", " + msgContent.length + " bytes, service " + serviceId + "]";
    }
}
