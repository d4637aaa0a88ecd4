package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A message changed status after {@code send}: submitted, delivered, failed, expired or suppressed
 * when due.
 *
 * @param id the message
 * @param idempotencyKey the caller's key of the message
 * @param status the new status
 * @param at when
 * @param providerMessageId the provider's id of the message, once submitted
 * @param detail why it failed, expired or was suppressed, without personal data
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record StatusEvent(
        MessageId id,
        IdempotencyKey idempotencyKey,
        MessageStatus status,
        Instant at,
        Optional<String> providerMessageId,
        Optional<String> detail) {

    /** Validates the event. */
    public StatusEvent {
        Arguments.notNull(id, "id");
        Arguments.notNull(idempotencyKey, "idempotency key");
        Arguments.notNull(status, "status");
        Arguments.notNull(at, "at");
        Arguments.notNull(providerMessageId, "provider message id");
        Arguments.notNull(detail, "detail");
    }
}
