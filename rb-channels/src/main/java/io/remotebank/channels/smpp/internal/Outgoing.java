package io.remotebank.channels.smpp.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.spi.SubmitResult;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/** One submission on its way: its segments' answers and the caller's future. Event-loop confined. */
@API(status = INTERNAL, since = "0.1")
final class Outgoing {
    final CompletableFuture<SubmitResult> future = new CompletableFuture<>();
    final long deadline;
    final String[] ids;
    int pending;
    boolean done;

    Outgoing(int segments, long deadline) {
        this.ids = new String[segments];
        this.pending = segments;
        this.deadline = deadline;
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

    boolean finish(SubmitResult result) {
        if (done) {
            return false;
        }
        done = true;
        future.complete(result);
        return true;
    }
}
