package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import java.time.Instant;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A state change of the engine. Every change is an event; replaying them rebuilds the history of
 * every contact and agent. {@link #sequence()} numbers events from 1 without gaps.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface RoutingEvent {

    /** The event's number: consecutive from 1, in the order the engine made the changes. */
    long sequence();

    /** When it happened, in epoch milliseconds on the engine's clock. */
    long atMillis();

    /** When it happened. */
    default Instant at() {
        return Instant.ofEpochMilli(atMillis());
    }

    /** Why a contact moved between queues. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum MoveCause {
        /** The last step of its queue timed out with {@link Overflow#toQueue}. */
        OVERFLOW,
        /** The application transferred it. */
        TRANSFER,
        /** A supervisor moved it. */
        SUPERVISOR
    }

    /**
     * An agent's state changed.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param agent the agent
     * @param from the previous state
     * @param to the new state
     * @param reason the not-ready reason, when {@code to} is {@link AgentState#NOT_READY}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record AgentStateChanged(
            long sequence, long atMillis, AgentId agent, AgentState from, AgentState to, Optional<String> reason)
            implements RoutingEvent {}

    /**
     * A contact entered the engine.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param queue its queue
     * @param channel its channel
     * @param priority its priority
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ContactArrived(
            long sequence, long atMillis, ContactId contact, QueueId queue, ContactChannel channel, int priority)
            implements RoutingEvent {}

    /**
     * A contact entered a routing step of its queue.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param queue its queue
     * @param step the step's index
     * @param stepName the step's name
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record StepEntered(long sequence, long atMillis, ContactId contact, QueueId queue, int step, String stepName)
            implements RoutingEvent {}

    /**
     * A contact was offered to an agent.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param offer the offer
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record OfferMade(long sequence, long atMillis, Offer offer) implements RoutingEvent {}

    /**
     * An agent accepted an offer; the contact is connected.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param agent the agent
     * @param queue its queue
     * @param waitMillis its wait in this queue
     * @param forced whether a supervisor assigned it
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ContactConnected(
            long sequence,
            long atMillis,
            ContactId contact,
            AgentId agent,
            QueueId queue,
            long waitMillis,
            boolean forced)
            implements RoutingEvent {}

    /**
     * An offer was rejected or timed out; the contact went back to its place.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param agent the agent
     * @param timedOut whether it timed out rather than being rejected
     * @param consecutiveMisses the agent's misses in a row, including this one
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record OfferMissed(
            long sequence, long atMillis, ContactId contact, AgentId agent, boolean timedOut, int consecutiveMisses)
            implements RoutingEvent {}

    /**
     * An offer was withdrawn because the contact abandoned, moved or became a callback.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param agent the agent
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record OfferWithdrawn(long sequence, long atMillis, ContactId contact, AgentId agent) implements RoutingEvent {}

    /**
     * A contact moved to another queue.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param from the queue it left
     * @param to the queue it entered
     * @param cause why
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ContactMoved(long sequence, long atMillis, ContactId contact, QueueId from, QueueId to, MoveCause cause)
            implements RoutingEvent {}

    /**
     * A contact became a callback: the customer may hang up and keeps the place.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param queue its queue
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record CallbackScheduled(long sequence, long atMillis, ContactId contact, QueueId queue) implements RoutingEvent {}

    /**
     * A waiting contact's priority changed.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param from the old priority
     * @param to the new priority
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ContactReprioritised(long sequence, long atMillis, ContactId contact, int from, int to)
            implements RoutingEvent {}

    /**
     * An agent stopped handling a contact that goes on elsewhere (a transfer); the agent's slot goes to
     * wrap-up.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param agent the agent
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ContactReleased(long sequence, long atMillis, ContactId contact, AgentId agent) implements RoutingEvent {}

    /**
     * A contact left the engine. Each contact that arrived ends exactly once.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param contact the contact
     * @param queue the queue it was last in
     * @param outcome how it ended
     * @param agent the agent who served it (or was calling back), if any
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record ContactEnded(
            long sequence, long atMillis, ContactId contact, QueueId queue, Outcome outcome, Optional<AgentId> agent)
            implements RoutingEvent {}

    /**
     * An agent's wrap-up of a contact ended and its slot is free.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param agent the agent
     * @param contact the contact
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record WrapUpEnded(long sequence, long atMillis, AgentId agent, ContactId contact) implements RoutingEvent {}

    /**
     * A supervisor overrode the engine; the same override is in the audit trail.
     *
     * @param sequence the event number
     * @param atMillis when
     * @param action {@code force-assign}, {@code move} or {@code reprioritise}
     * @param supervisor who
     * @param contact the contact
     * @param target the agent, queue or new priority
     * @param reason why, as the supervisor gave it
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record SupervisorOverride(
            long sequence,
            long atMillis,
            String action,
            String supervisor,
            ContactId contact,
            String target,
            String reason)
            implements RoutingEvent {}
}
