package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.internal.Args;
import org.apiguardian.api.API;

/** What happens to a contact when the last step of its queue times out. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface Overflow {

    /** The contact stays in the last step for as long as it waits. */
    static Overflow stay() {
        return Stay.INSTANCE;
    }

    /**
     * The contact moves to another queue, keeping its original arrival time (and so its place).
     *
     * @param queue the target queue
     * @return the overflow
     */
    static Overflow toQueue(QueueId queue) {
        return new ToQueue(Args.notNull(queue, "overflow queue"));
    }

    /** The contact becomes a callback (virtual hold): the customer may hang up and keeps the place. */
    static Overflow callback() {
        return Callback.INSTANCE;
    }

    /**
     * The contact leaves the engine with outcome {@link Outcome#OVERFLOWED}; the application sends it
     * elsewhere (voicemail, another site).
     */
    static Overflow leave() {
        return Leave.INSTANCE;
    }

    /** Stays in the last step. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Stay implements Overflow {
        /** The only value. */
        INSTANCE
    }

    /** Becomes a callback. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Callback implements Overflow {
        /** The only value. */
        INSTANCE
    }

    /** Leaves the engine. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Leave implements Overflow {
        /** The only value. */
        INSTANCE
    }

    /**
     * Moves to another queue.
     *
     * @param queue the target
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ToQueue(QueueId queue) implements Overflow {}
}
