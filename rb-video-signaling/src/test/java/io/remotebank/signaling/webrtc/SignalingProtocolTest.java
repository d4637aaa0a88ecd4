package io.remotebank.signaling.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every message type of the protocol over real WebSockets, a plain Netty client as the peer (point
 * 2); the heartbeats run on virtual time.
 */
class SignalingProtocolTest extends OverWebSockets {

    static final String OFFER = sdp("ufragA", "sendrecv");
    static final String ANSWER = sdp("ufragB", "sendrecv");

    static String sdp(String ufrag, String direction) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=ice-ufrag:" + ufrag
                + "\r\na=ice-pwd:0123456789012345678901\r\na=" + direction + "\r\na=rtpmap:96 VP8/90000\r\n";
    }

    static Map<String, Object> candidate(String ufrag, int n) {
        return Map.of(
                "candidate",
                "candidate:" + n + " 1 udp 2122260223 192.0.2.1 " + (50000 + n) + " typ host",
                "sdpMid",
                "0",
                "sdpMLineIndex",
                0,
                "usernameFragment",
                ufrag);
    }

    @Override
    protected WebRtcSignaling.Builder defaults(WebRtcSignaling.Builder builder) {
        return builder.iceServer(IceServer.stun("stun:stun.bank.example:3478"));
    }

    @Test
    void join_givesTheSession_thePermissions_theIceServers_andThePeers() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = client();
        ObjectNode joined = customer.join("room1", "customer", "c1");
        assertThat(joined.path("v").asInt()).isEqualTo(1);
        assertThat(joined.path("seq").asLong()).isEqualTo(1);
        assertThat(joined.path("sessionId").asText()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(joined.path("role").asText()).isEqualTo("customer");
        assertThat(joined.path("permissions").toString()).isEqualTo("[\"signal\",\"publish\"]");
        assertThat(joined.path("iceServers").get(0).path("urls").get(0).asText())
                .isEqualTo("stun:stun.bank.example:3478");
        assertThat(joined.path("heartbeatMs").asLong()).isEqualTo(10_000);
        // the later joiner is the polite one (perfect negotiation)
        ObjectNode peer = (ObjectNode) joined.path("participants").get(0);
        assertThat(peer.path("participant").asText()).isEqualTo("a1");
        assertThat(peer.path("polite").asBoolean()).isTrue();
        ObjectNode note = agent.expect("participant-joined");
        assertThat(note.path("participant").asText()).isEqualTo("c1");
        assertThat(note.path("role").asText()).isEqualTo("customer");
        assertThat(note.path("polite").asBoolean()).isFalse();
    }

    @Test
    void offerAndAnswer_areRelayed() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        agent.expect("participant-joined");
        customer.send("offer", "to", "a1", "sdp", OFFER);
        ObjectNode offer = agent.expect("offer");
        assertThat(offer.path("from").asText()).isEqualTo("c1");
        assertThat(offer.path("sdp").asText()).isEqualTo(OFFER);
        assertThat(offer.path("iceRestart").asBoolean()).isFalse();
        agent.send("answer", "to", "c1", "sdp", ANSWER);
        ObjectNode answer = customer.expect("answer");
        assertThat(answer.path("from").asText()).isEqualTo("a1");
        assertThat(answer.path("sdp").asText()).isEqualTo(ANSWER);
    }

    @Test
    void glare_thePolitePeersOfferIsDropped_whenTheImpoliteOneOfferedFirst() throws Exception {
        SignalingClient agent = joined("agent", "a1"); // first: impolite
        SignalingClient customer = joined("customer", "c1"); // later: polite
        agent.expect("participant-joined");
        agent.send("offer", "to", "c1", "sdp", OFFER);
        customer.expect("offer");
        customer.send("offer", "to", "a1", "sdp", sdp("ufragC", "sendrecv"));
        ObjectNode glare = customer.expect("glare");
        assertThat(glare.path("with").asText()).isEqualTo("a1");
        assertThat(glare.path("winner").asText()).isEqualTo("a1");
        // the polite peer rolls back and answers; the agent never saw the crossing offer
        customer.send("answer", "to", "a1", "sdp", ANSWER);
        assertThat(agent.expect("answer").path("from").asText()).isEqualTo("c1");
    }

    @Test
    void glare_theImpolitePeersOfferWins_whenThePoliteOneOfferedFirst() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        agent.expect("participant-joined");
        customer.send("offer", "to", "a1", "sdp", OFFER);
        agent.expect("offer");
        agent.send("offer", "to", "c1", "sdp", sdp("ufragD", "sendrecv"));
        ObjectNode glare = customer.expect("glare");
        assertThat(glare.path("winner").asText()).isEqualTo("a1");
        assertThat(customer.expect("offer").path("from").asText()).isEqualTo("a1");
    }

    @Test
    void candidates_areHeldUntilTheDescription_thenRelayedInOrder() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        agent.expect("participant-joined");
        customer.send("candidate", "to", "a1", "candidate", candidate("ufragA", 1));
        customer.send("end-of-candidates", "to", "a1", "usernameFragment", "ufragA");
        customer.send("ping");
        customer.expect("pong"); // both were taken in, and nothing reached the agent
        assertThat(agent.poll()).isNull();
        customer.send("offer", "to", "a1", "sdp", OFFER);
        agent.expect("offer");
        ObjectNode candidate = agent.expect("candidate");
        assertThat(candidate.path("from").asText()).isEqualTo("c1");
        assertThat(candidate.path("candidate").path("candidate").asText()).startsWith("candidate:1 ");
        assertThat(agent.expect("end-of-candidates").path("usernameFragment").asText())
                .isEqualTo("ufragA");
        // after the description, a candidate goes straight through
        customer.send("candidate", "to", "a1", "candidate", candidate("ufragA", 2));
        assertThat(agent.expect("candidate").path("candidate").path("candidate").asText())
                .startsWith("candidate:2 ");
    }

    @Test
    void anIceRestart_isFlagged_andItsCandidatesWaitForTheNewOffer() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        agent.expect("participant-joined");
        customer.send("offer", "to", "a1", "sdp", OFFER);
        agent.expect("offer");
        agent.send("answer", "to", "c1", "sdp", ANSWER);
        customer.expect("answer");
        // the new generation's candidate comes before the restart offer: it waits for it
        customer.send("candidate", "to", "a1", "candidate", candidate("ufragR", 3));
        customer.send("ping");
        customer.expect("pong");
        assertThat(agent.poll()).isNull();
        customer.send("offer", "to", "a1", "sdp", sdp("ufragR", "sendrecv"));
        assertThat(agent.expect("offer").path("iceRestart").asBoolean()).isTrue();
        assertThat(agent.expect("candidate")
                        .path("candidate")
                        .path("usernameFragment")
                        .asText())
                .isEqualTo("ufragR");
    }

    @Test
    void iceRestart_askedOfThePeer_isRelayed() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        agent.expect("participant-joined");
        customer.send("ice-restart", "to", "a1");
        assertThat(agent.expect("ice-restart").path("from").asText()).isEqualTo("c1");
    }

    @Test
    void mute_isToldToTheOthers() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        agent.expect("participant-joined");
        customer.send("mute", "kind", "audio", "muted", true);
        ObjectNode mute = agent.expect("mute");
        assertThat(mute.path("participant").asText()).isEqualTo("c1");
        assertThat(mute.path("kind").asText()).isEqualTo("audio");
        assertThat(mute.path("muted").asBoolean()).isTrue();
        // a later joiner sees the state
        SignalingClient observer = client();
        ObjectNode seen = observer.join("room1", "observer", "o1");
        assertThat(seen.path("participants").toString()).contains("\"participant\":\"c1\"");
        assertThat(seen.path("participants").toString()).contains("\"audioMuted\":true");
    }

    @Test
    void leave_endsTheSession_andTellsTheOthers() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        agent.expect("participant-joined");
        customer.send("leave");
        customer.expect("left");
        assertThat(customer.awaitClose()).isEqualTo(1000);
        ObjectNode left = agent.expect("participant-left");
        assertThat(left.path("participant").asText()).isEqualTo("c1");
        assertThat(left.path("reason").asText()).isEqualTo("left");
        assertThat(server.sessions()).isEqualTo(1);
    }

    @Test
    void kick_byAnAgent_removesTheCustomer() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        SignalingClient observer = joined("observer", "o1");
        agent.expect("participant-joined");
        agent.expect("participant-joined");
        customer.expect("participant-joined");
        agent.send("kick", "participant", "c1", "reason", "abusive");
        ObjectNode kicked = customer.expect("kicked");
        assertThat(kicked.path("by").asText()).isEqualTo("a1");
        assertThat(kicked.path("reason").asText()).isEqualTo("abusive");
        assertThat(customer.awaitClose()).isEqualTo(4001);
        assertThat(observer.expect("participant-left").path("reason").asText()).isEqualTo("kicked");
        assertThat(agent.expect("participant-left").path("participant").asText())
                .isEqualTo("c1");
    }

    @Test
    void ping_isAnsweredWithPong() throws Exception {
        SignalingClient customer = joined("customer", "c1");
        customer.send("ping", "ack", 1);
        ObjectNode pong = customer.expect("pong");
        assertThat(pong.has("seq")).isFalse();
    }

    @Test
    void aSilentClient_isClosedAfterTheHeartbeatTimeout_andThePeersAreTold() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        agent.expect("participant-joined");
        time.advance(Duration.ofSeconds(20));
        agent.send("ping");
        agent.expect("pong");
        time.advance(Duration.ofSeconds(15)); // the customer was silent for 35 s, the agent 15 s
        assertThat(customer.awaitClose()).isEqualTo(4003);
        ObjectNode state = agent.expect("participant-state");
        assertThat(state.path("participant").asText()).isEqualTo("c1");
        assertThat(state.path("connected").asBoolean()).isFalse();
        assertThat(server.sessions()).isEqualTo(2); // the customer's waits for a resume
    }
}
