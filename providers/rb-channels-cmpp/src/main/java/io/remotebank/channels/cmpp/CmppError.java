package io.remotebank.channels.cmpp;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.cmpp.pdu.CmppDecodeException;
import io.remotebank.core.ErrorCode;
import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/**
 * The error codes of the CMPP codec. Each malformed input is refused with the most specific one, so
 * that a peer's fault can be told from ours in a log or a metric.
 *
 * <p>One code, one class: the codes of a received PDU that cannot be decoded (frame, command, body,
 * field length, field value) are thrown only as {@link CmppDecodeException},
 * which carries the header fields needed to answer; the codes of values our side builds or parses
 * (records, Msg_Id, status reports, user data headers, text) only as {@link CmppException}. A record
 * that refuses a received value while a PDU is decoded is reported with the decode code and the
 * record's exception as the cause.
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
    /** The body of a received PDU is shorter or longer than the command's fixed layout in this protocol version. */
    BODY_LENGTH_INVALID(
            "channels.cmpp.body.length-invalid",
            "A CMPP message body does not have the length its command's layout requires in this version."),
    /**
     * A length field of a received PDU (Msg_Length, DestUsr_tl) disagrees with the bytes that follow
     * or with its range, or a value is longer than its field allows.
     */
    FIELD_LENGTH_INVALID(
            "channels.cmpp.field.length-invalid",
            "A length field of a received CMPP PDU (Msg_Length, DestUsr_tl) is out of its range or disagrees with"
                    + " the body."),
    /** A field of a received PDU holds a value outside its allowed set (a flag that is neither 0 nor 1). */
    FIELD_VALUE_INVALID(
            "channels.cmpp.field.value-invalid",
            "A field of a received CMPP PDU holds a value outside the set the protocol allows."),
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
    /** A value given to a PDU record or the encoder does not fit its field's width or maximum length. */
    FIELD_TOO_LONG(
            "channels.cmpp.field.too-long",
            "A value given to a CMPP record or the encoder is longer than its field allows."),
    /** A value given to a PDU record is outside its field's set (a flag other than 0 or 1, a zero byte). */
    VALUE_INVALID("channels.cmpp.value.invalid", "A value given to a CMPP record is outside the set its field allows.");

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

    /**
     * The codes of a received PDU that cannot be decoded are {@link CmppDecodeException}s; every
     * other CMPP code is a {@link CmppException}.
     */
    @Override
    public Class<? extends RbException> exceptionType() {
        return switch (this) {
            case FRAME_LENGTH_INVALID,
                    COMMAND_UNKNOWN,
                    BODY_LENGTH_INVALID,
                    FIELD_LENGTH_INVALID,
                    FIELD_VALUE_INVALID -> CmppDecodeException.class;
            default -> CmppException.class;
        };
    }
}
