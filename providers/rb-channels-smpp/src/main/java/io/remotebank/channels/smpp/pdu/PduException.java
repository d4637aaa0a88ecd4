package io.remotebank.channels.smpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.smpp.SmppError;
import io.remotebank.channels.smpp.SmppException;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A PDU that could not be decoded or encoded, with the command status the receiver answers (SMPP
 * v3.4 section 5.1.3) and the header fields that were readable. {@link #answer()} is the PDU to send
 * back: generic_nack for a bad command length or an unknown command id, else the command's response
 * carrying the status.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PduException extends SmppException {

    private static final long serialVersionUID = 1L;

    private final int commandStatus;
    private final int commandId;
    private final int sequence;
    private final boolean framingLost;

    /**
     * Creates an exception.
     *
     * @param commandStatus the status to answer, e.g. {@link CommandStatus#ESME_RINVCMDLEN}
     * @param commandId the command id read from the header (0 if none)
     * @param sequence the sequence number read from the header (0 if none)
     * @param framingLost whether the stream cannot be read further (a bad command_length)
     * @param message what is wrong, without personal data
     */
    public PduException(CommandStatus commandStatus, int commandId, int sequence, boolean framingLost, String message) {
        super(SmppError.PDU_INVALID, commandStatus.name() + ": " + message);
        this.commandStatus = commandStatus.code();
        this.commandId = commandId;
        this.sequence = sequence;
        this.framingLost = framingLost;
    }

    /** The command status to answer. */
    public int commandStatus() {
        return commandStatus;
    }

    /** The command id of the PDU, as read (0 if the header was unreadable). */
    public int commandId() {
        return commandId;
    }

    /** The sequence number of the PDU, as read. */
    public int sequence() {
        return sequence;
    }

    /** Whether the byte stream lost its framing (the connection should close after the answer). */
    public boolean framingLost() {
        return framingLost;
    }

    /**
     * What to send back: nothing for a response (answering one would loop), generic_nack for a bad
     * length or unknown command, else the command's response with the status.
     *
     * @return the answer
     */
    public Optional<Pdu> answer() {
        Optional<CommandId> id = CommandId.of(commandId);
        if (id.isPresent() && id.get().isResponse()) {
            return Optional.empty();
        }
        if (commandStatus == CommandStatus.ESME_RINVCMDLEN.code()
                || commandStatus == CommandStatus.ESME_RINVCMDID.code()
                || id.isEmpty()
                || id.get().response().isEmpty()) {
            return Optional.of(new Pdu.HeaderOnly(CommandId.GENERIC_NACK, commandStatus, sequence));
        }
        CommandId resp = id.get().response().orElseThrow();
        return Optional.of(
                switch (resp) {
                    case BIND_RECEIVER_RESP, BIND_TRANSMITTER_RESP, BIND_TRANSCEIVER_RESP ->
                        new Pdu.BindResp(resp, commandStatus, sequence, "", List.of());
                    case SUBMIT_SM_RESP, DELIVER_SM_RESP, DATA_SM_RESP ->
                        new Pdu.MessageIdResp(resp, commandStatus, sequence, "", List.of());
                    case SUBMIT_MULTI_RESP -> new Pdu.SubmitMultiResp(commandStatus, sequence, "", List.of());
                    case QUERY_SM_RESP -> new Pdu.QuerySmResp(commandStatus, sequence, "", "", 0, 0);
                    default -> new Pdu.HeaderOnly(resp, commandStatus, sequence);
                });
    }
}
