package io.remotebank.channels.cmpp.sms;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One SUBMIT's worth of a message: what goes into Pk_total, Pk_number, TP_udhi and Msg_Content.
 * {@code toString} shows no content.
 *
 * @param total Pk_total
 * @param number Pk_number
 * @param tpUdhi 1 when the content starts with a concatenation header
 * @param msgContent the content, the header first when tpUdhi is 1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MessagePart(int total, int number, int tpUdhi, byte[] msgContent) {

    /** Validates the ranges and copies the content. */
    public MessagePart {
        Arguments.inRange(total, 1, 255, "number of parts");
        Arguments.inRange(number, 1, total, "part number");
        Arguments.inRange(tpUdhi, 0, 1, "TP_udhi");
        msgContent = Arguments.notNull(msgContent, "content").clone();
    }

    /** A copy of the content. */
    @Override
    public byte[] msgContent() {
        return msgContent.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessagePart p
                && p.total == total
                && p.number == number
                && p.tpUdhi == tpUdhi
                && Arrays.equals(p.msgContent, msgContent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(total, number, tpUdhi) * 31 + Arrays.hashCode(msgContent);
    }

    @Override
    public String toString() {
        return "MessagePart[" + number + "/" + total + ", TP_udhi " + tpUdhi + ", " + msgContent.length + " bytes]";
    }
}
