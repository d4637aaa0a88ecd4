package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One CMPP message between an SP and an ISMG (CMPP 3.0 section 7.4), without its 12-byte header's
 * length: the header's Command_Id is {@link #commandId()}, its Sequence_Id {@link #sequenceId()}
 * (an unsigned 32-bit number kept in an {@code int}; a response carries its request's). Numbers
 * that the standard calls Unsigned Integer of four bytes are {@code long}s in 0-4294967295.
 *
 * <p>{@code toString} shows no authenticator, terminal id or message text.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface CmppPdu
        permits CmppPdu.Connect,
                CmppPdu.ConnectResp,
                CmppPdu.Terminate,
                CmppPdu.TerminateResp,
                Submit,
                CmppPdu.SubmitResp,
                Deliver,
                CmppPdu.DeliverResp,
                CmppPdu.Query,
                CmppPdu.QueryResp,
                CmppPdu.Cancel,
                CmppPdu.CancelResp,
                CmppPdu.ActiveTest,
                CmppPdu.ActiveTestResp {

    /** The Command_Id of this message. */
    CommandId commandId();

    /** The Sequence_Id, an unsigned 32-bit number. */
    int sequenceId();

    /**
     * CMPP_CONNECT (section 7.4.1.1): Source_Addr (6), AuthenticatorSource (16), Version (1),
     * Timestamp (4). The same layout in 2.0 and 3.0. Build one with {@link
     * CmppAuthenticator#connect(int, String, byte[], CmppVersion, java.time.LocalDateTime)}.
     *
     * @param sequenceId the Sequence_Id
     * @param sourceAddr the SP's enterprise code (SP_Id), up to 6 characters
     * @param authenticatorSource MD5(Source_Addr + 9 zero bytes + shared secret + timestamp), 16 bytes
     * @param version the version byte the SP asks for (0x30 for 3.0, 0x20 for 2.0)
     * @param timestamp MMDDHHMMSS as a decimal number, 0-4294967295
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Connect(int sequenceId, String sourceAddr, byte[] authenticatorSource, int version, long timestamp)
            implements CmppPdu {

        /** Validates the fields and copies the authenticator. */
        public Connect {
            Octets.octetString(sourceAddr, 6, "Source_Addr");
            Arguments.length(authenticatorSource, 16, 16, "AuthenticatorSource");
            authenticatorSource = authenticatorSource.clone();
            Octets.unsignedByte(version, "Version");
            Octets.unsignedInt(timestamp, "Timestamp");
        }

        @Override
        public CommandId commandId() {
            return CommandId.CONNECT;
        }

        /** A copy of the authenticator. */
        @Override
        public byte[] authenticatorSource() {
            return authenticatorSource.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Connect c
                    && c.sequenceId == sequenceId
                    && c.sourceAddr.equals(sourceAddr)
                    && MessageDigest.isEqual(c.authenticatorSource, authenticatorSource)
                    && c.version == version
                    && c.timestamp == timestamp;
        }

        @Override
        public int hashCode() {
            return Octets.hash(List.of(sequenceId, sourceAddr, version, timestamp), authenticatorSource);
        }

        @Override
        public String toString() {
            return "Connect[#" + Integer.toUnsignedString(sequenceId) + " " + sourceAddr + ", version 0x"
                    + Integer.toHexString(version) + ", timestamp " + timestamp + ", authenticator ****]";
        }
    }

    /**
     * CMPP_CONNECT_RESP (section 7.4.1.2): Status (4 bytes in 3.0, 1 in 2.0), AuthenticatorISMG
     * (16), Version (1). Status 0 is success; 1 a structure error, 2 an illegal source address, 3 a
     * failed authentication, 4 a version too high, 5 and above other errors.
     *
     * @param sequenceId the CONNECT's Sequence_Id
     * @param status the status
     * @param authenticatorIsmg MD5(Status + AuthenticatorSource + shared secret), 16 bytes
     * @param version the highest version the ISMG supports
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ConnectResp(int sequenceId, long status, byte[] authenticatorIsmg, int version) implements CmppPdu {

        /** Validates the fields and copies the authenticator. */
        public ConnectResp {
            Octets.unsignedInt(status, "Status");
            Arguments.length(authenticatorIsmg, 16, 16, "AuthenticatorISMG");
            authenticatorIsmg = authenticatorIsmg.clone();
            Octets.unsignedByte(version, "Version");
        }

        @Override
        public CommandId commandId() {
            return CommandId.CONNECT_RESP;
        }

        /** A copy of the authenticator. */
        @Override
        public byte[] authenticatorIsmg() {
            return authenticatorIsmg.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConnectResp c
                    && c.sequenceId == sequenceId
                    && c.status == status
                    && Arrays.equals(c.authenticatorIsmg, authenticatorIsmg)
                    && c.version == version;
        }

        @Override
        public int hashCode() {
            return Octets.hash(List.of(sequenceId, status, version), authenticatorIsmg);
        }

        @Override
        public String toString() {
            return "ConnectResp[#" + Integer.toUnsignedString(sequenceId) + " status " + status + ", version 0x"
                    + Integer.toHexString(version) + ", authenticator ****]";
        }
    }

    /**
     * CMPP_TERMINATE (section 7.4.2.1): no body.
     *
     * @param sequenceId the Sequence_Id
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Terminate(int sequenceId) implements CmppPdu {
        @Override
        public CommandId commandId() {
            return CommandId.TERMINATE;
        }
    }

    /**
     * CMPP_TERMINATE_RESP (section 7.4.2.2): no body.
     *
     * @param sequenceId the TERMINATE's Sequence_Id
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record TerminateResp(int sequenceId) implements CmppPdu {
        @Override
        public CommandId commandId() {
            return CommandId.TERMINATE_RESP;
        }
    }

    /**
     * CMPP_SUBMIT_RESP (section 7.4.3.2): Msg_Id (8), Result (4 bytes in 3.0, 1 in 2.0). Result 0 is
     * success; 1 a structure error, 2 a bad command word, 3 a repeated sequence number, 4 a bad
     * message length, 5 a bad fee code, 6 a message too long, 7 a bad service id, 8 flow control
     * (too fast), 9 and above other errors (3.0 adds 10-13 for bad Src_Id, Msg_src, Fee_terminal_Id
     * and Dest_terminal_Id).
     *
     * @param sequenceId the SUBMIT's Sequence_Id
     * @param msgId the ISMG's Msg_Id (see {@link MsgId#fromLong(long)})
     * @param result the result
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record SubmitResp(int sequenceId, long msgId, long result) implements CmppPdu {

        /** Validates the result. */
        public SubmitResp {
            Octets.unsignedInt(result, "Result");
        }

        @Override
        public CommandId commandId() {
            return CommandId.SUBMIT_RESP;
        }
    }

    /**
     * CMPP_DELIVER_RESP (section 7.4.5.2): Msg_Id (8), Result (4 bytes in 3.0, 1 in 2.0). Result 0
     * is success; 1 a structure error, 2 a bad command word, 3 a repeated sequence number, 4 a bad
     * message length, 5 a bad fee code, 6 a message too long, 7 a bad service id, 8 flow control,
     * 9 and above other errors.
     *
     * @param sequenceId the DELIVER's Sequence_Id
     * @param msgId the DELIVER's Msg_Id
     * @param result the result
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record DeliverResp(int sequenceId, long msgId, long result) implements CmppPdu {

        /** Validates the result. */
        public DeliverResp {
            Octets.unsignedInt(result, "Result");
        }

        @Override
        public CommandId commandId() {
            return CommandId.DELIVER_RESP;
        }
    }

    /**
     * CMPP_QUERY (section 7.4.4.1): Time (8, YYYYMMDD), Query_Type (1: 0 totals, 1 by service),
     * Query_Code (10, the Service_Id when Query_Type is 1), Reserve (8).
     *
     * @param sequenceId the Sequence_Id
     * @param time the day, YYYYMMDD
     * @param queryType 0 or 1
     * @param queryCode the service id queried, or empty
     * @param reserve the reserved field, usually empty
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Query(int sequenceId, String time, int queryType, String queryCode, String reserve) implements CmppPdu {

        /** Validates the fields. */
        public Query {
            Octets.octetString(time, 8, "Time");
            Octets.flag(queryType, "Query_Type");
            Octets.octetString(queryCode, 10, "Query_Code");
            Octets.octetString(reserve, 8, "Reserve");
        }

        @Override
        public CommandId commandId() {
            return CommandId.QUERY;
        }
    }

    /**
     * CMPP_QUERY_RESP (section 7.4.4.2): Time (8), Query_Type (1), Query_Code (10), then eight
     * four-byte counters.
     *
     * @param sequenceId the QUERY's Sequence_Id
     * @param time the day, YYYYMMDD
     * @param queryType 0 or 1
     * @param queryCode the service id queried, or empty
     * @param mtTlMsg MT_TLMsg: messages received from the SP
     * @param mtTlUsr MT_Tlusr: users they were for
     * @param mtScs MT_Scs: forwarded successfully
     * @param mtWt MT_WT: waiting to be forwarded
     * @param mtFl MT_FL: failed to forward
     * @param moScs MO_Scs: delivered to the SP successfully
     * @param moWt MO_WT: waiting for the SP
     * @param moFl MO_FL: failed to reach the SP
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record QueryResp(
            int sequenceId,
            String time,
            int queryType,
            String queryCode,
            long mtTlMsg,
            long mtTlUsr,
            long mtScs,
            long mtWt,
            long mtFl,
            long moScs,
            long moWt,
            long moFl)
            implements CmppPdu {

        /** Validates the fields. */
        public QueryResp {
            Octets.octetString(time, 8, "Time");
            Octets.flag(queryType, "Query_Type");
            Octets.octetString(queryCode, 10, "Query_Code");
            for (long counter : new long[] {mtTlMsg, mtTlUsr, mtScs, mtWt, mtFl, moScs, moWt, moFl}) {
                Octets.unsignedInt(counter, "QUERY_RESP counter");
            }
        }

        @Override
        public CommandId commandId() {
            return CommandId.QUERY_RESP;
        }
    }

    /**
     * CMPP_CANCEL (section 7.4.6.1): Msg_Id (8) of the message to withdraw.
     *
     * @param sequenceId the Sequence_Id
     * @param msgId the Msg_Id the SUBMIT_RESP gave
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Cancel(int sequenceId, long msgId) implements CmppPdu {
        @Override
        public CommandId commandId() {
            return CommandId.CANCEL;
        }
    }

    /**
     * CMPP_CANCEL_RESP (section 7.4.6.2): Success_Id (4 bytes in 3.0, 1 in 2.0), 0 success, 1 failure.
     *
     * @param sequenceId the CANCEL's Sequence_Id
     * @param successId 0 or 1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record CancelResp(int sequenceId, long successId) implements CmppPdu {

        /** Validates the field. */
        public CancelResp {
            Octets.unsignedInt(successId, "Success_Id");
        }

        @Override
        public CommandId commandId() {
            return CommandId.CANCEL_RESP;
        }
    }

    /**
     * CMPP_ACTIVE_TEST (section 7.4.7.1): no body.
     *
     * @param sequenceId the Sequence_Id
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ActiveTest(int sequenceId) implements CmppPdu {
        @Override
        public CommandId commandId() {
            return CommandId.ACTIVE_TEST;
        }
    }

    /**
     * CMPP_ACTIVE_TEST_RESP (section 7.4.7.2): Reserved (1).
     *
     * @param sequenceId the ACTIVE_TEST's Sequence_Id
     * @param reserved the reserved byte, usually 0
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ActiveTestResp(int sequenceId, int reserved) implements CmppPdu {

        /** Validates the field. */
        public ActiveTestResp {
            Octets.unsignedByte(reserved, "Reserved");
        }

        @Override
        public CommandId commandId() {
            return CommandId.ACTIVE_TEST_RESP;
        }
    }
}
