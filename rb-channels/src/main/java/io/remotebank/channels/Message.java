package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.template.TemplateId;
import io.remotebank.core.Arguments;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One message to send.
 *
 * @param recipient who it is for
 * @param content what it says
 * @param category what kind of message it is
 * @param idempotencyKey the caller's name for it, unique per channel
 * @param deadline after this it is no longer worth sending (an OTP that has expired); it then ends
 *     {@link MessageStatus#EXPIRED}
 * @param zone the recipient's time zone for quiet hours, when the caller knows it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Message(
        Recipient recipient,
        Content content,
        Category category,
        IdempotencyKey idempotencyKey,
        Optional<Instant> deadline,
        Optional<ZoneId> zone) {

    /** Validates the message. */
    public Message {
        Arguments.notNull(recipient, "recipient");
        Arguments.notNull(content, "content");
        Arguments.notNull(category, "category");
        Arguments.notNull(idempotencyKey, "idempotency key");
        Arguments.notNull(deadline, "deadline");
        Arguments.notNull(zone, "zone");
    }

    /**
     * Starts a message.
     *
     * @param recipient who it is for
     * @param category what kind of message it is
     * @param idempotencyKey the caller's name for it
     * @return a builder; set the content with {@link Builder#text} or {@link Builder#template}
     */
    public static Builder builder(Recipient recipient, Category category, String idempotencyKey) {
        return new Builder(recipient, category, IdempotencyKey.of(idempotencyKey));
    }

    /** The channel it goes through. */
    public io.remotebank.core.ContactChannel channel() {
        return recipient.channel();
    }

    /**
     * This message with another recipient (a resolved address).
     *
     * @param resolved the recipient
     * @return the message
     */
    public Message withRecipient(Recipient resolved) {
        return new Message(resolved, content, category, idempotencyKey, deadline, zone);
    }

    /** Builds a {@link Message}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final Recipient recipient;
        private final Category category;
        private final IdempotencyKey key;
        private Content content;
        private Instant deadline;
        private ZoneId zone;

        private Builder(Recipient recipient, Category category, IdempotencyKey key) {
            this.recipient = Arguments.notNull(recipient, "recipient");
            this.category = Arguments.notNull(category, "category");
            this.key = key;
        }

        /**
         * Plain text content.
         *
         * @param text the text
         * @return this builder
         */
        public Builder text(String text) {
            this.content = new Content.Text(text);
            return this;
        }

        /**
         * Template content.
         *
         * @param id the logical template
         * @param parameters its parameters
         * @return this builder
         */
        public Builder template(String id, Map<String, String> parameters) {
            this.content = new Content.Template(TemplateId.of(id), parameters);
            return this;
        }

        /**
         * The time after which the message is not worth sending.
         *
         * @param deadline the deadline
         * @return this builder
         */
        public Builder deadline(Instant deadline) {
            this.deadline = Arguments.notNull(deadline, "deadline");
            return this;
        }

        /**
         * The recipient's time zone, for quiet hours.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Arguments.notNull(zone, "zone");
            return this;
        }

        /** The message. */
        public Message build() {
            return new Message(
                    recipient,
                    Arguments.notNull(content, "content (text or template)"),
                    category,
                    key,
                    Optional.ofNullable(deadline),
                    Optional.ofNullable(zone));
        }
    }
}
