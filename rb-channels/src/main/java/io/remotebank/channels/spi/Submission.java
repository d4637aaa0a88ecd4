package io.remotebank.channels.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Address;
import io.remotebank.channels.Category;
import io.remotebank.channels.MessageId;
import io.remotebank.core.Arguments;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One message handed to a provider. {@code toString} masks the address and hides the content.
 *
 * @param id the outbox's id: the de-duplication key (a client reference for the carrier)
 * @param address where to
 * @param category what kind of message (a carrier may route OTPs and marketing differently)
 * @param content what to send, in the provider's form
 * @param attempt 1 for the first hand-over, then 2, 3...
 * @param deadline when the message stops being worth delivering (e.g. an SMPP validity period)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Submission(
        MessageId id,
        Address address,
        Category category,
        ProviderContent content,
        int attempt,
        Optional<Instant> deadline) {

    /** Validates the submission. */
    public Submission {
        Arguments.notNull(id, "id");
        Arguments.notNull(address, "address");
        Arguments.notNull(category, "category");
        Arguments.notNull(content, "content");
        Arguments.inRange(attempt, 1, Integer.MAX_VALUE, "attempt");
        Arguments.notNull(deadline, "deadline");
    }
}
