package io.remotebank.signaling.sip;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.signaling.internal.sip.MessageScanner.Frame;
import org.apiguardian.api.API;

/** An immutable SIP response (RFC 3261 7.2): status code, reason phrase, header fields, body. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SipResponse extends SipMessage {

    SipResponse(Frame frame) {
        super(frame);
    }

    /**
     * A builder for a new response.
     *
     * @param statusCode 100-699
     * @param reasonPhrase the reason phrase (may be empty)
     * @return the builder
     */
    public static Builder builder(int statusCode, String reasonPhrase) {
        return new Builder("SIP/2.0 " + statusCode + " " + reasonPhrase);
    }

    /**
     * A builder for a response to a request, with the fields RFC 3261 8.2.6.2 copies: Via (all),
     * From, To (a tag added when given and absent), Call-ID and CSeq.
     *
     * @param request the request
     * @param statusCode 100-699
     * @param reasonPhrase the reason phrase
     * @param toTag the To tag to add when the request has none, or null
     * @return the builder
     */
    public static Builder to(SipRequest request, int statusCode, String reasonPhrase, String toTag) {
        Builder b = builder(statusCode, reasonPhrase);
        for (Header h : request.headers()) {
            String n = h.name();
            int k = io.remotebank.signaling.internal.sip.HeaderNames.kind(n);
            if (k == io.remotebank.signaling.internal.sip.HeaderNames.TO) {
                String v = h.value();
                if (toTag != null && request.toTag().isEmpty()) {
                    v = v + ";tag=" + toTag;
                }
                b.header("To", v);
            } else if (k == io.remotebank.signaling.internal.sip.HeaderNames.VIA
                    || k == io.remotebank.signaling.internal.sip.HeaderNames.FROM
                    || k == io.remotebank.signaling.internal.sip.HeaderNames.CALL_ID
                    || k == io.remotebank.signaling.internal.sip.HeaderNames.CSEQ) {
                b.header(n, h.value());
            }
        }
        return b;
    }

    /** The status code, 100-699. */
    public int statusCode() {
        return frame.status;
    }

    /** The reason phrase (may be empty). */
    public String reasonPhrase() {
        return frame.reason;
    }

    @Override
    public Builder toBuilder() {
        return fill(new Builder(startLine()));
    }

    /** Builds a {@link SipResponse}: header fields and body as {@link SipMessageBuilder} says. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder extends SipMessageBuilder<Builder, SipResponse> {

        Builder(String statusLine) {
            super(statusLine);
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        SipResponse typed(SipMessage parsed) {
            if (parsed instanceof SipResponse response) {
                return response;
            }
            throw SipParseException.badRequest(0, "a response builder's start line parsed as a request");
        }
    }
}
