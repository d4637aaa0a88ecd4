package io.remotebank.examples.demo;

import io.remotebank.core.AgentId;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.signaling.sdp.Connection;
import io.remotebank.signaling.sdp.Direction;
import io.remotebank.signaling.sdp.OfferAnswer;
import io.remotebank.signaling.sdp.Origin;
import io.remotebank.signaling.sdp.SessionDescription;
import io.remotebank.signaling.sip.SipResponse;
import io.remotebank.signaling.sip.transport.SipEndpoint;
import io.remotebank.signaling.sip.ua.Call;
import io.remotebank.signaling.sip.ua.CallListener;
import io.remotebank.signaling.sip.ua.Dtmf;
import io.remotebank.signaling.sip.ua.EndReason;
import io.remotebank.signaling.sip.ua.IncomingCall;
import io.remotebank.signaling.sip.ua.IncomingRequest;
import io.remotebank.signaling.sip.ua.UasHandler;
import io.remotebank.signaling.sip.ua.UserAgent;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Act 3 of the bank day: the customer's app (a SIP user agent client) calls the agent's endpoint (a
 * user agent server) over UDP on loopback, both on the SDK's stack. The INVITE carries an audio and
 * video SDP offer; the agent's side rings and answers with the RFC 3264 answer; the app ACKs, sends
 * a DTMF digit in an INFO (the customer presses 1 to confirm the recording notice, 双录), and hangs
 * up with BYE. Both user agents must end with no live call or dialog. The packets are real, on
 * loopback; each wait for an answer is bounded in real time ({@value #WAIT_SECONDS} s) so that a lost
 * packet fails the act instead of hanging the demo.
 */
final class CallAct {

    private static final long WAIT_SECONDS = 10;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final AuditTrail trail;
    private final Narrator narrator;
    private final Checks checks;
    private final BankDayDemo.Customers customers;
    private final DemoReport report;
    private final List<String> ladder = new CopyOnWriteArrayList<>();

    CallAct(AuditTrail trail, Narrator narrator, Checks checks, BankDayDemo.Customers customers, DemoReport report) {
        this.trail = trail;
        this.narrator = narrator;
        this.checks = checks;
        this.customers = customers;
        this.report = report;
    }

    void play(RoutingAct.Connected connected) throws Exception {
        AgentId agent = connected.agent();
        CompletableFuture<Dtmf> digit = new CompletableFuture<>();
        CompletableFuture<EndReason> agentSideEnded = new CompletableFuture<>();
        AgentDesk desk = new AgentDesk(digit, agentSideEnded);

        try (UserAgent agentUa = UserAgent.start(
                        SipEndpoint.builder().bind(LOOPBACK).udpPort(0).tcpPort(-1),
                        LOOPBACK,
                        UserAgent.Settings.ofDefaults().withUser(agent.value()),
                        desk);
                UserAgent appUa = UserAgent.start(
                        SipEndpoint.builder().bind(LOOPBACK).udpPort(0).tcpPort(-1),
                        LOOPBACK,
                        UserAgent.Settings.ofDefaults()
                                .withUser("app-" + customers.zhang().id().value()),
                        UasHandler.REFUSE_ALL)) {
            int port =
                    agentUa.endpoint().orElseThrow().udpAddress().orElseThrow().getPort();
            String target = "sip:" + agent.value() + "@127.0.0.1:" + port;
            narrator.say("the app calls " + target + " over UDP with an audio and video offer.");

            Call call = appUa.call(target, offer(), new CallListener() {
                @Override
                public void onProvisional(Call c, SipResponse response) {
                    step("<- " + response.statusCode() + " " + response.reasonPhrase());
                }
            });
            step("-> INVITE " + target + " (SDP offer: audio PCMU/PCMA/telephone-event, video H264)");
            SipResponse ok = call.answered().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            step("<- " + ok.statusCode() + " " + ok.reasonPhrase() + " (SDP answer)");
            step("-> ACK");
            String answer = call.remoteSdp().orElse("");
            boolean video = SessionDescription.parse(answer).toString().contains("m=video 3");
            narrator.say("answered: " + ok.statusCode() + " " + ok.reasonPhrase() + "; the answer accepts audio and "
                    + (video ? "video" : "NOT video") + "; the app sends ACK.");
            audit("signaling.call.established", agent, "callId", ok.callId().orElse("?"));

            SipResponse infoOk = call.dtmf(new Dtmf('1', Duration.ofMillis(160)))
                    .toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            step("-> INFO (application/dtmf-relay, Signal=1)");
            step("<- " + infoOk.statusCode() + " " + infoOk.reasonPhrase());
            Dtmf received = digit.get(WAIT_SECONDS, TimeUnit.SECONDS);
            narrator.say("the customer presses 1 to confirm the recording notice (双录): the agent's side gets DTMF '"
                    + received.signal() + "' in an INFO.");
            audit("signaling.dtmf.received", agent, "signal", String.valueOf(received.signal()));

            SipResponse byeOk = call.bye().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            step("-> BYE");
            step("<- " + byeOk.statusCode() + " " + byeOk.reasonPhrase());
            EndReason agentEnd = agentSideEnded.get(WAIT_SECONDS, TimeUnit.SECONDS);
            EndReason appEnd = call.ended().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            narrator.say("the customer hangs up: BYE, " + byeOk.statusCode() + " " + byeOk.reasonPhrase() + " ("
                    + ladder.size() + " SIP steps in all).");
            audit("signaling.call.ended", agent, "reason", appEnd.name());

            checks.expect(
                    "the agent's endpoint answers the INVITE with 200 and an SDP answer that keeps the video",
                    ok.statusCode() == 200 && video,
                    ok.statusCode() + " " + answer.replace("\r\n", " | "));
            checks.expect(
                    "the DTMF INFO is answered 200 and the agent's side receives the digit 1",
                    infoOk.statusCode() == 200 && received.signal() == '1',
                    infoOk.statusCode() + " " + received);
            checks.expect(
                    "BYE is answered 200 and both sides see the call ended",
                    byeOk.statusCode() == 200 && appEnd == EndReason.LOCAL_BYE && agentEnd == EndReason.REMOTE_BYE,
                    byeOk.statusCode() + " app " + appEnd + " agent " + agentEnd);
            checks.expect(
                    "no call or dialog is left on either user agent",
                    agentUa.liveCalls() + agentUa.liveDialogs() + appUa.liveCalls() + appUa.liveDialogs() == 0,
                    "agent " + agentUa.liveCalls() + "/" + agentUa.liveDialogs() + ", app " + appUa.liveCalls() + "/"
                            + appUa.liveDialogs());
        }
        ladder.forEach(report::sip);
    }

    /**
     * One line of the call's ladder, numbered in the order the script saw it. The demo runs on the
     * day's virtual time, on which the whole exchange takes no time; how long SIP over loopback takes
     * in real time is what {@code rb sip-call} measures.
     */
    private void step(String line) {
        synchronized (ladder) {
            ladder.add(String.format("%2d  %s", ladder.size() + 1, line));
        }
    }

    private void audit(String action, AgentId agent, String key, String value) {
        trail.append(AuditEvent.builder(action, Actor.agent(agent))
                .subject(customers.zhang().id())
                .detail(key, value)
                .build());
    }

    /** The customer's app: one audio and one video stream, with telephone events for DTMF. */
    private static String offer() {
        return "v=0\r\n"
                + "o=- 3034423619 1 IN IP4 127.0.0.1\r\n"
                + "s=video account opening\r\n"
                + "c=IN IP4 127.0.0.1\r\n"
                + "t=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-15\r\n"
                + "a=sendrecv\r\n"
                + "m=video 40002 RTP/AVP 96\r\n"
                + "a=rtpmap:96 H264/90000\r\n"
                + "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1\r\n"
                + "a=sendrecv\r\n";
    }

    /** The agent's desktop: rings, answers with what it supports, takes DTMF. */
    private final class AgentDesk implements UasHandler {
        private final CompletableFuture<Dtmf> digit;
        private final CompletableFuture<EndReason> ended;

        AgentDesk(CompletableFuture<Dtmf> digit, CompletableFuture<EndReason> ended) {
            this.digit = digit;
            this.ended = ended;
        }

        @Override
        public void onInvite(IncomingCall call) {
            Optional<String> offer = call.offer();
            if (offer.isEmpty()) {
                call.reject(488, "Not Acceptable Here");
                return;
            }
            SessionDescription answer = OfferAnswer.answer(
                    SessionDescription.parse(offer.get()),
                    new Origin("-", "4858949", "1", "IN", "IP4", "127.0.0.1"),
                    Connection.of("127.0.0.1"),
                    List.of(
                            new OfferAnswer.Capability(
                                    "audio",
                                    30_000,
                                    List.of("PCMA/8000", "telephone-event/8000"),
                                    Direction.SENDRECV,
                                    List.of()),
                            new OfferAnswer.Capability(
                                    "video", 30_002, List.of("H264/90000"), Direction.SENDRECV, List.of())));
            call.listener(new CallListener() {
                @Override
                public void onRequest(Call c, IncomingRequest request) {
                    boolean dtmf = request.request()
                            .contentType()
                            .map(t -> t.is("application", "dtmf-relay"))
                            .orElse(false);
                    if (dtmf) {
                        digit.complete(Dtmf.parse(request.request().bodyText()));
                        request.respond(200, "OK");
                    } else {
                        request.respond(415, "Unsupported Media Type");
                    }
                }

                @Override
                public void onEnded(Call c, EndReason reason) {
                    ended.complete(reason);
                }
            });
            step("   agent's side: INVITE received, 100 Trying, 180 Ringing");
            call.ring();
            call.accept(answer.toString());
        }
    }
}
