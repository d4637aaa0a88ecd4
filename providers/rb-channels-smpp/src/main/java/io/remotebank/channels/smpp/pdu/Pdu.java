package io.remotebank.channels.smpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One SMPP 3.4 protocol data unit: the header's command id, command status and sequence number,
 * and the body of its command (SMPP v3.4 section 4). Each case is an immutable record; byte arrays
 * (short messages) belong to the PDU and are not copied, so do not change them after building one.
 * {@code toString} shows no password, address or message text.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Pdu {

    /** The command id. */
    CommandId commandId();

    /** The command status: 0 for requests. */
    default int status() {
        return 0;
    }

    /** The sequence number, which a response repeats. */
    int sequence();

    private static void expect(CommandId id, String what, CommandId... allowed) {
        for (CommandId a : allowed) {
            if (a == id) {
                return;
            }
        }
        throw new PduException(CommandStatus.ESME_RINVCMDID, id.code(), 0, false, what + " cannot carry " + id);
    }

    /**
     * bind_transmitter, bind_receiver or bind_transceiver (4.1.1, 4.1.3, 4.1.5).
     *
     * @param commandId which bind
     * @param sequence the sequence number
     * @param systemId the ESME's system id, at most 15 characters
     * @param password the password, at most 8 characters; never shown
     * @param systemType the system type, at most 12 characters
     * @param interfaceVersion 0x34 for SMPP 3.4
     * @param addressRange the addresses served (receivers), at most 40 characters
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Bind(
            CommandId commandId,
            int sequence,
            String systemId,
            String password,
            String systemType,
            int interfaceVersion,
            SmeAddress addressRange)
            implements Pdu {
        /** Validates the PDU. */
        public Bind {
            expect(
                    commandId,
                    "a bind",
                    CommandId.BIND_TRANSMITTER,
                    CommandId.BIND_RECEIVER,
                    CommandId.BIND_TRANSCEIVER);
            Arguments.notNull(systemId, "system id");
            Arguments.notNull(password, "password");
            Arguments.notNull(systemType, "system type");
            Arguments.notNull(addressRange, "address range");
        }

        @Override
        public String toString() {
            return "Bind[" + commandId + " #" + sequence + " " + systemId + ", password ****]";
        }
    }

    /**
     * The answer to a bind (4.1.2, 4.1.4, 4.1.6).
     *
     * @param commandId which bind response
     * @param status the command status
     * @param sequence the bind's sequence number
     * @param systemId the SMSC's system id
     * @param tlvs optional parameters (sc_interface_version)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record BindResp(CommandId commandId, int status, int sequence, String systemId, List<Tlv> tlvs) implements Pdu {
        /** Validates the PDU. */
        public BindResp {
            expect(
                    commandId,
                    "a bind response",
                    CommandId.BIND_TRANSMITTER_RESP,
                    CommandId.BIND_RECEIVER_RESP,
                    CommandId.BIND_TRANSCEIVER_RESP);
            Arguments.notNull(systemId, "system id");
            tlvs = List.copyOf(tlvs);
        }
    }

    /**
     * outbind: the SMSC asks the ESME to bind as a receiver (4.1.7).
     *
     * @param sequence the sequence number
     * @param systemId the SMSC's system id
     * @param password the password; never shown
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Outbind(int sequence, String systemId, String password) implements Pdu {
        /** Validates the PDU. */
        public Outbind {
            Arguments.notNull(systemId, "system id");
            Arguments.notNull(password, "password");
        }

        @Override
        public CommandId commandId() {
            return CommandId.OUTBIND;
        }

        @Override
        public String toString() {
            return "Outbind[#" + sequence + " " + systemId + ", password ****]";
        }
    }

    /**
     * A PDU that is a header alone: unbind, unbind_resp, enquire_link, enquire_link_resp,
     * generic_nack, cancel_sm_resp, replace_sm_resp (4.2, 4.3, 4.11, 4.10.2, 4.12.2).
     *
     * @param commandId the command
     * @param status the command status
     * @param sequence the sequence number
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record HeaderOnly(CommandId commandId, int status, int sequence) implements Pdu {
        /** Validates the PDU. */
        public HeaderOnly {
            expect(
                    commandId,
                    "a header-only PDU",
                    CommandId.UNBIND,
                    CommandId.UNBIND_RESP,
                    CommandId.ENQUIRE_LINK,
                    CommandId.ENQUIRE_LINK_RESP,
                    CommandId.GENERIC_NACK,
                    CommandId.CANCEL_SM_RESP,
                    CommandId.REPLACE_SM_RESP);
        }
    }

    /**
     * submit_sm (4.4.1) or deliver_sm (4.6.1), which share one layout.
     *
     * @param commandId submit_sm or deliver_sm
     * @param sequence the sequence number
     * @param serviceType the service type, at most 5 characters
     * @param source the source address (at most 20 characters)
     * @param destination the destination address (at most 20 characters)
     * @param esmClass the esm_class (message mode and type, UDHI 0x40; 0x04 a delivery receipt)
     * @param protocolId the protocol_id
     * @param priorityFlag the priority_flag
     * @param scheduleDeliveryTime empty or the 16-character time format
     * @param validityPeriod empty or the 16-character time format
     * @param registeredDelivery the registered_delivery flags
     * @param replaceIfPresent the replace_if_present_flag
     * @param dataCoding the data_coding scheme
     * @param smDefaultMsgId the sm_default_msg_id
     * @param shortMessage the short_message octets (at most 254; the UDH included), not copied
     * @param tlvs optional parameters
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ShortMessage(
            CommandId commandId,
            int sequence,
            String serviceType,
            SmeAddress source,
            SmeAddress destination,
            int esmClass,
            int protocolId,
            int priorityFlag,
            String scheduleDeliveryTime,
            String validityPeriod,
            int registeredDelivery,
            int replaceIfPresent,
            int dataCoding,
            int smDefaultMsgId,
            byte[] shortMessage,
            List<Tlv> tlvs)
            implements Pdu, MessageFields {
        /** Validates the PDU. */
        public ShortMessage {
            expect(commandId, "a short message", CommandId.SUBMIT_SM, CommandId.DELIVER_SM);
            Arguments.notNull(serviceType, "service type");
            Arguments.notNull(source, "source");
            Arguments.notNull(destination, "destination");
            Arguments.notNull(scheduleDeliveryTime, "schedule delivery time");
            Arguments.notNull(validityPeriod, "validity period");
            Arguments.notNull(shortMessage, "short message");
            Arguments.inRange(shortMessage.length, 0, 254, "short message length");
            tlvs = List.copyOf(tlvs);
        }

        @Override
        public String toString() {
            return "ShortMessage[" + commandId + " #" + sequence + " to " + destination + ", esm_class " + esmClass
                    + ", data_coding " + dataCoding + ", " + shortMessage.length + " octets, " + tlvs.size()
                    + " TLVs]";
        }
    }

    /**
     * A response carrying a message id: submit_sm_resp (4.4.2), deliver_sm_resp (4.6.2, message id
     * unused and empty) or data_sm_resp (4.7.2, with TLVs).
     *
     * @param commandId which response
     * @param status the command status
     * @param sequence the request's sequence number
     * @param messageId the SMSC's message id, at most 64 characters
     * @param tlvs optional parameters (data_sm_resp only)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record MessageIdResp(CommandId commandId, int status, int sequence, String messageId, List<Tlv> tlvs)
            implements Pdu {
        /** Validates the PDU. */
        public MessageIdResp {
            expect(
                    commandId,
                    "a message id response",
                    CommandId.SUBMIT_SM_RESP,
                    CommandId.DELIVER_SM_RESP,
                    CommandId.DATA_SM_RESP);
            Arguments.notNull(messageId, "message id");
            tlvs = List.copyOf(tlvs);
        }
    }

    /** A destination of submit_multi (4.5.1.1). */
    @API(status = EXPERIMENTAL, since = "0.1")
    sealed interface Destination {
        /**
         * An SME address (dest_flag 1).
         *
         * @param address the address
         */
        @API(status = EXPERIMENTAL, since = "0.1")
        record Sme(SmeAddress address) implements Destination {
            /** Validates. */
            public Sme {
                Arguments.notNull(address, "address");
            }
        }

        /**
         * A distribution list name (dest_flag 2).
         *
         * @param name the name, at most 20 characters
         */
        @API(status = EXPERIMENTAL, since = "0.1")
        record DistributionList(String name) implements Destination {
            /** Validates. */
            public DistributionList {
                Arguments.notNull(name, "name");
            }
        }
    }

    /**
     * submit_multi (4.5.1).
     *
     * @param sequence the sequence number
     * @param serviceType the service type
     * @param source the source address
     * @param destinations 1-254 destinations
     * @param esmClass the esm_class
     * @param protocolId the protocol_id
     * @param priorityFlag the priority_flag
     * @param scheduleDeliveryTime empty or the time format
     * @param validityPeriod empty or the time format
     * @param registeredDelivery the registered_delivery flags
     * @param replaceIfPresent the replace_if_present_flag
     * @param dataCoding the data_coding
     * @param smDefaultMsgId the sm_default_msg_id
     * @param shortMessage the short_message, not copied
     * @param tlvs optional parameters
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record SubmitMulti(
            int sequence,
            String serviceType,
            SmeAddress source,
            List<Destination> destinations,
            int esmClass,
            int protocolId,
            int priorityFlag,
            String scheduleDeliveryTime,
            String validityPeriod,
            int registeredDelivery,
            int replaceIfPresent,
            int dataCoding,
            int smDefaultMsgId,
            byte[] shortMessage,
            List<Tlv> tlvs)
            implements Pdu, MessageFields {
        /** Validates the PDU. */
        public SubmitMulti {
            Arguments.notNull(serviceType, "service type");
            Arguments.notNull(source, "source");
            destinations = List.copyOf(destinations);
            Arguments.inRange(destinations.size(), 1, 254, "number of destinations");
            Arguments.notNull(scheduleDeliveryTime, "schedule delivery time");
            Arguments.notNull(validityPeriod, "validity period");
            Arguments.notNull(shortMessage, "short message");
            Arguments.inRange(shortMessage.length, 0, 254, "short message length");
            tlvs = List.copyOf(tlvs);
        }

        @Override
        public CommandId commandId() {
            return CommandId.SUBMIT_MULTI;
        }

        @Override
        public String toString() {
            return "SubmitMulti[#" + sequence + " to " + destinations.size() + " destinations, " + shortMessage.length
                    + " octets]";
        }
    }

    /**
     * A destination submit_multi could not take (4.5.2.1).
     *
     * @param address the address
     * @param errorStatus the command status explaining why
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record UnsuccessfulSme(SmeAddress address, int errorStatus) {
        /** Validates. */
        public UnsuccessfulSme {
            Arguments.notNull(address, "address");
        }
    }

    /**
     * submit_multi_resp (4.5.2).
     *
     * @param status the command status
     * @param sequence the request's sequence number
     * @param messageId the SMSC's message id
     * @param unsuccessful the destinations not taken
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record SubmitMultiResp(int status, int sequence, String messageId, List<UnsuccessfulSme> unsuccessful)
            implements Pdu {
        /** Validates the PDU. */
        public SubmitMultiResp {
            Arguments.notNull(messageId, "message id");
            unsuccessful = List.copyOf(unsuccessful);
            Arguments.inRange(unsuccessful.size(), 0, 255, "no_unsuccess");
        }

        @Override
        public CommandId commandId() {
            return CommandId.SUBMIT_MULTI_RESP;
        }
    }

    /**
     * data_sm (4.7.1): the message in the message_payload TLV.
     *
     * @param sequence the sequence number
     * @param serviceType the service type
     * @param source the source address (at most 64 characters)
     * @param destination the destination address (at most 64 characters)
     * @param esmClass the esm_class
     * @param registeredDelivery the registered_delivery flags
     * @param dataCoding the data_coding
     * @param tlvs optional parameters
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record DataSm(
            int sequence,
            String serviceType,
            SmeAddress source,
            SmeAddress destination,
            int esmClass,
            int registeredDelivery,
            int dataCoding,
            List<Tlv> tlvs)
            implements Pdu {
        /** Validates the PDU. */
        public DataSm {
            Arguments.notNull(serviceType, "service type");
            Arguments.notNull(source, "source");
            Arguments.notNull(destination, "destination");
            tlvs = List.copyOf(tlvs);
        }

        @Override
        public CommandId commandId() {
            return CommandId.DATA_SM;
        }
    }

    /**
     * query_sm (4.8.1).
     *
     * @param sequence the sequence number
     * @param messageId the message id to query
     * @param source the original source address
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record QuerySm(int sequence, String messageId, SmeAddress source) implements Pdu {
        /** Validates the PDU. */
        public QuerySm {
            Arguments.notNull(messageId, "message id");
            Arguments.notNull(source, "source");
        }

        @Override
        public CommandId commandId() {
            return CommandId.QUERY_SM;
        }
    }

    /**
     * query_sm_resp (4.8.2).
     *
     * @param status the command status
     * @param sequence the request's sequence number
     * @param messageId the message id
     * @param finalDate empty or the time the message reached its final state
     * @param messageState the message_state (5.2.28)
     * @param errorCode the network error code
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record QuerySmResp(int status, int sequence, String messageId, String finalDate, int messageState, int errorCode)
            implements Pdu {
        /** Validates the PDU. */
        public QuerySmResp {
            Arguments.notNull(messageId, "message id");
            Arguments.notNull(finalDate, "final date");
        }

        @Override
        public CommandId commandId() {
            return CommandId.QUERY_SM_RESP;
        }
    }

    /**
     * cancel_sm (4.9.1).
     *
     * @param sequence the sequence number
     * @param serviceType the service type
     * @param messageId the message id, or empty to cancel by addresses
     * @param source the source address
     * @param destination the destination address
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record CancelSm(int sequence, String serviceType, String messageId, SmeAddress source, SmeAddress destination)
            implements Pdu {
        /** Validates the PDU. */
        public CancelSm {
            Arguments.notNull(serviceType, "service type");
            Arguments.notNull(messageId, "message id");
            Arguments.notNull(source, "source");
            Arguments.notNull(destination, "destination");
        }

        @Override
        public CommandId commandId() {
            return CommandId.CANCEL_SM;
        }
    }

    /**
     * replace_sm (4.10.1).
     *
     * @param sequence the sequence number
     * @param messageId the message to replace
     * @param source the original source address
     * @param scheduleDeliveryTime empty or the time format
     * @param validityPeriod empty or the time format
     * @param registeredDelivery the registered_delivery flags
     * @param smDefaultMsgId the sm_default_msg_id
     * @param shortMessage the new short_message, not copied
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ReplaceSm(
            int sequence,
            String messageId,
            SmeAddress source,
            String scheduleDeliveryTime,
            String validityPeriod,
            int registeredDelivery,
            int smDefaultMsgId,
            byte[] shortMessage)
            implements Pdu {
        /** Validates the PDU. */
        public ReplaceSm {
            Arguments.notNull(messageId, "message id");
            Arguments.notNull(source, "source");
            Arguments.notNull(scheduleDeliveryTime, "schedule delivery time");
            Arguments.notNull(validityPeriod, "validity period");
            Arguments.notNull(shortMessage, "short message");
            Arguments.inRange(shortMessage.length, 0, 254, "short message length");
        }

        @Override
        public CommandId commandId() {
            return CommandId.REPLACE_SM;
        }

        @Override
        public String toString() {
            return "ReplaceSm[#" + sequence + " " + messageId + ", " + shortMessage.length + " octets]";
        }
    }

    /**
     * alert_notification (4.12.1): a mobile became available.
     *
     * @param sequence the sequence number
     * @param source the mobile's address (at most 64 characters)
     * @param esme the ESME address that asked to be told (at most 64 characters)
     * @param tlvs optional parameters (ms_availability_status)
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record AlertNotification(int sequence, SmeAddress source, SmeAddress esme, List<Tlv> tlvs) implements Pdu {
        /** Validates the PDU. */
        public AlertNotification {
            Arguments.notNull(source, "source");
            Arguments.notNull(esme, "esme");
            tlvs = List.copyOf(tlvs);
        }

        @Override
        public CommandId commandId() {
            return CommandId.ALERT_NOTIFICATION;
        }
    }
}
