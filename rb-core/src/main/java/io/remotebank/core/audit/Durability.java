package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** When {@code append} returns, relative to the disk. */
@API(status = STABLE, since = "0.1")
public enum Durability {
    /** Each event is forced to disk (fsync) before its append returns. Slowest, simplest. */
    PER_EVENT,
    /**
     * Events are written in batches and forced together; an append returns once the force that
     * covers it is done, which happens as soon as the previous one finishes (within the group-commit
     * interval, 10 ms by default). The default: nearly the throughput of {@link #NONE} with the
     * guarantee of {@link #PER_EVENT}.
     */
    GROUP_COMMIT,
    /**
     * Appends return at once; events reach the operating system within the group-commit interval
     * and the disk whenever it decides. A crash can lose recent events, and a checkpoint can outlive
     * the events it covers. For tests and benchmarks.
     */
    NONE
}
