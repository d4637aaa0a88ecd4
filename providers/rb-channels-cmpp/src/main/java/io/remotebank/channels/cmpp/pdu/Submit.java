package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import io.remotebank.core.Arguments;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * CMPP_SUBMIT (CMPP 3.0 section 7.4.3.1): a mobile-terminated message from the SP. The layout, in
 * order: Msg_Id (8), Pk_total (1), Pk_number (1), Registered_Delivery (1), Msg_level (1), Service_Id
 * (10), Fee_UserType (1), Fee_terminal_Id (32; 21 in 2.0), Fee_terminal_type (1; not in 2.0),
 * TP_pId (1), TP_udhi (1), Msg_Fmt (1), Msg_src (6), FeeType (2), FeeCode (6), ValId_Time (17),
 * At_Time (17), Src_Id (21), DestUsr_tl (1), Dest_terminal_Id (32 each; 21 in 2.0),
 * Dest_terminal_type (1; not in 2.0), Msg_Length (1), Msg_Content, LinkID (20; in 2.0 an 8-byte
 * Reserve). Build one with {@link #builder()}.
 *
 * @param sequenceId the Sequence_Id
 * @param msgId Msg_Id, 0 from an SP (the ISMG assigns it)
 * @param pkTotal Pk_total: the number of parts of the message, 1-255
 * @param pkNumber Pk_number: this part's number, 1-pkTotal
 * @param registeredDelivery 1 to ask for a status report, 0 not (2.0 also knows 2: an SMC bill)
 * @param msgLevel Msg_level, the priority
 * @param serviceId Service_Id, up to 10 characters
 * @param feeUserType Fee_UserType: 0 the destination pays, 1 the source, 2 the SP, 3 Fee_terminal_Id
 * @param feeTerminalId Fee_terminal_Id, up to 32 characters (21 in 2.0)
 * @param feeTerminalType Fee_terminal_type (3.0): 0 a real number, 1 a pseudonym
 * @param tpPid TP_pId (GSM 03.40 TP-PID)
 * @param tpUdhi TP_udhi: 1 when Msg_Content starts with a user data header
 * @param msgFmt Msg_Fmt: 0 ASCII, 3 SIM card, 4 binary, 8 UCS2, 15 GBK
 * @param msgSrc Msg_src: the SP's enterprise code, up to 6 characters
 * @param feeType FeeType, up to 2 characters ("01" free, "02" per message, "03" monthly)
 * @param feeCode FeeCode in fen, up to 6 characters
 * @param validTime ValId_Time in SMPP 3.3 absolute or relative form, up to 17 characters, or empty
 * @param atTime At_Time, the scheduled time in the same form, or empty
 * @param srcId Src_Id: the number the recipient sees, up to 21 characters
 * @param destTerminalIds Dest_terminal_Id: 1-100 recipients, each up to 32 characters (21 in 2.0)
 * @param destTerminalType Dest_terminal_type (3.0): 0 real numbers, 1 pseudonyms
 * @param msgContent Msg_Content, with the user data header first when tpUdhi is 1; under 160 bytes
 *     for Msg_Fmt 0, at most 140 otherwise
 * @param linkId LinkID (3.0, up to 20 characters) or the 2.0 Reserve (up to 8)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Submit(
        int sequenceId,
        long msgId,
        int pkTotal,
        int pkNumber,
        int registeredDelivery,
        int msgLevel,
        String serviceId,
        int feeUserType,
        String feeTerminalId,
        int feeTerminalType,
        int tpPid,
        int tpUdhi,
        int msgFmt,
        String msgSrc,
        String feeType,
        String feeCode,
        String validTime,
        String atTime,
        String srcId,
        List<String> destTerminalIds,
        int destTerminalType,
        byte[] msgContent,
        String linkId)
        implements CmppPdu {

    /** The most recipients one SUBMIT may name (DestUsr_tl). */
    public static final int MAX_RECIPIENTS = 100;

    /** Validates every field against its width and range; copies the list and the content. */
    public Submit {
        Arguments.inRange(pkTotal, 1, 255, "Pk_total");
        Arguments.inRange(pkNumber, 1, pkTotal, "Pk_number");
        Arguments.inRange(registeredDelivery, 0, 2, "Registered_Delivery");
        Octets.unsignedByte(msgLevel, "Msg_level");
        Octets.octetString(serviceId, 10, "Service_Id");
        Octets.unsignedByte(feeUserType, "Fee_UserType");
        Octets.octetString(feeTerminalId, 32, "Fee_terminal_Id");
        Octets.unsignedByte(feeTerminalType, "Fee_terminal_type");
        Octets.unsignedByte(tpPid, "TP_pId");
        Octets.flag(tpUdhi, "TP_udhi");
        Octets.unsignedByte(msgFmt, "Msg_Fmt");
        Octets.octetString(msgSrc, 6, "Msg_src");
        Octets.octetString(feeType, 2, "FeeType");
        Octets.octetString(feeCode, 6, "FeeCode");
        Octets.octetString(validTime, 17, "ValId_Time");
        Octets.octetString(atTime, 17, "At_Time");
        Octets.octetString(srcId, 21, "Src_Id");
        destTerminalIds = List.copyOf(Arguments.noNulls(destTerminalIds, "Dest_terminal_Id"));
        if (destTerminalIds.isEmpty() || destTerminalIds.size() > MAX_RECIPIENTS) {
            throw new CmppException(
                    CmppError.VALUE_INVALID,
                    "DestUsr_tl must be 1-" + MAX_RECIPIENTS + ", got " + destTerminalIds.size());
        }
        destTerminalIds.forEach(id -> Octets.octetString(id, 32, "Dest_terminal_Id"));
        Octets.unsignedByte(destTerminalType, "Dest_terminal_type");
        msgContent = Octets.copy(msgContent, "Msg_Content");
        checkContentLength(msgFmt, msgContent.length);
        Octets.octetString(linkId, 20, "LinkID");
    }

    /**
     * Section 7.4.3.1, Msg_Length: under 160 bytes when Msg_Fmt is 0, at most 140 otherwise (one
     * GSM 03.40 user data field).
     */
    static void checkContentLength(int msgFmt, int length) {
        int max = msgFmt == 0 ? 159 : 140;
        if (length > max) {
            throw new CmppException(
                    CmppError.FIELD_TOO_LONG,
                    "Msg_Length " + length + " exceeds " + max + " bytes for Msg_Fmt " + msgFmt);
        }
    }

    @Override
    public CommandId commandId() {
        return CommandId.SUBMIT;
    }

    /** A copy of the content. */
    @Override
    public byte[] msgContent() {
        return msgContent.clone();
    }

    /** A builder with the defaults: one part, a status report asked for, every string empty. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Submit s && s.fields().equals(fields()) && Arrays.equals(s.msgContent, msgContent);
    }

    @Override
    public int hashCode() {
        return Octets.hash(fields(), msgContent);
    }

    private List<Object> fields() {
        return List.of(
                sequenceId,
                msgId,
                pkTotal,
                pkNumber,
                registeredDelivery,
                msgLevel,
                serviceId,
                feeUserType,
                feeTerminalId,
                feeTerminalType,
                tpPid,
                tpUdhi,
                msgFmt,
                msgSrc,
                feeType,
                feeCode,
                validTime,
                atTime,
                srcId,
                destTerminalIds,
                destTerminalType,
                linkId);
    }

    @Override
    public String toString() {
        return "Submit[#" + Integer.toUnsignedString(sequenceId) + " part " + pkNumber + "/" + pkTotal + ", "
                + destTerminalIds.size() + " recipient(s), Msg_Fmt " + msgFmt + ", " + msgContent.length
                + " bytes, service " + serviceId + ", source " + msgSrc + "]";
    }

    /** Builds a {@link Submit}; each setter takes the field's value as the record documents it. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private int sequenceId;
        private long msgId;
        private int pkTotal = 1;
        private int pkNumber = 1;
        private int registeredDelivery = 1;
        private int msgLevel;
        private String serviceId = "";
        private int feeUserType;
        private String feeTerminalId = "";
        private int feeTerminalType;
        private int tpPid;
        private int tpUdhi;
        private int msgFmt;
        private String msgSrc = "";
        private String feeType = "";
        private String feeCode = "";
        private String validTime = "";
        private String atTime = "";
        private String srcId = "";
        private List<String> destTerminalIds = List.of();
        private int destTerminalType;
        private byte[] msgContent = new byte[0];
        private String linkId = "";

        private Builder() {}

        /** @param value Sequence_Id @return this */
        public Builder sequenceId(int value) {
            sequenceId = value;
            return this;
        }

        /** @param value Msg_Id @return this */
        public Builder msgId(long value) {
            msgId = value;
            return this;
        }

        /**
         * Pk_total and Pk_number.
         *
         * @param total the number of parts
         * @param number this part's number
         * @return this
         */
        public Builder part(int total, int number) {
            pkTotal = total;
            pkNumber = number;
            return this;
        }

        /** @param value Registered_Delivery @return this */
        public Builder registeredDelivery(int value) {
            registeredDelivery = value;
            return this;
        }

        /** @param value Msg_level @return this */
        public Builder msgLevel(int value) {
            msgLevel = value;
            return this;
        }

        /** @param value Service_Id @return this */
        public Builder serviceId(String value) {
            serviceId = value;
            return this;
        }

        /**
         * Fee_UserType, Fee_terminal_Id and Fee_terminal_type.
         *
         * @param userType Fee_UserType
         * @param terminalId Fee_terminal_Id
         * @param terminalType Fee_terminal_type
         * @return this
         */
        public Builder fee(int userType, String terminalId, int terminalType) {
            feeUserType = userType;
            feeTerminalId = terminalId;
            feeTerminalType = terminalType;
            return this;
        }

        /** @param value TP_pId @return this */
        public Builder tpPid(int value) {
            tpPid = value;
            return this;
        }

        /** @param value TP_udhi @return this */
        public Builder tpUdhi(int value) {
            tpUdhi = value;
            return this;
        }

        /** @param value Msg_Fmt @return this */
        public Builder msgFmt(int value) {
            msgFmt = value;
            return this;
        }

        /** @param value Msg_src @return this */
        public Builder msgSrc(String value) {
            msgSrc = value;
            return this;
        }

        /**
         * FeeType and FeeCode.
         *
         * @param type FeeType
         * @param code FeeCode
         * @return this
         */
        public Builder feeType(String type, String code) {
            feeType = type;
            feeCode = code;
            return this;
        }

        /** @param value ValId_Time @return this */
        public Builder validTime(String value) {
            validTime = value;
            return this;
        }

        /** @param value At_Time @return this */
        public Builder atTime(String value) {
            atTime = value;
            return this;
        }

        /** @param value Src_Id @return this */
        public Builder srcId(String value) {
            srcId = value;
            return this;
        }

        /**
         * Dest_terminal_Id and Dest_terminal_type.
         *
         * @param ids the recipients
         * @param type Dest_terminal_type
         * @return this
         */
        public Builder destTerminalIds(List<String> ids, int type) {
            destTerminalIds = ids;
            destTerminalType = type;
            return this;
        }

        /** @param value Msg_Content (copied) @return this */
        public Builder msgContent(byte[] value) {
            msgContent = Octets.copy(value, "Msg_Content");
            return this;
        }

        /** @param value LinkID (3.0) or Reserve (2.0) @return this */
        public Builder linkId(String value) {
            linkId = value;
            return this;
        }

        /**
         * Builds the SUBMIT.
         *
         * @return the PDU
         */
        public Submit build() {
            return new Submit(
                    sequenceId,
                    msgId,
                    pkTotal,
                    pkNumber,
                    registeredDelivery,
                    msgLevel,
                    serviceId,
                    feeUserType,
                    feeTerminalId,
                    feeTerminalType,
                    tpPid,
                    tpUdhi,
                    msgFmt,
                    msgSrc,
                    feeType,
                    feeCode,
                    validTime,
                    atTime,
                    srcId,
                    destTerminalIds,
                    destTerminalType,
                    msgContent,
                    linkId);
        }
    }
}
