package io.remotebank.channels.smpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ErrorCode;
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
}
