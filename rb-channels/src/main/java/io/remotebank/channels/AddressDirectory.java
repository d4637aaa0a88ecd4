package io.remotebank.channels;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.spi.AddressResolver;
import io.remotebank.core.Arguments;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * An in-memory {@link AddressResolver}: one address per customer and channel, and the customer's time
 * zone. Thread-safe. For tests, demos and small deployments; a bank plugs in its CRM instead.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AddressDirectory implements AddressResolver {

    private final Map<CustomerId, Map<ContactChannel, Address>> addresses = new ConcurrentHashMap<>();
    private final Map<String, CustomerId> owners = new ConcurrentHashMap<>();
    private final Map<CustomerId, ZoneId> zones = new ConcurrentHashMap<>();

    /** An empty directory. */
    public AddressDirectory() {}

    /**
     * Sets a customer's address on the address's channel, replacing the previous one.
     *
     * @param customer the customer
     * @param address the address
     * @return this directory
     */
    public synchronized AddressDirectory put(CustomerId customer, Address address) {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(address, "address");
        Address previous = addresses
                .computeIfAbsent(customer, c -> new ConcurrentHashMap<>())
                .put(address.channel(), address);
        if (previous != null) {
            owners.remove(previous.key(), customer);
        }
        owners.put(address.key(), customer);
        return this;
    }

    /**
     * Sets a customer's time zone.
     *
     * @param customer the customer
     * @param zone the zone
     * @return this directory
     */
    public AddressDirectory zone(CustomerId customer, ZoneId zone) {
        zones.put(Arguments.notNull(customer, "customer"), Arguments.notNull(zone, "zone"));
        return this;
    }

    @Override
    public Optional<Address> resolve(CustomerId customer, ContactChannel channel) {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(channel, "channel");
        return Optional.ofNullable(addresses.getOrDefault(customer, Map.of()).get(channel));
    }

    @Override
    public Optional<CustomerId> customerOf(Address address) {
        return Optional.ofNullable(
                owners.get(Arguments.notNull(address, "address").key()));
    }

    @Override
    public Optional<ZoneId> zoneOf(CustomerId customer) {
        return Optional.ofNullable(zones.get(Arguments.notNull(customer, "customer")));
    }

    @Override
    public String toString() {
        return "AddressDirectory[" + addresses.size() + " customers]";
    }
}
