package io.remotebank.signaling.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.signaling.SignalingError;
import io.remotebank.testing.ManualTime;
import io.remotebank.testsupport.Await;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Resumable sessions: session id, sequence numbers, replay, the window, no double apply (point 3). */
class ResumeTest {

    private final ManualTime time = ManualTime.at(Instant.parse("2026-12-08T09:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();
    private WebRtcSignaling server;
    private SignalingClient agent;
    private SignalingClient customer;
    private String sessionId;

    private void start(UnaryOperator<WebRtcSignaling.Builder> settings) throws Exception {
        server = settings.apply(WebRtcSignaling.builder()
                        .tokens(TestTokens.ANY)
                        .scheduler(time)
                        .port(0))
                .start();
        agent = client();
        agent.join("room1", "agent", "a1");
        customer = client();
        sessionId = customer.join("room1", "customer", "c1").path("sessionId").asText();
        agent.expect("participant-joined");
    }

    private InetSocketAddress address() {
        return server.address().orElseThrow();
    }

    private SignalingClient client() throws Exception {
        SignalingClient client = SignalingClient.connect(address(), "/webrtc");
        open.add(0, client);
        return client;
    }

    private void dropCustomer() {
        customer.drop();
        Await.until("the server sees the drop", () -> server.connectedSessions() == 1);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aResumeWithinTheWindow_replaysWhatWasMissed_inOrder() throws Exception {
        start(b -> b);
        dropCustomer();
        assertThat(agent.expect("participant-state").path("connected").asBoolean())
                .isFalse();
        agent.send("offer", "to", "c1", "sdp", SignalingProtocolTest.OFFER); // while the customer is away
        agent.send("mute", "kind", "video", "muted", true);
        time.advance(Duration.ofSeconds(20));

        SignalingClient again = client();
        again.send("resume", "sessionId", sessionId, "lastSeq", 1); // it had seen joined (seq 1)
        ObjectNode resumed = again.expect("resumed");
        assertThat(resumed.path("lastClientSeq").asLong()).isZero();
        assertThat(resumed.path("replayed").asInt()).isEqualTo(2);
        ObjectNode offer = again.expect("offer");
        assertThat(offer.path("seq").asLong()).isEqualTo(2);
        assertThat(offer.path("from").asText()).isEqualTo("a1");
        assertThat(again.expect("mute").path("seq").asLong()).isEqualTo(3);
        assertThat(agent.expect("participant-state").path("connected").asBoolean())
                .isTrue();
        again.send("answer", "to", "a1", "sdp", SignalingProtocolTest.ANSWER);
        assertThat(agent.expect("answer").path("from").asText()).isEqualTo("c1");
    }

    @Test
    void aMessageSentAgainAfterTheResume_isNotAppliedTwice() throws Exception {
        start(b -> b);
        customer.send("mute", "kind", "audio", "muted", true); // seq 1
        assertThat(agent.expect("mute").path("muted").asBoolean()).isTrue();
        dropCustomer();
        agent.expect("participant-state");

        SignalingClient again = client();
        again.send("resume", "sessionId", sessionId, "lastSeq", 1);
        assertThat(again.expect("resumed").path("lastClientSeq").asLong()).isEqualTo(1);
        // the client did not know whether seq 1 arrived, so it sends it again, then a new one
        again.sendWithSeq(1, "mute", "kind", "audio", "muted", true);
        again.sendWithSeq(2, "mute", "kind", "audio", "muted", false);
        agent.expect("participant-state");
        ObjectNode next = agent.expect("mute");
        assertThat(next.path("muted").asBoolean()).isFalse(); // seq 1 was not applied a second time
        assertThat(agent.poll()).isNull();
    }

    @Test
    void afterTheWindow_theResumeIsRefused_andThePeersSeeTheParticipantLeave() throws Exception {
        start(b -> b.resumeWindow(Duration.ofSeconds(10)));
        dropCustomer();
        agent.expect("participant-state");
        time.advance(Duration.ofSeconds(11)); // within the heartbeat timeout of the agent (30 s)
        ObjectNode left = agent.expect("participant-left");
        assertThat(left.path("participant").asText()).isEqualTo("c1");
        assertThat(left.path("reason").asText()).isEqualTo("timeout");

        SignalingClient again = client();
        again.send("resume", "sessionId", sessionId, "lastSeq", 1);
        ObjectNode error = again.expect("error");
        assertThat(error.path("code").asText()).isEqualTo(SignalingError.WEBRTC_RESUME_EXPIRED.code());
        assertThat(server.sessions()).isEqualTo(1);
    }

    @Test
    void anUnknownSessionId_isResumeExpired() throws Exception {
        start(b -> b);
        SignalingClient stranger = client();
        stranger.send("resume", "sessionId", "AAAAAAAAAAAAAAAAAAAAAAAA", "lastSeq", 0);
        assertThat(stranger.errorCode()).isEqualTo(SignalingError.WEBRTC_RESUME_EXPIRED.code());
    }

    @Test
    void moreMissedThanTheReplayHolds_isAResumeGap_andEndsTheSession() throws Exception {
        start(b -> b.replayLimit(2));
        dropCustomer();
        agent.expect("participant-state");
        for (int i = 0; i < 3; i++) {
            agent.send("mute", "kind", "audio", "muted", i % 2 == 0);
        }
        SignalingClient again = client();
        again.send("resume", "sessionId", sessionId, "lastSeq", 1);
        assertThat(again.errorCode()).isEqualTo(SignalingError.WEBRTC_RESUME_GAP.code());
        assertThat(agent.expect("participant-left").path("reason").asText()).isEqualTo("resume-failed");
        assertThat(server.sessions()).isEqualTo(1);
    }

    @Test
    void aResumeBeforeTheServerSawTheDrop_takesOverTheSession() throws Exception {
        start(b -> b);
        SignalingClient again = client();
        again.send("resume", "sessionId", sessionId, "lastSeq", 1);
        again.expect("resumed");
        assertThat(customer.awaitClose()).isEqualTo(4002);
        agent.send("ice-restart", "to", "c1");
        assertThat(again.expect("ice-restart").path("from").asText()).isEqualTo("a1");
        assertThat(agent.poll()).isNull(); // the peers never saw it disconnected
    }

    @Test
    void acknowledgedMessages_areNotReplayed() throws Exception {
        start(b -> b);
        agent.send("mute", "kind", "audio", "muted", true);
        customer.expect("mute"); // seq 2
        customer.send("ping", "ack", 2);
        customer.expect("pong");
        dropCustomer();
        SignalingClient again = client();
        again.send("resume", "sessionId", sessionId, "lastSeq", 2);
        assertThat(again.expect("resumed").path("replayed").asInt()).isZero();
    }
}
