package io.remotebank.channels.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.smpp.pdu.PduException;
import io.remotebank.core.ErrorCode;
import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/** The error codes of the SMPP client, codec and simulator. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum SmppError implements ErrorCode {
    /** A PDU is malformed: its command status says what to answer. */
    PDU_INVALID("channels.smpp.pdu.invalid", "An SMPP PDU is malformed or violates the SMPP 3.4 field rules."),
    /** A configuration value is out of range. */
    CONFIG_INVALID("channels.smpp.config.invalid", "An SMPP client or simulator setting is out of range."),
    /** Text cannot be encoded in the chosen alphabet. */
    ENCODING_FAILED("channels.smpp.encoding.failed", "Text cannot be encoded in the requested alphabet."),
    /** The SMSC refused the bind with a status that binding again cannot change. */
    BIND_REFUSED(
            "channels.smpp.bind.refused",
            "The SMSC refused the bind for good (wrong password, system id or system type, or a bind command it"
                    + " does not serve): the client does not bind again."),
    /** The client is not bound: the SMSC was unreachable, did not answer the bind or refused it for now. */
    NOT_BOUND(
            "channels.smpp.not.bound",
            "The SMPP client is not bound: the SMSC could not be reached, did not answer the bind, or refused it"
                    + " for now; the client keeps trying."),
    /** A submission was not acknowledged in time. */
    SUBMIT_TIMEOUT(
            "channels.smpp.submit.timeout",
            "A submission was not acknowledged (submit_sm_resp) within the submit timeout."),
    /** The client or simulator has been closed. */
    CLOSED("channels.smpp.closed", "The SMPP client or simulator has been closed.");

    private final String code;
    private final String meaning;

    SmppError(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /**
     * A malformed PDU is a {@link PduException}, which carries the command status to answer; every
     * other SMPP code is a {@link SmppException}.
     */
    @Override
    public Class<? extends RbException> exceptionType() {
        return this == PDU_INVALID ? PduException.class : SmppException.class;
    }
}
