package io.remotebank.channels.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.smpp.pdu.CommandId;
import org.apiguardian.api.API;

/** How an ESME binds (SMPP v3.4 section 2.2): to send, to receive, or both. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum BindType {
    /** bind_transmitter: submits only. */
    TRANSMITTER(CommandId.BIND_TRANSMITTER),
    /** bind_receiver: receives delivery receipts and MO messages only. */
    RECEIVER(CommandId.BIND_RECEIVER),
    /** bind_transceiver: both. */
    TRANSCEIVER(CommandId.BIND_TRANSCEIVER);

    private final CommandId command;

    BindType(CommandId command) {
        this.command = command;
    }

    /** The bind command. */
    public CommandId command() {
        return command;
    }

    /** Whether this bind may submit. */
    public boolean transmits() {
        return this != RECEIVER;
    }

    /** Whether this bind receives deliver_sm. */
    public boolean receives() {
        return this != TRANSMITTER;
    }
}
