package io.remotebank.signaling.sip.transaction;

import io.remotebank.signaling.sip.SipParser;
import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.SipResponse;
import java.nio.charset.StandardCharsets;

/** Test messages. */
public final class Messages {

    private Messages() {}

    public static SipRequest request(String method, String branch, long cseq, String cseqMethod, String toTag) {
        String text = method + " sip:bob@example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP client.example.com:5060;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Route: <sip:proxy.example.com;lr>\r\n"
                + "From: Alice <sip:alice@example.com>;tag=1928301774\r\n"
                + "To: Bob <sip:bob@example.com>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: a84b4c76e66710@client.example.com\r\n"
                + "CSeq: " + cseq + " " + cseqMethod + "\r\n"
                + "Contact: <sip:alice@client.example.com>\r\n"
                + "Content-Length: 0\r\n\r\n";
        return (SipRequest) SipParser.ofDefaults().parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static SipRequest request(String method, String branch) {
        return request(method, branch, 1, method, null);
    }

    public static SipResponse response(SipRequest request, int status, String toTag) {
        return SipResponse.to(request, status, "Reason", toTag).build();
    }
}
