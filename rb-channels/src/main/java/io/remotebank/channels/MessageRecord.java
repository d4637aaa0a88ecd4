package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A message as the outbox keeps it: what was sent, what {@code send} decided, and where it stands.
 * Times are kept to the millisecond.
 *
 * @param id the outbox's id
 * @param message the message, with its address once resolved
 * @param result what {@code send} decided (returned again for a repeated idempotency key)
 * @param status where it stands now
 * @param createdAt when {@code send} stored it
 * @param dueAt when it is next due for the dispatcher (the deferral, then each retry)
 * @param attempts how many times it was handed to a provider
 * @param provider the provider it was handed to, once it was
 * @param providerMessageId the provider's id of it, once submitted
 * @param lastError the last failure, without personal data
 * @param updatedAt when the record last changed
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record MessageRecord(
        MessageId id,
        Message message,
        SendResult result,
        MessageStatus status,
        Instant createdAt,
        Instant dueAt,
        int attempts,
        Optional<String> provider,
        Optional<String> providerMessageId,
        Optional<String> lastError,
        Instant updatedAt) {

    /** Validates the record and truncates its times to milliseconds. */
    public MessageRecord {
        Arguments.notNull(id, "id");
        Arguments.notNull(message, "message");
        Arguments.notNull(result, "result");
        Arguments.notNull(status, "status");
        createdAt = Arguments.notNull(createdAt, "created at").truncatedTo(ChronoUnit.MILLIS);
        dueAt = Arguments.notNull(dueAt, "due at").truncatedTo(ChronoUnit.MILLIS);
        Arguments.inRange(attempts, 0, Integer.MAX_VALUE, "attempts");
        Arguments.notNull(provider, "provider");
        Arguments.notNull(providerMessageId, "provider message id");
        Arguments.notNull(lastError, "last error");
        updatedAt = Arguments.notNull(updatedAt, "updated at").truncatedTo(ChronoUnit.MILLIS);
        if (!result.id().equals(id)) {
            throw new io.remotebank.core.ValidationException(
                    ChannelsError.ARGUMENT_INVALID, "the result names message " + result.id() + ", not " + id);
        }
    }

    /**
     * A new record as {@code send} stores it.
     *
     * @param message the message
     * @param result the decision
     * @param now the time
     * @return the record: queued and due now or at the deferral for accepted and deferred messages,
     *     suppressed or rejected otherwise
     */
    public static MessageRecord created(Message message, SendResult result, Instant now) {
        MessageStatus status;
        Instant due = now;
        if (result instanceof SendResult.Accepted) {
            status = MessageStatus.QUEUED;
        } else if (result instanceof SendResult.Deferred d) {
            status = MessageStatus.QUEUED;
            due = d.until();
        } else if (result instanceof SendResult.Suppressed) {
            status = MessageStatus.SUPPRESSED;
        } else {
            status = MessageStatus.REJECTED;
        }
        return new MessageRecord(
                result.id(),
                message,
                result,
                status,
                now,
                due,
                0,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                now);
    }

    /**
     * When {@code send} scheduled the message: the deferral, or the creation time. Frequency caps
     * count messages by this time.
     *
     * @return the time
     */
    public Instant scheduledAt() {
        return result instanceof SendResult.Deferred d ? d.until().truncatedTo(ChronoUnit.MILLIS) : createdAt;
    }

    /**
     * Whether frequency caps count this message: it was accepted or deferred.
     *
     * @return true for accepted and deferred messages
     */
    public boolean countsTowardsCaps() {
        return result instanceof SendResult.Accepted || result instanceof SendResult.Deferred;
    }

    /**
     * This record with another status, due time, attempt count, provider fields and error.
     *
     * @param newStatus the status
     * @param newDueAt the due time
     * @param newAttempts the attempt count
     * @param newProvider the provider
     * @param newProviderMessageId the provider's message id
     * @param newLastError the last error
     * @param now the time of the change
     * @return the record
     */
    public MessageRecord with(
            MessageStatus newStatus,
            Instant newDueAt,
            int newAttempts,
            Optional<String> newProvider,
            Optional<String> newProviderMessageId,
            Optional<String> newLastError,
            Instant now) {
        return new MessageRecord(
                id,
                message,
                result,
                newStatus,
                createdAt,
                newDueAt,
                newAttempts,
                newProvider,
                newProviderMessageId,
                newLastError,
                now);
    }

    /**
     * This record with another status only.
     *
     * @param newStatus the status
     * @param detail the reason, for failures
     * @param now the time of the change
     * @return the record
     */
    public MessageRecord withStatus(MessageStatus newStatus, Optional<String> detail, Instant now) {
        return with(newStatus, dueAt, attempts, provider, providerMessageId, detail.or(() -> lastError), now);
    }
}
