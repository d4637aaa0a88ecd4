package io.remotebank.signaling.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.ValidationException;
import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Dialog state (RFC 3261 12) and the requests built within it, loose and strict routing. */
class DialogTest {

    static final String INVITE = "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\r\n"
            + "Max-Forwards: 70\r\n"
            + "Record-Route: <sip:p2.example.com;lr>, <sip:p1.example.com;lr>\r\n"
            + "To: Bob <sip:bob@biloxi.example.com>\r\n"
            + "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:alice@pc33.atlanta.example.com>\r\n"
            + "Content-Length: 0\r\n\r\n";

    static SipRequest invite(String recordRoute) {
        String text = INVITE.replace("<sip:p2.example.com;lr>, <sip:p1.example.com;lr>", recordRoute);
        return (SipRequest) SipParser.ofDefaults().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static SipResponse ok(SipRequest invite, String contact) {
        return (SipResponse) SipResponse.to(invite, 200, "OK", "a6c85cf")
                .header("Record-Route", invite.header("Record-Route").orElseThrow())
                .header("Contact", contact)
                .build();
    }

    @Test
    void uac_routeSetIsTheRecordRouteReversed_requestGoesToTheRemoteTargetViaTheFirstLooseRouter() {
        SipRequest invite = invite("<sip:p2.example.com;lr>, <sip:p1.example.com;lr>");
        Dialog d = Dialog.forUac(invite, ok(invite, "<sip:bob@192.0.2.4>"));

        assertThat(d.id()).isEqualTo(new DialogId("a84b4c76e66710@pc33.atlanta.example.com", "1928301774", "a6c85cf"));
        assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(d.isUac()).isTrue();
        assertThat(d.secure()).isFalse();
        assertThat(d.routeSet())
                .extracting(r -> r.uri().toString())
                .containsExactly("sip:p1.example.com;lr", "sip:p2.example.com;lr");
        assertThat(d.nextHop().toString()).isEqualTo("sip:p1.example.com;lr");

        SipRequest bye = (SipRequest) d.newRequest("BYE")
                .headerFirst("Via", "SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds7")
                .build();
        assertThat(bye.startLine()).isEqualTo("BYE sip:bob@192.0.2.4 SIP/2.0");
        assertThat(bye.headerValues("Route")).containsExactly("<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>");
        assertThat(bye.cseq().orElseThrow().number()).isEqualTo(314160);
        assertThat(bye.fromTag()).contains("1928301774");
        assertThat(bye.toTag()).contains("a6c85cf");
        assertThat(d.ack(314159).build().startLine()).isEqualTo("ACK sip:bob@192.0.2.4 SIP/2.0");
    }

    @Test
    void strictRouter_getsTheRequestUri_andTheRemoteTargetGoesLast() {
        SipRequest invite = invite("<sip:p2.example.com>, <sip:p1.example.com>");
        Dialog d = Dialog.forUac(invite, ok(invite, "<sip:bob@192.0.2.4>"));

        SipRequest bye = (SipRequest) d.newRequest("BYE")
                .headerFirst("Via", "SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8")
                .build();
        // RFC 3261 12.2.1.1
        assertThat(bye.startLine()).isEqualTo("BYE sip:p1.example.com SIP/2.0");
        assertThat(bye.headerValues("Route")).containsExactly("<sip:p2.example.com>", "<sip:bob@192.0.2.4>");
        assertThat(d.nextHop().toString()).isEqualTo("sip:p1.example.com");
    }

    @Test
    void uas_routeSetInOrder_remoteTargetIsTheRequestContact_cseqChecked() {
        SipRequest invite = invite("<sip:p2.example.com;lr>, <sip:p1.example.com;lr>");
        Dialog d = Dialog.forUas(invite, "bobtag", true);

        assertThat(d.state()).isEqualTo(DialogState.EARLY);
        assertThat(d.id()).isEqualTo(new DialogId("a84b4c76e66710@pc33.atlanta.example.com", "bobtag", "1928301774"));
        assertThat(d.routeSet())
                .extracting(r -> r.uri().toString())
                .containsExactly("sip:p2.example.com;lr", "sip:p1.example.com;lr");
        assertThat(d.remoteTarget().toString()).isEqualTo("sip:alice@pc33.atlanta.example.com");
        assertThat(d.remoteSequence()).contains(314159L);

        // RFC 3261 12.2.2: lower is out of order, equal or higher is taken
        assertThat(d.acceptRemoteSequence(314158)).isFalse();
        assertThat(d.acceptRemoteSequence(314160)).isTrue();
        assertThat(d.remoteSequence()).contains(314160L);

        SipRequest bye = (SipRequest) d.newRequest("BYE")
                .headerFirst("Via", "SIP/2.0/UDP biloxi.example.com;branch=z9hG4bKnashds9")
                .build();
        assertThat(bye.fromTag()).contains("bobtag");
        assertThat(bye.toTag()).contains("1928301774");
        assertThat(bye.headerValues("Route")).containsExactly("<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>");
    }

    @Test
    void targetRefresh_confirmAndTerminate() {
        SipRequest invite = invite("<sip:p1.example.com;lr>");
        SipResponse ringing = (SipResponse) SipResponse.to(invite, 180, "Ringing", "a6c85cf")
                .header("Contact", "<sip:bob@192.0.2.4>")
                .build();
        Dialog d = Dialog.forUac(invite, ringing);
        assertThat(d.state()).isEqualTo(DialogState.EARLY);

        d.confirm(ok(invite, "<sip:bob@192.0.2.5>"));
        assertThat(d.state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(d.remoteTarget().toString()).isEqualTo("sip:bob@192.0.2.5");

        d.refreshTarget(ok(invite, "<sip:bob@192.0.2.6>"));
        assertThat(d.remoteTarget().toString()).isEqualTo("sip:bob@192.0.2.6");
        assertThat(d.toString()).doesNotContain("bob");

        assertThat(d.terminate()).isTrue();
        assertThat(d.terminate()).isFalse();
        assertThat(d.state()).isEqualTo(DialogState.TERMINATED);
    }

    @Test
    void noDialogWithoutAToTag_andNoAckOrCancelFromNewRequest() {
        SipRequest invite = invite("<sip:p1.example.com;lr>");
        SipResponse trying =
                (SipResponse) SipResponse.to(invite, 100, "Trying", null).build();
        assertThatThrownBy(() -> Dialog.forUac(invite, trying)).isInstanceOf(ValidationException.class);
        Dialog d = Dialog.forUas(invite, "t", false);
        assertThatThrownBy(() -> d.newRequest("ACK")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> d.newRequest("CANCEL")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new DialogId("", "a", "b")).isInstanceOf(ValidationException.class);
    }
}
