package io.remotebank.channels.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Category;
import io.remotebank.channels.IdempotencyKey;
import io.remotebank.channels.MessageId;
import io.remotebank.channels.MessageRecord;
import io.remotebank.core.ContactChannel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the outbox keeps messages. Every method is atomic and durable when it returns (a record
 * written survives a crash of the process); several processes may share one store.
 *
 * <p>The SDK's implementation is JDBC ({@code OutboxStores.h2(...)}, {@code OutboxStores.jdbc(...)}).
 * Prove another with {@code io.remotebank.tck.channels.OutboxStoreContract} from rb-tck. Failures
 * throw {@link io.remotebank.channels.ChannelsException} with {@code channels.store.failed}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface OutboxStore extends AutoCloseable {

    /**
     * Stores a new record unless its channel and idempotency key are taken.
     *
     * @param record the record
     * @return the record now stored under that channel and key: {@code record} itself, or the one
     *     that was there first (then nothing was written)
     */
    MessageRecord insertIfAbsent(MessageRecord record);

    /**
     * A record by id.
     *
     * @param id the id
     * @return the record, or empty
     */
    Optional<MessageRecord> find(MessageId id);

    /**
     * A record by channel and idempotency key.
     *
     * @param channel the channel
     * @param key the key
     * @return the record, or empty
     */
    Optional<MessageRecord> find(ContactChannel channel, IdempotencyKey key);

    /**
     * A record by the id its provider gave it, for delivery reports.
     *
     * @param provider the provider's name
     * @param providerMessageId the provider's id
     * @return the record, or empty
     */
    Optional<MessageRecord> findByProviderMessageId(String provider, String providerMessageId);

    /**
     * Leases due records to one dispatcher: records that are {@link
     * io.remotebank.channels.MessageStatus#QUEUED}, due at or before {@code now} and not leased (or
     * whose lease ended at or before {@code now}), earliest due first. A leased record is not
     * returned to another claim until the lease ends or {@link #update} writes it.
     *
     * @param now the time
     * @param limit at most this many, 1 to 10,000
     * @param owner who takes the lease
     * @param leaseUntil when the lease ends
     * @return the leased records
     */
    List<MessageRecord> claimDue(Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * Writes the changing fields of a record (status, due time, attempts, provider, provider id, last
     * error, update time) and ends its lease.
     *
     * @param record the record as it now is
     * @throws io.remotebank.channels.ChannelsException with {@code channels.store.failed} when no
     *     record has that id
     */
    void update(MessageRecord record);

    /**
     * Counts, for frequency caps, the accepted and deferred records of a recipient and category
     * whose {@link MessageRecord#scheduledAt()} lies strictly between two times.
     *
     * @param capKey the recipient's {@link io.remotebank.channels.Recipient#capKey()}
     * @param category the category
     * @param after the start, exclusive
     * @param before the end, exclusive
     * @return the count
     */
    long countScheduled(String capKey, Category category, Instant after, Instant before);

    /** Releases what the store holds open. Default: nothing. */
    @Override
    default void close() {}
}
