package io.remotebank.tck.signaling;

import io.remotebank.signaling.sip.auth.InMemoryCredentialStore;
import io.remotebank.signaling.sip.auth.UsersFile;
import io.remotebank.signaling.sip.auth.spi.CredentialStore;
import io.remotebank.signaling.sip.registrar.Binding;
import io.remotebank.signaling.sip.registrar.InMemoryLocationService;
import io.remotebank.signaling.sip.registrar.spi.LocationService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** rb-video-signaling's embedded location service and credential stores pass the kits. */
class EmbeddedSignalingStoresTest {

    // tag::kit[]
    @Nested
    class InMemoryLocations extends LocationServiceContract {
        @Override
        protected LocationService newService(KitClock clock) {
            return new InMemoryLocationService(clock);
        }
    }
    // end::kit[]

    /** A store with only the two required methods: the optional ones' defaults pass the kit too. */
    @Nested
    class OnlyTheRequiredMethods extends LocationServiceContract {
        @Override
        protected LocationService newService(KitClock clock) {
            InMemoryLocationService inner = new InMemoryLocationService(clock);
            return new LocationService() {
                @Override
                public Bindings lookup(String addressOfRecord) {
                    return inner.lookup(addressOfRecord);
                }

                @Override
                public boolean replace(String addressOfRecord, long expectedVersion, List<Binding> bindings) {
                    return inner.replace(addressOfRecord, expectedVersion, bindings);
                }
            };
        }
    }

    @Nested
    class InMemoryCredentials extends CredentialStoreContract {
        @Override
        protected CredentialStore newStore(List<Entry> entries) {
            InMemoryCredentialStore store = new InMemoryCredentialStore();
            entries.forEach(e -> store.put(e.realm(), e.username(), e.algorithm(), e.ha1()));
            return store;
        }
    }

    @Nested
    class LoadedFromAUsersFile extends CredentialStoreContract {
        @Override
        protected CredentialStore newStore(List<Entry> entries) {
            // one line per (user, realm), as the file format asks
            java.util.Map<String, StringBuilder> lines = new java.util.LinkedHashMap<>();
            for (Entry e : entries) {
                StringBuilder line =
                        lines.computeIfAbsent(e.username() + ":" + e.realm(), k -> new StringBuilder(k).append(':'));
                if (line.charAt(line.length() - 1) != ':') {
                    line.append(',');
                }
                line.append(e.algorithm().token()).append('=').append(e.ha1());
            }
            List<String> file = new ArrayList<>(List.of("# kit users"));
            lines.values().forEach(l -> file.add(l.toString()));
            return UsersFile.parse(file);
        }
    }
}
