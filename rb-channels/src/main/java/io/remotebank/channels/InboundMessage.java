package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A message a customer sent to the bank: an MO SMS (a reply to a two-way number), later a WeChat
 * message. {@code toString} masks the sender and hides the text.
 *
 * @param from the sender
 * @param to the bank's number or account it was sent to (e.g. the SMS service number)
 * @param text the text
 * @param receivedAt when the provider received it
 * @param provider the name of the provider it came through
 * @param customer the sender as a customer, when the provider or the application knows it;
 *     otherwise the address resolver is asked
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InboundMessage(
        Address from, String to, String text, Instant receivedAt, String provider, Optional<CustomerId> customer) {

    /** Validates the message. */
    public InboundMessage {
        Arguments.notNull(from, "from");
        Arguments.notNull(to, "to");
        Arguments.notNull(text, "text");
        Arguments.notNull(receivedAt, "received at");
        Arguments.notBlank(provider, "provider");
        Arguments.notNull(customer, "customer");
    }

    @Override
    public String toString() {
        return "InboundMessage[from=" + from + ", to=" + to + ", " + text.length() + " characters, via " + provider
                + "]";
    }
}
