package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.cmpp.CmppError;
import io.remotebank.channels.cmpp.CmppException;
import io.remotebank.core.Arguments;
import java.time.LocalDateTime;
import org.apiguardian.api.API;

/**
 * The ISMG's 64-bit message id, as CMPP 3.0 section 7.4.3.2 (SUBMIT_RESP, Msg_Id) lays it out, most
 * significant bit first: bits 64-61 the month, 60-56 the day, 55-51 the hour, 50-45 the minute,
 * 44-39 the second, 38-17 the gateway's code, 16-1 a sequence number that wraps. It travels as 8
 * bytes in network order; receipts name the submission by it, so the client correlates on its
 * {@link #toLong() numeric value}.
 *
 * @param month 1-12
 * @param day 1-31
 * @param hour 0-23
 * @param minute 0-59
 * @param second 0-59
 * @param gatewayId the ISMG's code, 0-4194303 (22 bits)
 * @param sequence 0-65535 (16 bits)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MsgId(int month, int day, int hour, int minute, int second, int gatewayId, int sequence) {

    /** The largest gateway code: 22 bits. */
    public static final int MAX_GATEWAY_ID = (1 << 22) - 1;

    /** The largest sequence number: 16 bits. */
    public static final int MAX_SEQUENCE = 0xFFFF;

    /** Validates each field's range. */
    public MsgId {
        Arguments.inRange(month, 1, 12, "Msg_Id month");
        Arguments.inRange(day, 1, 31, "Msg_Id day");
        Arguments.inRange(hour, 0, 23, "Msg_Id hour");
        Arguments.inRange(minute, 0, 59, "Msg_Id minute");
        Arguments.inRange(second, 0, 59, "Msg_Id second");
        Arguments.inRange(gatewayId, 0, MAX_GATEWAY_ID, "Msg_Id gateway id");
        Arguments.inRange(sequence, 0, MAX_SEQUENCE, "Msg_Id sequence");
    }

    /**
     * A Msg_Id for a moment (read from the caller's clock), a gateway and a sequence number.
     *
     * @param at the time the ISMG accepted the message
     * @param gatewayId the ISMG's code, 0-4194303
     * @param sequence 0-65535
     * @return the id
     */
    public static MsgId of(LocalDateTime at, int gatewayId, int sequence) {
        Arguments.notNull(at, "time");
        return new MsgId(
                at.getMonthValue(),
                at.getDayOfMonth(),
                at.getHour(),
                at.getMinute(),
                at.getSecond(),
                gatewayId,
                sequence);
    }

    /**
     * Reads the layout from the 64-bit value.
     *
     * @param value the 8 bytes as a long
     * @return the id
     * @throws CmppException with {@link CmppError#MSG_ID_INVALID} when a time field is out of range
     *     (a month of 0 or 13, an hour of 24, a minute or second of 60 or more, a day of 0)
     */
    public static MsgId fromLong(long value) {
        int month = (int) (value >>> 60) & 0xF;
        int day = (int) (value >>> 55) & 0x1F;
        int hour = (int) (value >>> 50) & 0x1F;
        int minute = (int) (value >>> 44) & 0x3F;
        int second = (int) (value >>> 38) & 0x3F;
        int gateway = (int) (value >>> 16) & MAX_GATEWAY_ID;
        int sequence = (int) value & MAX_SEQUENCE;
        if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
            throw new CmppException(
                    CmppError.MSG_ID_INVALID,
                    "Msg_Id " + Long.toUnsignedString(value) + " has month " + month + ", day " + day + ", time " + hour
                            + ":" + minute + ":" + second);
        }
        return new MsgId(month, day, hour, minute, second, gateway, sequence);
    }

    /** The 64-bit value, as it goes on the wire. */
    public long toLong() {
        return ((long) month << 60)
                | ((long) day << 55)
                | ((long) hour << 50)
                | ((long) minute << 44)
                | ((long) second << 38)
                | ((long) gatewayId << 16)
                | sequence;
    }

    /** The value as an unsigned decimal, the form gateways print and receipts are logged in. */
    @Override
    public String toString() {
        return Long.toUnsignedString(toLong());
    }
}
