package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CoreError;
import io.remotebank.core.ValidationException;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One entry of an {@code RTCConfiguration.iceServers} list (W3C WebRTC 4.2.4), as the server sends
 * it in {@code joined}.
 *
 * @param urls the STUN or TURN URLs ({@code stun:}, {@code turn:}, {@code turns:})
 * @param username the TURN username, if any
 * @param credential the TURN password, if any (a secret: {@link #toString()} masks it)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record IceServer(List<String> urls, Optional<String> username, Optional<String> credential) {

    /** Copies the URLs and checks them. */
    public IceServer {
        Arguments.notNull(urls, "urls");
        urls = List.copyOf(Arguments.noNulls(urls, "urls"));
        Arguments.notNull(username, "username");
        Arguments.notNull(credential, "credential");
        if (urls.isEmpty()) {
            throw new ValidationException(CoreError.ARGUMENT_INVALID, "urls must name at least one URL");
        }
    }

    /** A STUN server without credentials. */
    public static IceServer stun(String url) {
        return new IceServer(List.of(url), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "IceServer" + urls + username.map(u -> " user " + u).orElse("")
                + credential.map(c -> " credential ***").orElse("");
    }
}
