package io.remotebank.channels.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Address;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * When each customer address last interacted with the bank on its channel (sent a message, tapped a
 * menu, followed the account): what WeChat's 48-hour customer-service window is counted from. The
 * messaging service records every inbound message and event but an unsubscribe, and its contact policy
 * reads the log before a free-form message goes out on a channel with a service window.
 *
 * <p>{@link io.remotebank.channels.policy.InteractionLogs#inMemory()} is the embedded default (one
 * process); a cluster whose callbacks and sends run on different nodes shares an implementation over
 * its database. Prove one with {@code io.remotebank.tck.channels.InteractionLogContract} from rb-tck.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface InteractionLog {

    /**
     * Records an interaction; an earlier one than the recorded one changes nothing.
     *
     * @param address the customer's address
     * @param at when it happened
     */
    void record(Address address, Instant at);

    /**
     * The last interaction of an address.
     *
     * @param address the address
     * @return when, or empty when none is recorded
     */
    Optional<Instant> lastInteraction(Address address);
}
