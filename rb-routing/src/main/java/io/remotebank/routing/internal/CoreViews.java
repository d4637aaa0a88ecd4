package io.remotebank.routing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.AgentId;
import io.remotebank.routing.AgentSnapshot;
import io.remotebank.routing.AgentState;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.ContactSnapshot;
import io.remotebank.routing.ContactState;
import io.remotebank.routing.Offer;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.QueueStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/** Read-only views of a {@link RoutingCore}: snapshots, statistics and an invariant check. */
@API(status = INTERNAL, since = "0.1")
public final class CoreViews {

    private final RoutingCore core;

    CoreViews(RoutingCore core) {
        this.core = core;
    }

    /**
     * An agent's snapshot.
     *
     * @param id the agent
     * @return the snapshot
     */
    public AgentSnapshot agent(AgentId id) {
        AgentRec agent = core.agent(id);
        List<ContactId> connected = new ArrayList<>();
        agent.connected.forEach(c -> connected.add(c.id));
        List<ContactId> wrapping = new ArrayList<>();
        agent.wrapUps.forEach(w -> wrapping.add(w.contact.id));
        return new AgentSnapshot(
                agent.id,
                agent.reported,
                Optional.ofNullable(agent.presence == AgentState.NOT_READY ? agent.notReadyReason : null),
                Optional.ofNullable(agent.pending == null ? null : agent.pending.id),
                List.copyOf(connected),
                List.copyOf(wrapping),
                agent.misses);
    }

    /**
     * A live contact's snapshot.
     *
     * @param id the contact
     * @return the snapshot, or empty when no such contact is live
     */
    public Optional<ContactSnapshot> contact(ContactId id) {
        ContactRec c = core.contacts.get(id);
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(new ContactSnapshot(
                c.id,
                c.channel,
                c.state,
                c.queue.id,
                c.step,
                c.queue.steps[c.step].name,
                c.priority,
                c.callback,
                c.personalAgent != null,
                Optional.ofNullable(c.agent == null ? null : c.agent.id),
                Instant.ofEpochMilli(c.arrivalMillis),
                Instant.ofEpochMilli(c.queuedMillis)));
    }

    /**
     * An agent's pending offer.
     *
     * @param id the agent
     * @return the offer, or empty
     */
    public Optional<Offer> pendingOffer(AgentId id) {
        return core.pendingOffer(core.agent(id));
    }

    /** The registered agents. */
    public List<AgentId> agents() {
        return List.copyOf(core.agents.keySet());
    }

    /** The queues. */
    public List<QueueId> queues() {
        return List.copyOf(core.queues.keySet());
    }

    /** The defined skills. */
    public List<String> skills() {
        return core.skills.all();
    }

    /** How many agents are in each state. */
    public java.util.Map<AgentState, Integer> agentStates() {
        java.util.Map<AgentState, Integer> counts = new java.util.EnumMap<>(AgentState.class);
        for (AgentRec agent : core.agents.values()) {
            counts.merge(agent.reported, 1, Integer::sum);
        }
        return counts;
    }

    /** The number of live contacts. */
    public int liveContacts() {
        return core.contacts.size();
    }

    /**
     * A queue's statistics now.
     *
     * @param id the queue
     * @return the statistics
     */
    public QueueStatistics statistics(QueueId id) {
        QueueRec q = core.queue(id);
        long now = core.now;
        long offered = q.answered + q.abandoned;
        long handling = 0;
        long idle = 0;
        int loggedIn = 0;
        int available = 0;
        for (Membership m : q.members) {
            AgentRec a = m.agent;
            handling += a.handlingMillisAt(now);
            idle += a.idleMillisAt(now);
            if (a.presence != AgentState.LOGGED_OUT) {
                loggedIn++;
            }
            if (a.inAnyPool()) {
                available++;
            }
        }
        return new QueueStatistics(
                q.id,
                q.waiting,
                q.callbacksWaiting,
                Duration.ofMillis(q.firstWaiting == null ? 0 : Math.max(0, now - q.firstWaiting.queuedMillis)),
                q.arrived,
                q.answered,
                q.answeredWithin,
                q.abandoned,
                q.overflowed,
                q.movedOut,
                Duration.ofMillis(q.thresholdMillis),
                offered == 0 ? Double.NaN : (double) q.answeredWithin / offered,
                Duration.ofMillis(q.answered == 0 ? 0 : q.answerWaitMillis / q.answered),
                offered == 0 ? Double.NaN : (double) q.abandoned / offered,
                handling + idle == 0 ? Double.NaN : (double) handling / (handling + idle),
                loggedIn,
                available);
    }

    /** Starts a new statistics interval: queue counters and agent time accounts restart at zero. */
    public void resetStatistics() {
        core.queues.values().forEach(QueueRec::resetCounters);
        core.agents.values().forEach(a -> a.resetAccounting(core.now));
    }

    /**
     * Checks every structural invariant of the engine and describes the first violation.
     *
     * @return empty when consistent
     */
    public Optional<String> violation() {
        Set<ContactRec> seen = new HashSet<>();
        for (AgentRec a : core.agents.values()) {
            int[] load = new int[AgentRec.CHANNELS];
            int total = 0;
            if (a.pending != null) {
                if (a.pending.state != ContactState.OFFERED || a.pending.agent != a) {
                    return Optional.of(a.id + " pending " + a.pending + " not offered to it");
                }
                if (!seen.add(a.pending)) {
                    return Optional.of(a.pending.id + " held twice");
                }
                load[a.pending.ch]++;
                total++;
            }
            for (ContactRec c : a.connected) {
                if (c.state != ContactState.CONNECTED || c.agent != a) {
                    return Optional.of(a.id + " holds " + c + " not connected to it");
                }
                if (!seen.add(c)) {
                    return Optional.of(c.id + " held twice");
                }
                load[c.ch]++;
                total++;
            }
            for (AgentRec.WrapUp w : a.wrapUps) {
                load[w.contact.ch]++;
                total++;
            }
            for (int ch = 0; ch < AgentRec.CHANNELS; ch++) {
                if (load[ch] != a.load(ch)) {
                    return Optional.of(
                            a.id + " load mismatch on channel " + ch + ": " + a.load(ch) + " vs " + load[ch]);
                }
                if (a.pending == null && a.connected.size() + a.wrapUps.size() > 0 && load[ch] > a.slots(ch)) {
                    return Optional.of(a.id + " above capacity on channel " + ch);
                }
                boolean available = a.available(ch);
                boolean activeSomewhere = (a.activeMask & (1L << ch)) != 0;
                if (a.inPool(ch) && !activeSomewhere) {
                    return Optional.of(a.id + " in a pool of a channel none of its queues uses");
                }
                if (a.slots(ch) > 0 && activeSomewhere && available != a.inPool(ch)) {
                    return Optional.of(a.id + " pool membership " + a.inPool(ch) + " but available " + available);
                }
                if (a.inPool(ch) != core.matching.markedAvailable(a, ch)) {
                    return Optional.of(a.id + " availability bit disagrees with its pools");
                }
                for (Membership m : a.memberships) {
                    Pool.Entry e = m.entries[ch];
                    boolean active = (m.queue.activeChannels & (1L << ch)) != 0;
                    boolean belongs = a.inPool(ch) && active;
                    // an array pool may keep an agent's entry after it left (lazily), never before it joins
                    Pool pool = m.queue.pools[ch];
                    boolean staleAllowed = a.lazyPools && pool.lazy();
                    boolean in = e != null && pool.holds(e);
                    if (e != null && in != belongs && !(in && staleAllowed)) {
                        return Optional.of(a.id + " entry in pool " + m.queue.id + " disagrees");
                    }
                }
                if (a.inPool(ch)) {
                    for (int i = 0; i < a.eligibleCount; i++) {
                        if (AgentRec.eligibleChannel(a.eligibleMeta[i]) != ch) {
                            continue;
                        }
                        ContactRec first = a.eligible[i].firstFor(a);
                        if (first != null) {
                            return Optional.of(a.id + " available while " + first.id + " waits for it");
                        }
                    }
                }
            }
            if (a.wrapUpCount != a.wrapUps.size()) {
                return Optional.of(a.id + " wrap-up count mismatch");
            }
            if (total != a.totalLoad) {
                return Optional.of(a.id + " total load mismatch");
            }
            if (a.reported != a.computeReported()) {
                return Optional.of(a.id + " reported state stale");
            }
        }
        int waiting = 0;
        for (ContactRec c : core.contacts.values()) {
            switch (c.state) {
                case WAITING -> {
                    boolean inPersonal = c.personalAgent != null && c.personalAgent.personal.contains(c);
                    boolean inBucket = c.inBucket && c.bucket.contains(c);
                    if (inPersonal == inBucket) {
                        return Optional.of(c.id + " waiting in " + (inBucket ? "two places" : "no place"));
                    }
                }
                case OFFERED -> {
                    if (c.agent == null || c.agent.pending != c || c.inBucket) {
                        return Optional.of(c.id + " offered inconsistently");
                    }
                }
                case CONNECTED -> {
                    if (c.agent == null || !c.agent.connected.contains(c) || c.inBucket || c.inWaitingList) {
                        return Optional.of(c.id + " connected inconsistently");
                    }
                }
            }
            if (c.state != ContactState.CONNECTED && !c.inWaitingList) {
                return Optional.of(c.id + " not in its queue's waiting list");
            }
            if (c.inWaitingList) {
                waiting++;
            }
        }
        int listed = 0;
        for (QueueRec q : core.queues.values()) {
            int count = 0;
            for (ContactRec c = q.firstWaiting; c != null; c = c.nextWaiting) {
                if (c.queue != q || core.contacts.get(c.id) != c) {
                    return Optional.of(c.id + " listed in the wrong queue or not live");
                }
                count++;
            }
            if (count != q.waiting) {
                return Optional.of(q.id + " waiting count " + q.waiting + " but list has " + count);
            }
            listed += count;
            for (Bucket b : q.bucketList) {
                for (ContactRec c : b.contacts()) {
                    if (core.contacts.get(c.id) != c || c.bucket != b || c.state != ContactState.WAITING) {
                        return Optional.of(c.id + " stale in a bucket of " + q.id);
                    }
                }
            }
        }
        if (listed != waiting) {
            return Optional.of("waiting lists hold " + listed + " but " + waiting + " contacts are waiting");
        }
        return Optional.empty();
    }
}
