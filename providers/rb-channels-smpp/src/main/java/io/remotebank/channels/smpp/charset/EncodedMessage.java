package io.remotebank.channels.smpp.charset;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A text encoded for SMPP: its data_coding and the short_message octets of each segment (with the
 * UDH when there are several), or one payload for message_payload.
 *
 * @param dataCoding the data_coding of every segment
 * @param segments the short_message octets of each segment, in order (1-255)
 * @param udh whether the segments start with a user data header (esm_class UDHI 0x40)
 * @param payload whether the single segment goes in message_payload instead of short_message
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EncodedMessage(int dataCoding, List<byte[]> segments, boolean udh, boolean payload) {

    /** Validates. */
    public EncodedMessage {
        segments = List.copyOf(segments);
        Arguments.inRange(segments.size(), 1, 255, "segments");
    }
}
