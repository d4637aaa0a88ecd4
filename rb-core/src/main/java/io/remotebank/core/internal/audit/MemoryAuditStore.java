package io.remotebank.core.internal.audit;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.spi.AuditStore;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** Records and checkpoints in memory: for tests and demos. */
@API(status = INTERNAL, since = "0.1")
public final class MemoryAuditStore implements AuditStore {

    private final List<byte[]> records = new ArrayList<>();
    private final List<byte[]> checkpoints = new ArrayList<>();

    @Override
    public synchronized long size() {
        return records.size();
    }

    @Override
    public synchronized void append(List<byte[]> batch) {
        Arguments.noNulls(batch, "records");
        for (byte[] record : batch) {
            records.add(record.clone());
        }
    }

    @Override
    public void force() {}

    @Override
    public synchronized List<byte[]> read(long from, int max) {
        Arguments.inRange(from, 0, records.size(), "from");
        Arguments.inRange(max, 0, Integer.MAX_VALUE, "max");
        int end = (int) Math.min(records.size(), from + max);
        List<byte[]> out = new ArrayList<>(end - (int) from);
        for (int i = (int) from; i < end; i++) {
            out.add(records.get(i).clone());
        }
        return out;
    }

    @Override
    public synchronized void appendCheckpoint(byte[] checkpoint) {
        checkpoints.add(Arguments.notNull(checkpoint, "checkpoint").clone());
    }

    @Override
    public synchronized List<byte[]> checkpoints() {
        return checkpoints.stream().map(byte[]::clone).toList();
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "MemoryAuditStore[" + size() + " records]";
    }
}
