package io.remotebank.signaling.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.signaling.SignalingError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every protocol error over a real WebSocket: its own code, and nothing else changes (point 2). */
class SignalingErrorsTest extends OverWebSockets {

    @Test
    void notJson_isMalformed_andTheConnectionStays() throws Exception {
        SignalingClient client = client();
        client.sendText("{not json");
        ObjectNode error = client.expect("error");
        assertThat(error.path("code").asText()).isEqualTo(SignalingError.WEBRTC_MALFORMED.code());
        assertThat(error.path("message").asText()).isEqualTo("the message is not JSON");
        client.sendText("[1,2]");
        assertThat(client.errorCode()).isEqualTo("signaling.webrtc.malformed");
        client.join("room1", "customer", "c1");
    }

    @Test
    void aMissingOrWrongField_isMalformed_withTheField() throws Exception {
        joined("agent", "a1");
        SignalingClient client = joined("customer", "c1");
        client.send("offer", "to", "a1");
        ObjectNode error = client.expect("error");
        assertThat(error.path("code").asText()).isEqualTo("signaling.webrtc.malformed");
        assertThat(error.path("about").asText()).isEqualTo("offer");
        assertThat(error.path("re").asLong()).isEqualTo(1);
        client.sendText("{\"type\":\"mute\",\"kind\":\"audio\",\"muted\":true}"); // no seq
        assertThat(client.expect("error").path("message").asText()).contains("seq");
    }

    @Test
    void anUnknownType_hasItsOwnCode() throws Exception {
        SignalingClient client = client();
        client.send("dance");
        assertThat(client.errorCode()).isEqualTo(SignalingError.WEBRTC_UNKNOWN_TYPE.code());
    }

    @Test
    void anotherVersion_isRefused() throws Exception {
        SignalingClient client = client();
        client.send("join", "v", 2, "room", "room1", "role", "customer", "token", "c1");
        assertThat(client.errorCode()).isEqualTo(SignalingError.WEBRTC_VERSION.code());
    }

    @Test
    void aMessageBeforeTheJoin_isNotJoined() throws Exception {
        SignalingClient client = client();
        client.send("offer", "to", "a1", "sdp", SignalingProtocolTest.OFFER);
        assertThat(client.errorCode()).isEqualTo(SignalingError.WEBRTC_NOT_JOINED.code());
    }

    @Test
    void aSecondJoin_isAlreadyJoined() throws Exception {
        SignalingClient client = joined("customer", "c1");
        client.send("join", "v", 1, "room", "room2", "role", "customer", "token", "c2");
        assertThat(client.errorCode()).isEqualTo(SignalingError.WEBRTC_ALREADY_JOINED.code());
        assertThat(server.sessions()).isEqualTo(1);
    }

    @Test
    void theSameParticipantTwice_isRefused() throws Exception {
        joined("customer", "c1");
        SignalingClient again = client();
        again.send("join", "v", 1, "room", "room1", "role", "customer", "token", "c1");
        assertThat(again.errorCode()).isEqualTo(SignalingError.WEBRTC_PARTICIPANT_PRESENT.code());
    }

    @Test
    void anUnknownPeer_isUnknownParticipant() throws Exception {
        SignalingClient client = joined("customer", "c1");
        client.send("offer", "to", "nobody", "sdp", SignalingProtocolTest.OFFER);
        assertThat(client.errorCode()).isEqualTo(SignalingError.WEBRTC_UNKNOWN_PARTICIPANT.code());
        client.send("kick", "participant", "nobody");
        assertThat(client.errorCode()).isEqualTo(SignalingError.WEBRTC_FORBIDDEN.code()); // a customer may not kick
    }

    @Test
    void anObserverThatWouldSend_isForbidden_butMayReceive() throws Exception {
        SignalingClient agent = joined("agent", "a1");
        SignalingClient observer = joined("observer", "o1");
        agent.expect("participant-joined");
        observer.send("offer", "to", "a1", "sdp", SignalingProtocolTest.sdp("ufragO", "sendrecv"));
        ObjectNode error = observer.expect("error");
        assertThat(error.path("code").asText()).isEqualTo(SignalingError.WEBRTC_FORBIDDEN.code());
        observer.send("offer", "to", "a1", "sdp", SignalingProtocolTest.sdp("ufragO", "recvonly"));
        assertThat(agent.expect("offer").path("from").asText()).isEqualTo("o1");
        observer.send("kick", "participant", "a1");
        assertThat(observer.errorCode()).isEqualTo(SignalingError.WEBRTC_FORBIDDEN.code());
    }

    @Test
    void anAgent_mayNotKickASupervisor() throws Exception {
        joined("supervisor", "s1");
        SignalingClient agent = joined("agent", "a1");
        agent.send("kick", "participant", "s1");
        assertThat(agent.errorCode()).isEqualTo(SignalingError.WEBRTC_FORBIDDEN.code());
        assertThat(server.sessions()).isEqualTo(2);
    }

    @Test
    void tooManyHeldCandidates_overflow() throws Exception {
        start(b -> b.maxHeldCandidates(2));
        joined("agent", "a1");
        SignalingClient customer = joined("customer", "c1");
        for (int i = 0; i < 2; i++) {
            customer.send("candidate", "to", "a1", "candidate", SignalingProtocolTest.candidate("u", i));
        }
        customer.send("candidate", "to", "a1", "candidate", SignalingProtocolTest.candidate("u", 9));
        assertThat(customer.errorCode()).isEqualTo(SignalingError.WEBRTC_CANDIDATES_OVERFLOW.code());
    }

    @Test
    void aClientOverItsRate_isToldAndClosed() throws Exception {
        start(b -> b.messageRate(1, 3)); // virtual time does not move: no token comes back
        SignalingClient client = client();
        for (int i = 0; i < 3; i++) {
            client.send("ping");
            client.expect("pong");
        }
        client.send("ping");
        assertThat(client.errorCode()).isEqualTo(SignalingError.WEBRTC_RATE_LIMITED.code());
        assertThat(client.awaitClose()).isEqualTo(1008);
    }

    @Test
    void aFrameOverTheLimit_closesWith1009() throws Exception {
        start(b -> b.maxFrameBytes(1024));
        SignalingClient client = client();
        client.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(2000) + "\"}");
        assertThat(client.awaitClose()).isEqualTo(1009);
    }

    @Test
    void anOriginNotAllowed_is403() throws Exception {
        start(b -> b.allowedOrigins(java.util.Set.of("https://bank.example")));
        assertThat(SignalingClient.refusedStatus(address(), "/webrtc", null, Map.of("Origin", "https://evil.example")))
                .isEqualTo(403);
        assertThat(SignalingClient.refusedStatus(address(), "/webrtc", null, Map.of()))
                .isEqualTo(403);
        try (SignalingClient ok =
                SignalingClient.connect(address(), "/webrtc", null, null, Map.of("Origin", "https://bank.example"))) {
            ok.send("ping");
            ok.expect("pong");
        }
    }

    @Test
    void connectionsPerAddress_overTheLimit_are429() throws Exception {
        start(b -> b.maxConnectionsPerAddress(2));
        client();
        client();
        assertThat(SignalingClient.refusedStatus(address(), "/webrtc", null, Map.of()))
                .isEqualTo(429);
    }

    @Test
    void aRefusedToken_isTheTokensOwnCode_andNoSessionIsMade() throws Exception {
        start(b -> b.tokens((token, room, role) -> {
            throw new JoinTokenException(SignalingError.TOKEN_EXPIRED, "the token has expired", null);
        }));
        SignalingClient client = client();
        client.send("join", "v", 1, "room", "room1", "role", "customer", "token", "x");
        assertThat(client.errorCode()).isEqualTo(SignalingError.TOKEN_EXPIRED.code());
        assertThat(server.sessions()).isZero();
    }
}
