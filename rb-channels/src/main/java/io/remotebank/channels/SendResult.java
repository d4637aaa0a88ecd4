package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * What {@code send} decided. Every case names the message's id, under which its record and status
 * can be read; sending the same idempotency key on the same channel again returns this result.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface SendResult {

    /** The message's id in the outbox. */
    MessageId id();

    /**
     * Queued in the outbox: it will be handed to the provider now.
     *
     * @param id the message
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Accepted(MessageId id) implements SendResult {
        /** Validates the result. */
        public Accepted {
            Arguments.notNull(id, "id");
        }
    }

    /**
     * Queued in the outbox for later: quiet hours hold it until {@code until}.
     *
     * @param id the message
     * @param until when it becomes due
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Deferred(MessageId id, Instant until) implements SendResult {
        /** Validates the result. */
        public Deferred {
            Arguments.notNull(id, "id");
            Arguments.notNull(until, "until");
        }
    }

    /**
     * The contact policy stopped it: it will never be sent.
     *
     * @param id the message
     * @param reason why
     * @param detail for people, without personal data
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Suppressed(MessageId id, SuppressionReason reason, String detail) implements SendResult {
        /** Validates the result. */
        public Suppressed {
            Arguments.notNull(id, "id");
            Arguments.notNull(reason, "reason");
            Arguments.notNull(detail, "detail");
        }
    }

    /**
     * The message is invalid (an unknown template, missing parameters, no address...): it will never
     * be sent.
     *
     * @param id the message
     * @param reason why
     * @param detail for people, without personal data
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Rejected(MessageId id, RejectionReason reason, String detail) implements SendResult {
        /** Validates the result. */
        public Rejected {
            Arguments.notNull(id, "id");
            Arguments.notNull(reason, "reason");
            Arguments.notNull(detail, "detail");
        }
    }
}
