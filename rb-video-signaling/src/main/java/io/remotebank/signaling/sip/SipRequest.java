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
    public static Builder builder(String method, String requestUri) {
        return new Builder(method + " " + requestUri + " SIP/2.0");
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
    public Builder toBuilder() {
        return fill(new Builder(startLine()));
    }

    /** Builds a {@link SipRequest}: header fields and body as {@link SipMessageBuilder} says. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder extends SipMessageBuilder<Builder, SipRequest> {

        Builder(String requestLine) {
            super(requestLine);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        SipRequest typed(SipMessage parsed) {
            if (parsed instanceof SipRequest request) {
                return request;
            }
            throw SipParseException.badRequest(0, "a request builder's start line parsed as a response");
        }
    }
}
