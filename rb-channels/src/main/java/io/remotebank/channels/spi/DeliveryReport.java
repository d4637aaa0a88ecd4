package io.remotebank.channels.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.MessageStatus;
import io.remotebank.core.Arguments;
import io.remotebank.core.ValidationException;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the carrier later said about a submitted message (an SMPP delivery receipt, a gateway's
 * status callback).
 *
 * @param providerMessageId the id from {@link SubmitResult.Submitted}
 * @param status {@link MessageStatus#DELIVERED}, {@link MessageStatus#FAILED} or {@link
 *     MessageStatus#EXPIRED}
 * @param at when the carrier says it happened
 * @param error the carrier's error code, for failures
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DeliveryReport(String providerMessageId, MessageStatus status, Instant at, Optional<String> error) {

    /** Validates the report. */
    public DeliveryReport {
        Arguments.notBlank(providerMessageId, "provider message id");
        Arguments.notNull(status, "status");
        Arguments.notNull(at, "at");
        Arguments.notNull(error, "error");
        if (status != MessageStatus.DELIVERED && status != MessageStatus.FAILED && status != MessageStatus.EXPIRED) {
            throw new ValidationException(
                    io.remotebank.channels.ChannelsError.ARGUMENT_INVALID,
                    "a delivery report says delivered, failed or expired, not " + status);
        }
    }
}
