package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.RbException;
import io.remotebank.core.storage.AppendLog;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.FlowState;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Flow states in rb-core's append-only log: each save appends the whole state as one line of JSON
 * (forced to disk before the save returns), and opening the file replays it, keeping each flow's
 * latest version.
 */
@API(status = INTERNAL, since = "0.1")
public final class FileFlowStore extends MemoryFlowStore implements AutoCloseable {

    private final AppendLog log;

    public FileFlowStore(Path file) {
        try {
            this.log = AppendLog.open(file);
        } catch (RbException e) {
            throw new IdentityException(
                    e.code().code().endsWith("corrupt") ? IdentityError.STORE_CORRUPT : IdentityError.STORE_FAILED,
                    "cannot open the flow store " + file + ": " + e.getMessage(),
                    e);
        }
        int line = 0;
        for (String record : log.records()) {
            line++;
            try {
                load(FlowCodec.decode(record));
            } catch (Exception e) {
                log.close();
                throw new IdentityException(
                        IdentityError.STORE_CORRUPT, "flow store " + file + ": record " + line + " cannot be read", e);
            }
        }
    }

    @Override
    protected void persist(FlowState state) {
        try {
            log.append(FlowCodec.encode(state));
        } catch (RbException e) {
            throw new IdentityException(
                    IdentityError.STORE_FAILED, "cannot write the flow store: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        log.close();
    }

    @Override
    public String toString() {
        return "FileFlowStore[" + log.file() + "]";
    }
}
