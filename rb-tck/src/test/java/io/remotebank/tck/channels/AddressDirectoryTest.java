package io.remotebank.tck.channels;

import io.remotebank.channels.Address;
import io.remotebank.channels.AddressDirectory;
import io.remotebank.channels.spi.AddressResolver;
import io.remotebank.core.CustomerId;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;

/** rb-channels' in-memory directory passes the address-resolution kit; so does a resolve-only resolver. */
class AddressDirectoryTest {

    @Nested
    class Directory extends AddressResolverContract {
        @Override
        protected AddressResolver newResolver(Map<CustomerId, List<Address>> addresses, Map<CustomerId, ZoneId> zones) {
            AddressDirectory directory = new AddressDirectory();
            addresses.forEach((c, list) -> list.forEach(a -> directory.put(c, a)));
            zones.forEach(directory::zone);
            return directory;
        }
    }

    @Nested
    class ResolveOnly extends AddressResolverContract {
        @Override
        protected AddressResolver newResolver(Map<CustomerId, List<Address>> addresses, Map<CustomerId, ZoneId> zones) {
            return (customer, channel) -> addresses.getOrDefault(customer, List.of()).stream()
                    .filter(a -> a.channel() == channel)
                    .findFirst()
                    .or(Optional::empty);
        }

        @Override
        protected boolean supportsCustomerLookup() {
            return false;
        }

        @Override
        protected boolean supportsZones() {
            return false;
        }
    }
}
