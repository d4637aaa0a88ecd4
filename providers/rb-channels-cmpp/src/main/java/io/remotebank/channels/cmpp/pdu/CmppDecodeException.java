package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A PDU that could not be decoded, with the header fields that could be read, so that the receiver
 * can answer the request with the protocol's own error (a SUBMIT_RESP or DELIVER_RESP with Result 1,
 * structure error, or 4, length error) or, when the framing is lost, close the connection.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CmppDecodeException extends CmppException {

    private static final long serialVersionUID = 1L;

    private final int commandId;
    private final int sequenceId;
    private final boolean framingLost;

    /**
     * Creates an exception.
     *
     * @param code what is wrong
     * @param commandId the Command_Id as read, 0 if none
     * @param sequenceId the Sequence_Id as read, 0 if none
     * @param framingLost whether the byte stream cannot be read further
     * @param message the details, without personal data
     * @param cause the underlying failure, or null
     */
    public CmppDecodeException(
            CmppError code, int commandId, int sequenceId, boolean framingLost, String message, Throwable cause) {
        super(code, message, cause);
        this.commandId = commandId;
        this.sequenceId = sequenceId;
        this.framingLost = framingLost;
    }

    /** The raw Command_Id of the refused PDU (0 if the header was unreadable). */
    public int commandId() {
        return commandId;
    }

    /** The Sequence_Id of the refused PDU, for the answer. */
    public int sequenceId() {
        return sequenceId;
    }

    /** Whether the stream lost its framing: the connection must close. */
    public boolean framingLost() {
        return framingLost;
    }

    /**
     * The answer the protocol gives to a refused request whose response carries a result (CMPP 3.0
     * sections 7.4.3.2 and 7.4.5.2): a SUBMIT_RESP or DELIVER_RESP with Result 4 for a length error or
     * 1 for any other structure error, and a CONNECT_RESP with Status 1; nothing for the other
     * commands, for responses (answering one would loop) and when the framing is lost.
     *
     * @return the answer to send, if any
     */
    public Optional<CmppPdu> answer() {
        if (framingLost) {
            return Optional.empty();
        }
        long result = code() == CmppError.BODY_LENGTH_INVALID || code() == CmppError.FIELD_LENGTH_INVALID ? 4 : 1;
        if (commandId == CommandId.SUBMIT.code()) {
            return Optional.of(new CmppPdu.SubmitResp(sequenceId, 0, result));
        }
        if (commandId == CommandId.DELIVER.code()) {
            return Optional.of(new CmppPdu.DeliverResp(sequenceId, 0, result));
        }
        if (commandId == CommandId.CONNECT.code()) {
            return Optional.of(new CmppPdu.ConnectResp(sequenceId, 1, new byte[16], 0));
        }
        return Optional.empty();
    }
}
