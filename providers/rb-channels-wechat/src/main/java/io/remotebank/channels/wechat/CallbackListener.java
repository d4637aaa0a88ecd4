package io.remotebank.channels.wechat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Receives each message the endpoint accepted (signature, crypto, receive id and replay window
 * checked). Called on the server's thread: WeChat waits at most five seconds for the answer.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface CallbackListener {
    /**
     * A message or event came.
     *
     * @param message the message
     * @return a passive reply (the plain XML, or JSON for a JSON mini-program), which the endpoint
     *     encrypts when the message came encrypted; empty to answer {@code success}
     */
    Optional<String> onMessage(CallbackMessage message);
}
