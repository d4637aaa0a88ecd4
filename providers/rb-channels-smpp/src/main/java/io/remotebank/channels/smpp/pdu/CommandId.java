package io.remotebank.channels.smpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/** The SMPP 3.4 command ids (SMPP v3.4 section 5.1.2.1). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CommandId {
    /** generic_nack. */
    GENERIC_NACK(0x80000000),
    /** bind_receiver. */
    BIND_RECEIVER(0x00000001),
    /** bind_receiver_resp. */
    BIND_RECEIVER_RESP(0x80000001),
    /** bind_transmitter. */
    BIND_TRANSMITTER(0x00000002),
    /** bind_transmitter_resp. */
    BIND_TRANSMITTER_RESP(0x80000002),
    /** query_sm. */
    QUERY_SM(0x00000003),
    /** query_sm_resp. */
    QUERY_SM_RESP(0x80000003),
    /** submit_sm. */
    SUBMIT_SM(0x00000004),
    /** submit_sm_resp. */
    SUBMIT_SM_RESP(0x80000004),
    /** deliver_sm. */
    DELIVER_SM(0x00000005),
    /** deliver_sm_resp. */
    DELIVER_SM_RESP(0x80000005),
    /** unbind. */
    UNBIND(0x00000006),
    /** unbind_resp. */
    UNBIND_RESP(0x80000006),
    /** replace_sm. */
    REPLACE_SM(0x00000007),
    /** replace_sm_resp. */
    REPLACE_SM_RESP(0x80000007),
    /** cancel_sm. */
    CANCEL_SM(0x00000008),
    /** cancel_sm_resp. */
    CANCEL_SM_RESP(0x80000008),
    /** bind_transceiver. */
    BIND_TRANSCEIVER(0x00000009),
    /** bind_transceiver_resp. */
    BIND_TRANSCEIVER_RESP(0x80000009),
    /** outbind. */
    OUTBIND(0x0000000B),
    /** enquire_link. */
    ENQUIRE_LINK(0x00000015),
    /** enquire_link_resp. */
    ENQUIRE_LINK_RESP(0x80000015),
    /** submit_multi. */
    SUBMIT_MULTI(0x00000021),
    /** submit_multi_resp. */
    SUBMIT_MULTI_RESP(0x80000021),
    /** alert_notification. */
    ALERT_NOTIFICATION(0x00000102),
    /** data_sm. */
    DATA_SM(0x00000103),
    /** data_sm_resp. */
    DATA_SM_RESP(0x80000103);

    private static final int RESPONSE_BIT = 0x80000000;

    private final int code;

    CommandId(int code) {
        this.code = code;
    }

    /** The 4-octet command_id. */
    public int code() {
        return code;
    }

    /** Whether this is a response (the top bit set), generic_nack included. */
    public boolean isResponse() {
        return (code & RESPONSE_BIT) != 0;
    }

    /**
     * The response to this request, e.g. submit_sm_resp for submit_sm; empty for responses, outbind
     * and alert_notification, which have none.
     *
     * @return the response's command id
     */
    public Optional<CommandId> response() {
        if (isResponse() || this == OUTBIND || this == ALERT_NOTIFICATION) {
            return Optional.empty();
        }
        return of(code | RESPONSE_BIT);
    }

    /**
     * The command with this code.
     *
     * @param code the 4-octet command_id
     * @return the command, empty for an unknown or reserved code
     */
    public static Optional<CommandId> of(int code) {
        for (CommandId id : values()) {
            if (id.code == code) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
