package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.internal.sip.MessageScanner.Frame;
import org.apiguardian.api.API;

/** An immutable SIP request (RFC 3261 7.1): method, Request-URI, header fields, body. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipRequest extends SipMessage {

    SipRequest(Frame frame) {
        super(frame);
    }

    /**
     * A builder for a new request.
     *
     * @param method the method, e.g. {@code INVITE}
     * @param requestUri the Request-URI
     * @return the builder
     */
    public static SipMessageBuilder builder(String method, String requestUri) {
        return new SipMessageBuilder(method + " " + requestUri + " SIP/2.0");
    }

    /** The method (case-sensitive, RFC 3261 7.1). */
    public String method() {
        return frame.method;
    }

    /** The Request-URI. */
    public SipUri requestUri() {
        return frame.requestUri;
    }

    @Override
    public SipMessageBuilder toBuilder() {
        return fill(new SipMessageBuilder(startLine()));
    }
}
