package io.remotebank.signaling.sip.registrar;

import io.remotebank.signaling.sip.SipRequest;
import io.remotebank.signaling.sip.transaction.TransactionLayer;
import java.util.ArrayList;
import java.util.List;

/** Builds REGISTER requests for the tests. */
final class RegisterRequests {

    private String requestUri = "sip:bank.example";
    private String to = "<sip:alice@bank.example>";
    private String callId = "reg-1@ua.example";
    private long cseq = 1;
    private final List<String> contacts = new ArrayList<>();
    private final List<String> extra = new ArrayList<>();
    private String expires;

    static RegisterRequests register() {
        return new RegisterRequests();
    }

    RegisterRequests requestUri(String uri) {
        this.requestUri = uri;
        return this;
    }

    RegisterRequests to(String value) {
        this.to = value;
        return this;
    }

    RegisterRequests callId(String id) {
        this.callId = id;
        return this;
    }

    RegisterRequests cseq(long n) {
        this.cseq = n;
        return this;
    }

    RegisterRequests contact(String value) {
        contacts.add(value);
        return this;
    }

    RegisterRequests expires(String value) {
        this.expires = value;
        return this;
    }

    RegisterRequests header(String name, String value) {
        extra.add(name + ": " + value);
        return this;
    }

    SipRequest build() {
        var b = SipRequest.builder("REGISTER", requestUri)
                .header("Via", "SIP/2.0/UDP 192.0.2.4:5070;branch=" + TransactionLayer.newBranch())
                .header("Max-Forwards", "70")
                .header("From", to + ";tag=f" + cseq)
                .header("To", to)
                .header("Call-ID", callId)
                .header("CSeq", cseq + " REGISTER");
        for (String c : contacts) {
            b.header("Contact", c);
        }
        if (expires != null) {
            b.header("Expires", expires);
        }
        for (String e : extra) {
            int colon = e.indexOf(':');
            b.header(e.substring(0, colon), e.substring(colon + 2));
        }
        return b.build();
    }
}
