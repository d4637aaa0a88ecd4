package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.time.Cancellable;
import io.remotebank.core.time.Clocks;
import io.remotebank.core.time.Scheduler;
import io.remotebank.routing.internal.Args;
import io.remotebank.routing.internal.CoreViews;
import io.remotebank.routing.internal.RoutingCore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The skill-based routing engine (ACD): agents, queues, contacts, offers, timers and statistics in one
 * embeddable object.
 *
 * <p><b>Threads.</b> Every method may be called from any thread. The engine is a single writer: one
 * lock admits one operation at a time, and each operation runs to completion in microseconds without
 * blocking or I/O (supervisor overrides also append to the audit trail). Because an operation only
 * ever sees a consistent state and leaves one, no contact is ever assigned twice and none is lost,
 * whatever the interleaving. A lock was chosen over a queue to an event-loop thread because an
 * uncontended lock costs tens of nanoseconds while a hand-off to another thread costs a wake-up
 * (microseconds); see {@code docs/rb-routing.md}.
 *
 * <p><b>Time.</b> The engine reads its {@link Clock} at the start of each operation and first fires
 * every timer due by then (step and preferred-agent timeouts, offer timeouts, wrap-up ends). With
 * {@link Builder#scheduledTicks(boolean)} on (the default) it also schedules a {@link #tick()} at
 * each deadline on its {@link Scheduler}; give it a virtual clock and scheduler (rb-testing's {@code
 * ManualTime}) and moving the virtual time fires the timers. Simulators turn scheduled ticks off
 * and call {@link #tick()} themselves.
 *
 * <p><b>Events.</b> Every state change is a {@link RoutingEvent} delivered to the {@link
 * RoutingListener}s in order; see {@link RoutingListener} for the threading.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RoutingEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingEngine.class);

    /** The longest a scheduled tick waits, so that a wall clock that jumps forward is caught up with. */
    private static final long MAX_TICK_DELAY_MILLIS = 1000;

    private final ReentrantLock lock = new ReentrantLock();
    private final RoutingCore core;
    private final CoreViews views;
    private final Clock clock;
    private final AuditTrail audit;
    private final CopyOnWriteArrayList<RoutingListener> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<RoutingEvent> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean dispatching = new AtomicBoolean();
    private final Scheduler scheduler;
    private final boolean scheduledTicks;
    private volatile boolean closed;

    // Guarded by lock: the scheduled tick, and the clock's millisecond it is due at.
    private Cancellable nextTick;
    private long nextTickAt = Long.MAX_VALUE;

    private RoutingEngine(Builder builder) {
        this.clock = builder.clock;
        this.audit = builder.audit;
        this.core = new RoutingCore(clock.millis(), builder.offerTimeout.toMillis(), builder.maxConsecutiveMisses);
        this.views = core.views();
        core.defineSkills(builder.skills);
        core.addQueues(builder.queues);
        for (AgentProfile agent : builder.agents) {
            core.addAgent(agent);
        }
        this.scheduler = builder.scheduler;
        this.scheduledTicks = builder.scheduledTicks;
    }

    /** A builder with the system clock and scheduler, a 15 s offer timeout, 2 misses to not-ready and scheduled ticks. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Defines skills; defining one twice is harmless.
     *
     * @param names skill names
     */
    public void defineSkills(String... names) {
        List<String> list = List.of(Args.notNull(names, "skills"));
        run(() -> core.defineSkills(list));
    }

    /**
     * Adds a queue; its overflow target must exist.
     *
     * @param queue the queue
     */
    public void addQueue(QueueConfig queue) {
        run(() -> core.addQueues(List.of(Args.notNull(queue, "queue"))));
    }

    /**
     * Registers an agent, logged out.
     *
     * @param agent the agent
     */
    public void addAgent(AgentProfile agent) {
        run(() -> core.addAgent(agent));
    }

    /**
     * Replaces an agent's skills, languages, capacity and queues; contacts in hand are kept.
     *
     * @param agent the new profile of a registered agent
     */
    public void updateAgent(AgentProfile agent) {
        run(() -> core.updateAgent(agent));
    }

    /**
     * Removes a logged-out agent.
     *
     * @param agent the agent
     */
    public void removeAgent(AgentId agent) {
        run(() -> core.removeAgent(agent));
    }

    // ------------------------------------------------------------------ agents

    /**
     * Logs an agent in; it starts not ready with reason {@code login}.
     *
     * @param agent the agent
     */
    public void login(AgentId agent) {
        run(() -> core.login(agent));
    }

    /**
     * Makes an agent ready (and resets its missed-offer count).
     *
     * @param agent a logged-in agent
     */
    public void ready(AgentId agent) {
        run(() -> core.ready(agent));
    }

    /**
     * Makes an agent not ready; contacts in hand and a pending offer stay.
     *
     * @param agent a logged-in agent
     * @param reason e.g. {@code break}, {@code training} (1-64 characters of {@code A-Z a-z 0-9 . _ : -})
     */
    public void notReady(AgentId agent, String reason) {
        run(() -> core.notReady(agent, reason));
    }

    /**
     * Logs an agent out; refused while it holds contacts. Contacts waiting for it alone go to their
     * queues.
     *
     * @param agent the agent
     */
    public void logout(AgentId agent) {
        run(() -> core.logout(agent));
    }

    // ------------------------------------------------------------------ contacts

    /**
     * A contact arrives: it is offered at once to the best available agent, or waits.
     *
     * @param contact the contact
     * @return the offer made at once, or empty when the contact waits
     */
    public Optional<Offer> arrive(ContactRequest contact) {
        return Optional.ofNullable(call(() -> core.arrive(contact)));
    }

    /**
     * An agent accepts its pending offer.
     *
     * @param agent the agent
     * @param contact the contact offered
     */
    public void accept(AgentId agent, ContactId contact) {
        run(() -> core.accept(agent, contact));
    }

    /**
     * An agent rejects its pending offer; the contact goes back to its place and is not offered to this
     * agent again. After the configured number of misses in a row the agent goes not ready (reason
     * {@code missed-offers}).
     *
     * @param agent the agent
     * @param contact the contact offered
     */
    public void reject(AgentId agent, ContactId contact) {
        run(() -> core.reject(agent, contact));
    }

    /**
     * An agent completes a connected contact: it ends as {@link Outcome#SERVED} and the agent wraps up.
     *
     * @param agent the agent
     * @param contact the contact
     */
    public void complete(AgentId agent, ContactId contact) {
        run(() -> core.complete(agent, contact));
    }

    /**
     * Ends an agent's wrap-up of a contact before its timer.
     *
     * @param agent the agent
     * @param contact the contact wrapped up
     */
    public void endWrapUp(AgentId agent, ContactId contact) {
        run(() -> core.endWrapUp(agent, contact));
    }

    /**
     * The customer hangs up: a waiting or offered contact ends as {@link Outcome#ABANDONED} wherever it
     * is. A connected callback the agent cannot reach also ends this way. A connected contact is
     * completed instead.
     *
     * @param contact the contact
     */
    public void abandon(ContactId contact) {
        run(() -> core.abandon(contact));
    }

    /**
     * The customer chooses a callback (virtual hold): the contact keeps its place and is offered as a
     * callback when reached.
     *
     * @param contact a waiting or offered contact
     */
    public void requestCallback(ContactId contact) {
        run(() -> core.requestCallback(contact));
    }

    /**
     * Transfers a contact to a queue; it keeps its original arrival time. A connected contact leaves its
     * agent, who wraps up and is not offered the contact again.
     *
     * @param contact the contact
     * @param queue the target queue
     */
    public void transfer(ContactId contact, QueueId queue) {
        run(() -> core.transferToQueue(contact, queue));
    }

    /**
     * Transfers a contact to an agent: it waits for that agent alone for the queue's preferred-agent
     * wait (at least 30 s), then goes to its queue.
     *
     * @param contact the contact
     * @param agent a logged-in agent with slots on the contact's channel
     */
    public void transfer(ContactId contact, AgentId agent) {
        run(() -> core.transferToAgent(contact, agent));
    }

    // ------------------------------------------------------------------ supervisor overrides

    /**
     * A supervisor assigns a waiting or offered contact straight to an agent (connected at once),
     * ignoring skills and readiness but not free slots. Written to the audit trail first; if that fails,
     * nothing changes.
     *
     * @param contact the contact
     * @param agent a logged-in agent with a free slot on the contact's channel
     * @param supervisor who
     * @param reason why
     */
    public void forceAssign(ContactId contact, AgentId agent, AgentId supervisor, String reason) {
        override(
                "force-assign",
                contact,
                supervisor,
                reason,
                "agent",
                () -> agent.value(),
                audit -> core.forceAssign(contact, agent, supervisor.value(), reason, audit));
    }

    /**
     * A supervisor moves a waiting or offered contact to another queue, keeping its place. Audited
     * first.
     *
     * @param contact the contact
     * @param queue the target queue
     * @param supervisor who
     * @param reason why
     */
    public void move(ContactId contact, QueueId queue, AgentId supervisor, String reason) {
        override(
                "move",
                contact,
                supervisor,
                reason,
                "queue",
                () -> queue.value(),
                audit -> core.move(contact, queue, supervisor.value(), reason, audit));
    }

    /**
     * A supervisor changes a waiting or offered contact's priority. Audited first.
     *
     * @param contact the contact
     * @param priority 0-1000
     * @param supervisor who
     * @param reason why
     */
    public void reprioritise(ContactId contact, int priority, AgentId supervisor, String reason) {
        override(
                "reprioritise",
                contact,
                supervisor,
                reason,
                "priority",
                () -> Integer.toString(priority),
                audit -> core.reprioritise(contact, priority, supervisor.value(), reason, audit));
    }

    /** Checks the override's arguments and runs it with an audit step that the core calls after validation. */
    private void override(
            String action,
            ContactId contact,
            AgentId supervisor,
            String reason,
            String key,
            Supplier<String> target,
            java.util.function.Consumer<Runnable> apply) {
        checkOverride(supervisor, reason);
        Args.notNull(contact, "contact id");
        Runnable audit = auditing("routing.override." + action, supervisor, reason, contact, key, target);
        run(() -> apply.accept(audit));
    }

    private static void checkOverride(AgentId supervisor, String reason) {
        Args.notNull(supervisor, "supervisor");
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new RoutingException(RoutingError.ARGUMENT_INVALID, "an override needs a reason of 1-500 characters");
        }
    }

    private Runnable auditing(
            String action, AgentId supervisor, String reason, ContactId contact, String key, Supplier<String> target) {
        return () -> {
            if (audit == null) {
                return;
            }
            try {
                audit.append(AuditEvent.builder(action, Actor.agent(supervisor))
                        .time(clock.instant())
                        .detail("contact", contact.value())
                        .detail(key, target.get())
                        .detail("reason", reason)
                        .build());
            } catch (RuntimeException e) {
                throw new RoutingException(
                        RoutingError.AUDIT_FAILED, action + " of contact " + contact + " was not applied", e);
            }
        };
    }

    // ------------------------------------------------------------------ queries

    /**
     * An agent as the engine sees it now.
     *
     * @param agent the agent
     * @return the snapshot
     */
    public AgentSnapshot agent(AgentId agent) {
        return call(() -> views.agent(agent));
    }

    /**
     * A live contact as the engine sees it now.
     *
     * @param contact the contact
     * @return the snapshot, or empty once it has ended (or never arrived)
     */
    public Optional<ContactSnapshot> contact(ContactId contact) {
        Args.notNull(contact, "contact id");
        return call(() -> views.contact(contact));
    }

    /**
     * An agent's pending offer.
     *
     * @param agent the agent
     * @return the offer, or empty
     */
    public Optional<Offer> pendingOffer(AgentId agent) {
        return call(() -> views.pendingOffer(agent));
    }

    /**
     * A queue's statistics now (see {@link QueueStatistics} for the definitions).
     *
     * @param queue the queue
     * @return the statistics
     */
    public QueueStatistics statistics(QueueId queue) {
        return call(() -> views.statistics(queue));
    }

    /** Starts a new statistics interval: every queue's counters and every agent's time restart at zero. */
    public void resetStatistics() {
        run(views::resetStatistics);
    }

    /** The queues. */
    public List<QueueId> queues() {
        return call(views::queues);
    }

    /** The registered agents. */
    public List<AgentId> agents() {
        return call(views::agents);
    }

    /** The defined skills. */
    public List<String> skills() {
        return call(views::skills);
    }

    /** How many registered agents are in each state. */
    public java.util.Map<AgentState, Integer> agentStates() {
        return call(views::agentStates);
    }

    /** The number of live contacts (waiting, offered or connected). */
    public int liveContacts() {
        return call(views::liveContacts);
    }

    // ------------------------------------------------------------------ events and time

    /**
     * Registers a listener for every later event.
     *
     * @param listener the listener
     */
    public void addListener(RoutingListener listener) {
        Args.notNull(listener, "listener");
        run(() -> {
            listeners.add(listener);
            core.recordEvents(true);
        });
    }

    /**
     * Unregisters a listener.
     *
     * @param listener the listener
     */
    public void removeListener(RoutingListener listener) {
        run(() -> {
            listeners.remove(listener);
            core.recordEvents(!listeners.isEmpty());
        });
    }

    /** Reads the clock and fires every timer due by then. */
    public void tick() {
        run(() -> {});
    }

    /** The earliest pending deadline on the engine's clock, or empty when nothing is scheduled. */
    public Optional<java.time.Instant> nextDeadline() {
        long next = call(core::nextDeadline);
        return next == Long.MAX_VALUE ? Optional.empty() : Optional.of(java.time.Instant.ofEpochMilli(next));
    }

    /** The engine's clock. */
    public Clock clock() {
        return clock;
    }

    /**
     * The scheduler the engine's ticks run on; its ticker is the engine's measure of elapsed time
     * (e.g. for {@link io.remotebank.routing.metrics.RoutingMetrics}).
     *
     * @return the scheduler
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** Calls off the scheduled tick; later operations fail with {@link RoutingError#CLOSED}. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (nextTick != null) {
                nextTick.cancel();
                nextTick = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** For tests in this package: the structural invariant check. */
    Optional<String> invariantViolation() {
        return call(views::violation);
    }

    // ------------------------------------------------------------------ the single writer

    private void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    private <T> T call(Supplier<T> operation) {
        lock.lock();
        T result;
        try {
            if (closed) {
                throw new RoutingException(RoutingError.CLOSED, "the routing engine is closed");
            }
            long now = clock.millis();
            try {
                core.advance(now);
                result = operation.get();
            } finally {
                List<RoutingEvent> events = core.drainEvents();
                if (!events.isEmpty()) {
                    outbox.addAll(events);
                }
                if (scheduledTicks) {
                    armTick(now);
                }
            }
        } finally {
            lock.unlock();
        }
        dispatch();
        return result;
    }

    /** Delivers queued events in order; whichever thread wins the flag delivers for everyone. */
    private void dispatch() {
        while (!outbox.isEmpty() && dispatching.compareAndSet(false, true)) {
            try {
                RoutingEvent event;
                while ((event = outbox.poll()) != null) {
                    for (RoutingListener listener : listeners) {
                        try {
                            listener.onEvent(event);
                        } catch (RuntimeException e) {
                            LOG.warn("routing listener {} failed on event {}", listener, event.sequence(), e);
                        }
                    }
                }
            } finally {
                dispatching.set(false);
            }
        }
    }

    /**
     * Schedules a tick for the earliest deadline when none is due by then (under the lock). At most
     * {@link #MAX_TICK_DELAY_MILLIS} ahead: the scheduler measures delays on its ticker, the deadlines
     * are on the clock, and a wall clock may jump.
     */
    private void armTick(long now) {
        long deadline = core.nextDeadline();
        if (deadline == Long.MAX_VALUE || deadline >= nextTickAt) {
            return;
        }
        long delay = Math.min(Math.max(0, deadline - now), MAX_TICK_DELAY_MILLIS);
        if (nextTick != null) {
            nextTick.cancel();
        }
        nextTickAt = now + delay;
        nextTick = scheduler.schedule(Duration.ofMillis(delay), this::scheduledTick);
    }

    /** A tick the scheduler runs: fires what is due and arms the next one. */
    private void scheduledTick() {
        lock.lock();
        try {
            nextTick = null;
            nextTickAt = Long.MAX_VALUE;
        } finally {
            lock.unlock();
        }
        try {
            tick();
        } catch (RoutingException e) {
            if (e.code() != RoutingError.CLOSED) {
                LOG.warn("routing timer tick failed", e);
            }
        } catch (RuntimeException e) {
            LOG.warn("routing timer tick failed", e);
        }
    }

    /** Builds a {@link RoutingEngine}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private Clock clock = Clocks.system();
        private Scheduler scheduler = Scheduler.system();
        private Duration offerTimeout = Duration.ofSeconds(15);
        private int maxConsecutiveMisses = 2;
        private boolean scheduledTicks = true;
        private AuditTrail audit;
        private final List<String> skills = new ArrayList<>();
        private final List<QueueConfig> queues = new ArrayList<>();
        private final List<AgentProfile> agents = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the clock (tests and simulators use a virtual one).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Args.notNull(clock, "clock");
            return this;
        }

        /**
         * Sets how long an agent has to accept an offer.
         *
         * @param timeout 1 s to 10 min
         * @return this builder
         */
        public Builder offerTimeout(Duration timeout) {
            Args.positive(timeout, "offer timeout");
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new RoutingException(
                        RoutingError.ARGUMENT_INVALID, "offer timeout must be 1 s to 10 min (got " + timeout + ")");
            }
            this.offerTimeout = timeout;
            return this;
        }

        /**
         * Sets after how many missed offers in a row an agent goes not ready.
         *
         * @param misses 1-100, or 0 for never
         * @return this builder
         */
        public Builder maxConsecutiveMisses(int misses) {
            this.maxConsecutiveMisses = Args.range(misses, 0, 100, "max consecutive misses");
            return this;
        }

        /**
         * Sets the scheduler the engine's ticks run on (default {@link Scheduler#system()}). With a
         * virtual clock, give the scheduler of the same virtual time (rb-testing's {@code
         * ManualTime}): moving it fires the engine's timers at their due times. A scheduled tick
         * delivers the events it causes to the listeners on the scheduler's thread.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Args.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Whether the engine schedules a {@link RoutingEngine#tick()} at each deadline on its
         * scheduler (default true). Turn it off to drive time yourself with {@link
         * RoutingEngine#tick()}, as the simulator does.
         *
         * @param on whether ticks are scheduled
         * @return this builder
         */
        public Builder scheduledTicks(boolean on) {
            this.scheduledTicks = on;
            return this;
        }

        /**
         * Sets the audit trail that records supervisor overrides. Without one, overrides are only events.
         *
         * @param trail the trail
         * @return this builder
         */
        public Builder auditTrail(AuditTrail trail) {
            this.audit = Args.notNull(trail, "audit trail");
            return this;
        }

        /**
         * Defines skills.
         *
         * @param names skill names
         * @return this builder
         */
        public Builder skills(String... names) {
            for (String name : Args.notNull(names, "skills")) {
                skills.add(Args.name(name, "skill"));
            }
            return this;
        }

        /**
         * Adds a queue.
         *
         * @param queue the queue
         * @return this builder
         */
        public Builder queue(QueueConfig queue) {
            queues.add(Args.notNull(queue, "queue"));
            return this;
        }

        /**
         * Registers an agent (logged out).
         *
         * @param agent the agent
         * @return this builder
         */
        public Builder agent(AgentProfile agent) {
            agents.add(Args.notNull(agent, "agent"));
            return this;
        }

        /**
         * Builds the engine, checking the whole configuration (unknown skills and queues, overflow cycles).
         *
         * @return the engine
         */
        public RoutingEngine build() {
            return new RoutingEngine(this);
        }
    }
}
