package io.remotebank.signaling.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDescriptionTest {

    // A WebRTC-style offer: ICE, DTLS, two media, a dynamic and a static codec, telephone-event.
    static final String OFFER = "v=0\r\n"
            + "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
            + "s=-\r\n"
            + "c=IN IP4 198.51.100.7\r\n"
            + "t=0 0\r\n"
            + "a=group:BUNDLE 0 1\r\n"
            + "m=audio 49170 UDP/TLS/RTP/SAVPF 111 0 8 101\r\n"
            + "a=mid:0\r\n"
            + "a=rtcp-mux\r\n"
            + "a=ice-ufrag:F7gI\r\n"
            + "a=ice-pwd:x9cml/YzichV2+XlhiMu8g\r\n"
            + "a=fingerprint:sha-256 D1:2C:BE:AD\r\n"
            + "a=setup:actpass\r\n"
            + "a=rtpmap:111 opus/48000/2\r\n"
            + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=sendonly\r\n"
            + "m=video 51372 RTP/AVP 96\r\n"
            + "a=mid:1\r\n"
            + "a=rtpmap:96 VP8/90000\r\n";

    @Test
    void parse_readsEveryLine_andWritesItBack() {
        SessionDescription sdp = SessionDescription.parse(OFFER);
        assertThat(sdp.origin().sessionId()).isEqualTo("4611731400430051336");
        assertThat(sdp.connection().orElseThrow().address()).isEqualTo("198.51.100.7");
        assertThat(sdp.media()).hasSize(2);
        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.formats()).containsExactly("111", "0", "8", "101");
        assertThat(audio.rtpmap("111")).contains("opus/48000/2");
        assertThat(audio.fmtp("111")).contains("minptime=10;useinbandfec=1");
        assertThat(sdp.directionOf(audio)).isEqualTo(Direction.SENDONLY);
        assertThat(sdp.directionOf(sdp.media().get(1))).isEqualTo(Direction.SENDRECV);
        assertThat(sdp.toString()).isEqualTo(OFFER);
        assertThat(SessionDescription.parse(OFFER.replace("\r\n", "\n"))).isEqualTo(sdp);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "o=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\n",
                "v=1\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\n",
                "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\n",
                "v=0\r\no=- x 1 IN IP4 a\r\ns=-\r\nt=0 0\r\n",
                "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\nm=audio 70000 RTP/AVP 0\r\n",
                "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\nq=what\r\n",
                "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\nc=IN IP4 a\r\n",
                "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\nv=0\r\n",
                "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\n\r\na=x\r\n",
                "v=0\r\no=-  1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\n",
                // found by SdpParserFuzzTest: a control character in t= reached the answerer unchecked
                "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\u0013\r\n",
                "v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\nr=7d x 0\r\n"
            })
    void malformed_isRefusedWithTheLine(String text) {
        assertThatThrownBy(() -> SessionDescription.parse(text)).isInstanceOf(SdpParseException.class);
    }

    @Test
    void builder_writesWhatParseReads() {
        SessionDescription built = SessionDescription.builder(new Origin("-", "1", "1", "IN", "IP6", "2001:db8::1"))
                .connection(Connection.of("2001:db8::1"))
                .media(MediaDescription.builder("audio", 4000, "RTP/AVP")
                        .rtpFormat("0", "PCMU/8000")
                        .direction(Direction.RECVONLY)
                        .bandwidth("AS:64")
                        .build())
                .build();
        assertThat(built.connection().orElseThrow().addrType()).isEqualTo("IP6");
        assertThat(SessionDescription.parse(built.toString())).isEqualTo(built);
    }

    @Test
    void answer_intersectsCodecs_mirrorsDirection_rejectsWithPortZero_answersDtlsSetup() {
        SessionDescription offer = SessionDescription.parse(OFFER);
        SessionDescription answer = OfferAnswer.answer(
                offer,
                new Origin("-", "99", "1", "IN", "IP4", "203.0.113.5"),
                Connection.of("203.0.113.5"),
                List.of(new OfferAnswer.Capability(
                        "audio",
                        5004,
                        List.of("PCMA/8000", "OPUS/48000/2", "telephone-event/8000"),
                        Direction.SENDRECV,
                        List.of(
                                Attribute.of("ice-ufrag", "L0cl"),
                                Attribute.of("ice-pwd", "secretsecretsecretsecret")))));
        MediaDescription audio = answer.media().get(0);
        assertThat(audio.port()).isEqualTo(5004);
        assertThat(audio.formats()).containsExactly("111", "8", "101");
        assertThat(audio.rtpmap("111")).contains("opus/48000/2");
        assertThat(audio.fmtp("111")).contains("minptime=10;useinbandfec=1");
        assertThat(audio.direction()).contains(Direction.RECVONLY);
        assertThat(audio.attribute("setup")).contains("active");
        assertThat(audio.attribute("mid")).contains("0");
        assertThat(audio.attribute("rtcp-mux")).contains("");
        assertThat(audio.attribute("ice-ufrag")).contains("L0cl");
        MediaDescription video = answer.media().get(1);
        assertThat(video.port()).isZero();
        assertThat(video.formats()).containsExactly("96");
        assertThat(answer.attribute("group")).contains("BUNDLE 0 1");
        assertThat(SessionDescription.parse(answer.toString())).isEqualTo(answer);
    }

    @Test
    void answer_withNothingInCommon_isANegotiationError() {
        SessionDescription offer = SessionDescription.parse(OFFER);
        assertThatThrownBy(() -> OfferAnswer.answer(
                        offer,
                        new Origin("-", "1", "1", "IN", "IP4", "a"),
                        Connection.of("a"),
                        List.of(new OfferAnswer.Capability(
                                "audio", 1, List.of("G729/8000"), Direction.SENDRECV, List.of()))))
                .isInstanceOfSatisfying(
                        SdpParseException.class,
                        e -> assertThat(e.code().code()).isEqualTo("signaling.sdp.negotiation"));
    }
}
