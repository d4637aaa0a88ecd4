package io.remotebank.routing.internal;

import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.QueueId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who can take what: which agents are available in which queue (the pools), which buckets of waiting
 * contacts each agent is eligible for, and the two searches of a routing decision: the best available
 * agent for a contact, and the best waiting contact for an agent. {@link RoutingCore} decides when to
 * search and what to do with the answer (an offer); this class keeps the indexes that make the
 * searches cheap. Touched only by the engine's writer.
 *
 * <p><b>Lazy pool removal.</b> An agent who stops being available on a channel (an offer, a contact,
 * not ready) would have to leave the pool of every queue it serves, touching each pool. Instead, where
 * all of the agent's queues keep array pools (longest idle, round robin), it is only marked unavailable
 * in a per-channel bit set; a pool walk reads each slot's agent number and the bit, and turns stale slots
 * into holes as it passes them, and an agent who becomes available again removes its stale entries
 * before joining. A routing decision therefore pays neither for unlinking nor for reading the agents it
 * passes: it reads the pool's arrays, the bit set and the {@link AgentColumns}.
 */
final class Matching {

    private final Map<QueueId, QueueRec> queues;
    private final Skills skills;
    private final Languages languages;
    /** Per channel: the agents (by {@link AgentRec#seq}) available there, that is, in its pools. */
    private final AvailableSet[] available = new AvailableSet[AgentRec.CHANNELS];
    /** Every agent's skills and languages, by {@link AgentRec#seq}, for pool walks. */
    private final AgentColumns columns = new AgentColumns();

    Matching(Map<QueueId, QueueRec> queues, Skills skills, Languages languages) {
        this.queues = queues;
        this.skills = skills;
        this.languages = languages;
        for (int c = 0; c < available.length; c++) {
            available[c] = new AvailableSet();
        }
    }

    /** The set of agents available on a channel, for the pools of a new queue. */
    AvailableSet available(int channel) {
        return available[channel];
    }

    // ------------------------------------------------------------------ agents and queues

    /** Applies a profile and links the agent into its queues and their buckets. */
    void attach(AgentRec agent, AgentProfile profile) {
        agent.applyProfile(profile, skills, languages);
        columns.set(agent);
        List<Membership> memberships = new ArrayList<>();
        boolean lazy = true;
        for (Map.Entry<QueueId, Integer> served : profile.queues().entrySet()) {
            QueueRec queue = queues.get(served.getKey());
            int weight = served.getValue();
            Membership membership = new Membership(agent, queue, weight);
            memberships.add(membership);
            queue.members.add(membership);
            agent.activeMask |= queue.activeChannels;
            lazy &= queue.lazyPools;
            for (Bucket bucket : queue.bucketList) {
                if (bucket.requirement.satisfiedBy(agent)) {
                    agent.addEligible(bucket, weight);
                }
            }
        }
        agent.memberships = memberships;
        agent.lazyPools = lazy;
    }

    /** Unlinks an agent (out of every pool already) from its queues and buckets. */
    void detach(AgentRec agent) {
        for (Membership membership : agent.memberships) {
            membership.queue.members.remove(membership);
            for (int c = 0; c < AgentRec.CHANNELS; c++) {
                Pool.Entry entry = membership.entries[c];
                Pool pool = membership.queue.pools[c];
                if (entry != null && pool.holds(entry)) {
                    pool.remove(entry); // stale: left lazily
                }
            }
        }
        agent.memberships = List.of();
        agent.activeMask = 0;
        agent.clearEligible();
    }

    private final Requirement.Probe probe = new Requirement.Probe();

    /** The bucket of a contact's requirement in a step of its queue (created on first use). */
    Bucket bucket(QueueRec queue, ContactRec contact, StepRec step) {
        Bucket bucket = existingBucket(queue, contact, step);
        return bucket != null ? bucket : bucket(queue, probe.toRequirement(languages));
    }

    /** The bucket of a contact's requirement in a step of its queue, or null before its first use. */
    Bucket existingBucket(QueueRec queue, ContactRec contact, StepRec step) {
        probe.set(contact.ch, contact.ownSkills, contact.ownMins, step, contact.language);
        return queue.buckets.get(probe); // a probe equals the requirement it describes
    }

    /** The bucket of a queue for a requirement, created (and offered to eligible agents) on first use. */
    Bucket bucket(QueueRec queue, Requirement requirement) {
        Bucket bucket = queue.buckets.get(requirement);
        if (bucket == null) {
            activate(queue, requirement.channel);
            bucket = new Bucket(queue, requirement);
            queue.buckets.put(requirement, bucket);
            queue.bucketList.add(bucket);
            for (Membership member : queue.members) {
                if (requirement.satisfiedBy(member.agent)) {
                    member.agent.addEligible(bucket, member.weight);
                }
            }
        }
        return bucket;
    }

    /** Starts keeping the queue's pool of a channel, from the agents available on it now. */
    private void activate(QueueRec queue, int channel) {
        long bit = 1L << channel;
        if ((queue.activeChannels & bit) != 0) {
            return;
        }
        queue.activeChannels |= bit;
        for (Membership member : queue.members) {
            AgentRec agent = member.agent;
            agent.activeMask |= bit;
            if (member.entries[channel] == null) {
                continue;
            }
            if (agent.inPool(channel)) {
                long rank = queue.selectorDependsOnContact ? 0 : queue.selector.rank(agent, null);
                queue.pools[channel].add(member.entries[channel], rank);
            } else if (agent.available(channel)) {
                join(agent, channel);
            }
        }
    }

    // ------------------------------------------------------------------ pools

    /**
     * Brings an agent's pools up to date after a change: leaves the pools of channels where it is no
     * longer available, re-ranks where it stays.
     *
     * @return the channels on which it has become available (it has not joined their pools yet)
     */
    long update(AgentRec agent) {
        long newlyAvailable = 0;
        for (int c = 0; c < AgentRec.CHANNELS; c++) {
            if (agent.slots(c) == 0 || (agent.activeMask & (1L << c)) == 0) {
                continue;
            }
            boolean isAvailable = agent.available(c);
            if (agent.inPool(c)) {
                if (!isAvailable) {
                    leave(agent, c);
                } else {
                    rerank(agent, c);
                }
            } else if (isAvailable) {
                newlyAvailable |= 1L << c;
            }
        }
        return newlyAvailable;
    }

    /** Joins the pools of the given channels. */
    void joinAll(AgentRec agent, long channels) {
        for (int c = 0; c < AgentRec.CHANNELS; c++) {
            if ((channels & (1L << c)) != 0) {
                join(agent, c);
            }
        }
    }

    private void join(AgentRec agent, int channel) {
        long bit = 1L << channel;
        for (Membership membership : agent.memberships) {
            QueueRec queue = membership.queue;
            if ((queue.activeChannels & bit) == 0) {
                continue;
            }
            Pool pool = queue.pools[channel];
            Pool.Entry entry = membership.entries[channel];
            if (pool.holds(entry)) {
                pool.remove(entry); // stale, from the last time it left
            }
            long rank = queue.selectorDependsOnContact ? 0 : queue.selector.rank(agent, null);
            pool.add(entry, rank);
        }
        agent.inPool(channel, true);
        available[channel].add(agent.seq);
    }

    private void leave(AgentRec agent, int channel) {
        agent.inPool(channel, false);
        available[channel].remove(agent.seq);
        if (agent.lazyPools) {
            return; // its entries go stale; walks and its next join unlink them
        }
        for (Membership membership : agent.memberships) {
            Pool.Entry entry = membership.entries[channel];
            Pool pool = membership.queue.pools[channel];
            if (pool.holds(entry)) {
                pool.remove(entry);
            }
        }
    }

    /** Leaves every pool (before the profile changes). */
    void leaveAll(AgentRec agent) {
        for (int c = 0; c < AgentRec.CHANNELS; c++) {
            if (agent.inPool(c)) {
                leave(agent, c);
            }
        }
    }

    private void rerank(AgentRec agent, int channel) {
        for (Membership membership : agent.memberships) {
            QueueRec queue = membership.queue;
            if (queue.selectorDependsOnContact) {
                continue;
            }
            Pool.Entry entry = membership.entries[channel];
            Pool pool = queue.pools[channel];
            if (!pool.holds(entry)) {
                continue;
            }
            long rank = queue.selector.rank(agent, null);
            if (rank != entry.rank) {
                pool.remove(entry);
                pool.add(entry, rank);
            }
        }
    }

    // ------------------------------------------------------------------ the two searches

    /** The best available agent for a waiting contact in its current bucket, or null. */
    AgentRec bestAgentFor(ContactRec contact) {
        return bestAgentFor(contact, contact.bucket);
    }

    /** The best available agent for a contact in a bucket of its queue, or null. */
    AgentRec bestAgentFor(ContactRec contact, Bucket bucket) {
        QueueRec queue = contact.queue;
        Requirement requirement = bucket.requirement;
        Pool pool = queue.pools[contact.ch];
        if (!queue.selectorDependsOnContact) {
            // the pool holds only agents with a slot on this channel: skills and language decide
            return pool.firstEligible(requirement, columns, contact);
        }
        AgentRec best = null;
        long bestRank = Long.MAX_VALUE;
        for (Pool.Entry entry : pool) {
            AgentRec agent = entry.agent;
            if (requirement.satisfiedBy(agent) && !contact.excludes(agent)) {
                long rank = queue.selector.rank(agent, contact);
                if (best == null || rank < bestRank) {
                    best = agent;
                    bestRank = rank;
                }
            }
        }
        return best;
    }

    /** The best waiting contact an agent can take on the given channels, or null. */
    ContactRec bestContactFor(AgentRec agent, long channels, long now) {
        if (agent.personal != null) {
            for (ContactRec contact : agent.personal) {
                if ((channels & (1L << contact.ch)) != 0) {
                    return contact;
                }
            }
        }
        ContactRec best = null;
        double bestScore = 0;
        long bestSeq = 0;
        Bucket[] buckets = agent.eligible;
        int[] metas = agent.eligibleMeta;
        for (int i = 0, n = agent.eligibleCount; i < n; i++) {
            int meta = metas[i];
            if ((channels & (1L << AgentRec.eligibleChannel(meta))) == 0) {
                continue;
            }
            Bucket bucket = buckets[i];
            if (bucket.headSeq == 0) {
                continue; // empty
            }
            int weight = AgentRec.eligibleWeight(meta);
            double score = (double) (now - bucket.headKey) / bucket.ageingMillis + weight;
            if (best != null && (score < bestScore || (score == bestScore && bucket.headSeq > bestSeq))) {
                continue;
            }
            ContactRec candidate = bucket.headExcludes ? bucket.firstFor(agent) : bucket.head();
            if (candidate == null) {
                continue;
            }
            if (candidate != bucket.head()) {
                score = candidate.score(now, weight);
                if (best != null && (score < bestScore || (score == bestScore && candidate.seq > bestSeq))) {
                    continue;
                }
            }
            best = candidate;
            bestScore = score;
            bestSeq = candidate.seq;
        }
        return best;
    }

    /** For the invariant check: whether the agent's bit agrees with its pool membership. */
    boolean markedAvailable(AgentRec agent, int channel) {
        return available[channel].contains(agent.seq);
    }
}
