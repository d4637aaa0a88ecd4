package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * The answer to a callback request.
 *
 * @param status the HTTP status
 * @param contentType the content type of the body
 * @param body the body; not copied
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CallbackResponse(int status, String contentType, byte[] body) {

    /** Validates the response. */
    public CallbackResponse {
        Arguments.inRange(status, 100, 599, "status");
        Arguments.notBlank(contentType, "content type");
        Arguments.notNull(body, "body");
    }

    /**
     * A plain-text answer.
     *
     * @param status the status
     * @param text the text
     * @return the response
     */
    public static CallbackResponse text(int status, String text) {
        return new CallbackResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CallbackResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
