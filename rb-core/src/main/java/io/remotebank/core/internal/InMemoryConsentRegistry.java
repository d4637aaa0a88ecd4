package io.remotebank.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import io.remotebank.core.consent.ConsentRecord;
import io.remotebank.core.spi.ConsentRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/** Consent records in memory: for tests, demos and applications that keep consent elsewhere. */
@API(status = INTERNAL, since = "0.1")
public class InMemoryConsentRegistry implements ConsentRegistry {

    private final Map<CustomerId, List<ConsentRecord>> byCustomer = new ConcurrentHashMap<>();

    @Override
    public void record(ConsentRecord record) {
        Arguments.notNull(record, "record");
        List<ConsentRecord> list = byCustomer.computeIfAbsent(record.customer(), c -> new ArrayList<>());
        synchronized (list) {
            list.add(record);
        }
    }

    @Override
    public List<ConsentRecord> history(CustomerId customer) {
        Arguments.notNull(customer, "customer");
        List<ConsentRecord> list = byCustomer.get(customer);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    @Override
    public String toString() {
        return "InMemoryConsentRegistry[" + byCustomer.size() + " customers]";
    }
}
