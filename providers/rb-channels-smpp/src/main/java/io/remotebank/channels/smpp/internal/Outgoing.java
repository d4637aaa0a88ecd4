package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.spi.SubmitResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;

/** One submission on its way: its segments' answers and the caller's future. Event-loop confined. */
@API(status = INTERNAL, since = "0.1")
final class Outgoing {
    final CompletableFuture<SubmitResult> future = new CompletableFuture<>();
    /** The submission's id (the outbox's), named in failure reasons. */
    final String messageId;

    final long deadline;
    final String[] ids;
    private final LongAdder failed;
    int pending;
    boolean done;

    Outgoing(String messageId, int segments, long deadline, LongAdder failed) {
        this.messageId = messageId;
        this.ids = new String[segments];
        this.pending = segments;
        this.deadline = deadline;
        this.failed = failed;
    }

    /** Records one segment's message id; true when it was the last. */
    boolean segmentDone(int index, String messageId) {
        if (done || ids[index] != null) {
            return false;
        }
        ids[index] = messageId;
        if (--pending == 0) {
            done = true;
            return true;
        }
        return false;
    }

    /** Ends the submission with a failure, unless it ended already. */
    boolean finish(SubmitResult result) {
        if (done) {
            return false;
        }
        done = true;
        failed.increment();
        future.complete(result);
        return true;
    }
}
