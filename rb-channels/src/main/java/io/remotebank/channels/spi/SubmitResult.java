package io.remotebank.channels.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/** The carrier's answer to one submission. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface SubmitResult {

    /**
     * Taken by the carrier.
     *
     * @param providerMessageId the carrier's id of the message (an SMSC's message_id), which
     *     delivery reports refer to; 1-128 characters
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Submitted(String providerMessageId) implements SubmitResult {
        /** Validates the result. */
        public Submitted {
            Arguments.notBlank(providerMessageId, "provider message id");
            Arguments.inRange(providerMessageId.length(), 1, 128, "provider message id length");
        }
    }

    /**
     * Not taken now, worth retrying (throttled, queue full, connection lost).
     *
     * @param reason the carrier's code or a short description, without personal data
     * @param retryAfter how long to wait at least, when the carrier said
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record TemporaryFailure(String reason, Optional<Duration> retryAfter) implements SubmitResult {
        /** Validates the result. */
        public TemporaryFailure {
            Arguments.notBlank(reason, "reason");
            Arguments.notNull(retryAfter, "retry after");
        }
    }

    /**
     * Refused for good (invalid destination, content rejected, account barred): not retried.
     *
     * @param reason the carrier's code or a short description, without personal data
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record PermanentFailure(String reason) implements SubmitResult {
        /** Validates the result. */
        public PermanentFailure {
            Arguments.notBlank(reason, "reason");
        }
    }
}
