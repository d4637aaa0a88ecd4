package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A message a customer sent to the bank: an MO SMS (a reply to a two-way number), a WeChat message
 * or event. {@code toString} masks the sender and hides the text and the attributes.
 *
 * <p>Since issue 26 it carries its {@link InboundKind}, the provider's message id (WeChat's {@code
 * MsgId}, by which a provider delivers a retried message once) and the provider's further fields;
 * the six-argument constructor of before makes a {@link InboundKind#TEXT} without them.
 *
 * @param from the sender
 * @param to the bank's number or account it was sent to (e.g. the SMS service number)
 * @param text the text
 * @param receivedAt when the provider received it
 * @param provider the name of the provider it came through
 * @param customer the sender as a customer, when the provider or the application knows it;
 *     otherwise the address resolver is asked
 * @param kind what was sent
 * @param providerMessageId the provider's id of the message, when it has one
 * @param attributes the provider's further fields (a media id, a menu key, a location), by name
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record InboundMessage(
        Address from,
        String to,
        String text,
        Instant receivedAt,
        String provider,
        Optional<CustomerId> customer,
        InboundKind kind,
        Optional<String> providerMessageId,
        Map<String, String> attributes) {

    /** Validates the message. */
    public InboundMessage {
        Arguments.notNull(from, "from");
        Arguments.notNull(to, "to");
        Arguments.notNull(text, "text");
        Arguments.notNull(receivedAt, "received at");
        Arguments.notBlank(provider, "provider");
        Arguments.notNull(customer, "customer");
        Arguments.notNull(kind, "kind");
        Arguments.notNull(providerMessageId, "provider message id");
        attributes = Map.copyOf(Arguments.notNull(attributes, "attributes"));
    }

    /**
     * A text message, as before issue 26: no provider message id, no attributes.
     *
     * @param from the sender
     * @param to the bank's number or account it was sent to
     * @param text the text
     * @param receivedAt when the provider received it
     * @param provider the name of the provider it came through
     * @param customer the sender as a customer, when known
     */
    public InboundMessage(
            Address from, String to, String text, Instant receivedAt, String provider, Optional<CustomerId> customer) {
        this(from, to, text, receivedAt, provider, customer, InboundKind.TEXT, Optional.empty(), Map.of());
    }

    /**
     * The same message with the customer known.
     *
     * @param known the customer
     * @return the message
     */
    public InboundMessage withCustomer(CustomerId known) {
        return new InboundMessage(
                from, to, text, receivedAt, provider, Optional.of(known), kind, providerMessageId, attributes);
    }

    @Override
    public String toString() {
        return "InboundMessage[" + kind + " from=" + from + ", to=" + to + ", " + text.length() + " characters, via "
                + provider + providerMessageId.map(id -> ", id " + id).orElse("") + "]";
    }
}
