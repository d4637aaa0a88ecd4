package io.remotebank.signaling.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzzes the SDP parser and the offer/answer helper: any input either parses or fails with {@link
 * SdpParseException}; what parses writes back to text that parses to an equal description, and can
 * be answered (or refused with the declared exception).
 */
class SdpParserFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] input) {
        SessionDescription sdp;
        try {
            sdp = SessionDescription.parse(input);
        } catch (SdpParseException expected) {
            return;
        }
        if (!SessionDescription.parse(sdp.toString()).equals(sdp)) {
            throw new IllegalStateException("SDP does not round-trip");
        }
        try {
            OfferAnswer.answer(
                    sdp,
                    new Origin("-", "1", "1", "IN", "IP4", "192.0.2.1"),
                    Connection.of("192.0.2.1"),
                    List.of(new OfferAnswer.Capability(
                            "audio", 4000, List.of("PCMU/8000", "opus/48000/2"), Direction.SENDRECV, List.of())));
        } catch (SdpParseException expected) {
            // nothing in common
        }
    }
}
