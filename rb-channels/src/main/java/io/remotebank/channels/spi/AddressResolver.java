package io.remotebank.channels.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.Address;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import java.time.ZoneId;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The bank's directory of how to reach a customer: the address on a channel, the customer behind an
 * address (for opt-out replies), the customer's time zone (for quiet hours). Backed by the bank's
 * CRM or customer master; {@link io.remotebank.channels.AddressDirectory} is the in-memory default.
 *
 * <p>Implement {@link #resolve}; the rest are defaults. Prove an implementation with {@code
 * io.remotebank.tck.channels.AddressResolverContract} from rb-tck.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface AddressResolver {

    /**
     * The customer's address on a channel.
     *
     * @param customer the customer
     * @param channel the channel
     * @return an address on that channel, or empty when the customer has none
     */
    Optional<Address> resolve(CustomerId customer, ContactChannel channel);

    /**
     * The customer an address belongs to. Default: unknown.
     *
     * @param address the address
     * @return the customer, or empty
     */
    default Optional<CustomerId> customerOf(Address address) {
        return Optional.empty();
    }

    /**
     * The customer's time zone. Default: unknown (the policy's default zone applies).
     *
     * @param customer the customer
     * @return the zone, or empty
     */
    default Optional<ZoneId> zoneOf(CustomerId customer) {
        return Optional.empty();
    }

    /** A resolver that knows nobody. */
    static AddressResolver none() {
        return (customer, channel) -> Optional.empty();
    }
}
