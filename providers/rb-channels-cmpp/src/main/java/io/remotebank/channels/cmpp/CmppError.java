package io.remotebank.channels.cmpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ErrorCode;
import org.apiguardian.api.API;

/**
 * The error codes of the CMPP codec. Each malformed input is refused with the most specific one, so
 * that a peer's fault can be told from ours in a log or a metric.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CmppError implements ErrorCode {
    /** Total_Length is below the 12-byte header or above the decoder's limit: the stream cannot be framed. */
    FRAME_LENGTH_INVALID(
            "channels.cmpp.frame.length-invalid",
            "A CMPP Total_Length is below the 12-byte header or above the configured limit; the connection"
                    + " cannot be read further."),
    /** The Command_Id is none of the protocol's. */
    COMMAND_UNKNOWN("channels.cmpp.command.unknown", "A CMPP Command_Id is not one this codec knows."),
    /** The body is shorter or longer than the command's fixed layout in this protocol version. */
    BODY_LENGTH_INVALID(
            "channels.cmpp.body.length-invalid",
            "A CMPP message body does not have the length its command's layout requires in this version."),
    /** A length field (Msg_Length, DestUsr_tl) disagrees with the bytes that follow or with its range. */
    FIELD_LENGTH_INVALID(
            "channels.cmpp.field.length-invalid",
            "A CMPP length field (Msg_Length, DestUsr_tl) is out of its range or disagrees with the body."),
    /** A field holds a value outside its allowed set (a flag that is neither 0 nor 1, a bad Version). */
    FIELD_VALUE_INVALID(
            "channels.cmpp.field.value-invalid", "A CMPP field holds a value outside the set the protocol allows."),
    /** A Msg_Id's time fields are out of range (month 13, second 60, ...). */
    MSG_ID_INVALID("channels.cmpp.msg-id.invalid", "A CMPP Msg_Id has a time field out of range."),
    /** A status report carried in a CMPP_DELIVER has the wrong length or fields. */
    REPORT_INVALID(
            "channels.cmpp.report.invalid",
            "A CMPP status report (a DELIVER with Registered_Delivery 1) is malformed."),
    /** A TP_udhi user data header is truncated or its concatenation element is inconsistent. */
    UDH_INVALID(
            "channels.cmpp.udh.invalid",
            "A user data header (TP_udhi 1) is truncated or its concatenation element is inconsistent."),
    /** Text cannot be represented in the chosen Msg_Fmt, or does not fit the protocol's limits. */
    ENCODING_FAILED(
            "channels.cmpp.encoding.failed",
            "Text cannot be encoded in the requested Msg_Fmt, or is too long for a concatenated message."),
    /** A field value given to the encoder does not fit its fixed width. */
    FIELD_TOO_LONG(
            "channels.cmpp.field.too-long",
            "A value given to the CMPP encoder is longer than its field's fixed width.");

    private final String code;
    private final String meaning;

    CmppError(String code, String meaning) {
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
