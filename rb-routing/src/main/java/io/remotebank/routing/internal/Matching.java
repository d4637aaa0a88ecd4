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
 * not ready) would have to be unlinked from the pool of every queue it serves, touching that pool
 * entry and both its neighbours per queue. Instead, where all of the agent's queues keep linked pools
 * (longest idle, round robin), it is only marked unavailable in a per-channel bit set; a pool walk
 * skips and unlinks such stale entries as it passes them (their neighbours are the entries it reads
 * anyway), and an agent who becomes available again unlinks its stale entries before joining. The
 * work is the same or less, and a routing decision no longer pays for it.
 */
final class Matching {

    private final Map<QueueId, QueueRec> queues;
    private final Skills skills;
    private final Languages languages;
    /** Per channel: the agents (by {@link AgentRec#seq}) available there, that is, in its pools. */
    private final AvailableSet[] available = new AvailableSet[AgentRec.CHANNELS];

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
        List<Membership> memberships = new ArrayList<>();
        boolean lazy = true;
        for (Map.Entry<QueueId, Integer> served : profile.queues().entrySet()) {
            QueueRec queue = queues.get(served.getKey());
            int weight = served.getValue();
            Membership membership = new Membership(agent, queue, weight);
            memberships.add(membership);
            queue.members.add(membership);
            agent.activeMask |= queue.activeChannels;
            lazy &= queue.linkedPools;
            for (Bucket bucket : queue.bucketList) {
                if (bucket.requirement.satisfiedBy(agent)) {
                    agent.eligible[bucket.requirement.channel].add(bucket, weight);
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
                if (entry != null && entry.in) {
                    membership.queue.pools[c].remove(entry); // stale: left lazily
                }
            }
        }
        agent.memberships = List.of();
        agent.activeMask = 0;
        for (Eligible list : agent.eligible) {
            list.clear();
        }
    }

    private final Requirement.Probe probe = new Requirement.Probe();

    /** The bucket of a contact's requirement in a step of its queue (created on first use). */
    Bucket bucket(QueueRec queue, ContactRec contact, StepRec step) {
        probe.set(contact.ch, contact.ownSkills, contact.ownMins, step, contact.language);
        Bucket bucket = queue.buckets.get(probe); // a probe equals the requirement it describes
        return bucket != null ? bucket : bucket(queue, probe.toRequirement(languages));
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
                    member.agent.eligible[requirement.channel].add(bucket, member.weight);
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
            if (agent.inPool[channel]) {
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
            if (agent.slots[c] == 0 || (agent.activeMask & (1L << c)) == 0) {
                continue;
            }
            boolean isAvailable = agent.available(c);
            if (agent.inPool[c]) {
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
            if (entry.in) {
                pool.remove(entry); // stale, from the last time it left
            }
            long rank = queue.selectorDependsOnContact ? 0 : queue.selector.rank(agent, null);
            pool.add(entry, rank);
        }
        agent.inPool[channel] = true;
        available[channel].add(agent.seq);
    }

    private void leave(AgentRec agent, int channel) {
        agent.inPool[channel] = false;
        available[channel].remove(agent.seq);
        if (agent.lazyPools) {
            return; // its entries go stale; walks and its next join unlink them
        }
        for (Membership membership : agent.memberships) {
            Pool.Entry entry = membership.entries[channel];
            if (entry.in) {
                membership.queue.pools[channel].remove(entry);
            }
        }
    }

    /** Leaves every pool (before the profile changes). */
    void leaveAll(AgentRec agent) {
        for (int c = 0; c < AgentRec.CHANNELS; c++) {
            if (agent.inPool[c]) {
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
            if (!entry.in) {
                continue;
            }
            long rank = queue.selector.rank(agent, null);
            if (rank != entry.rank) {
                Pool pool = queue.pools[channel];
                pool.remove(entry);
                pool.add(entry, rank);
            }
        }
    }

    // ------------------------------------------------------------------ the two searches

    /** The best available agent for a waiting contact in its current bucket, or null. */
    AgentRec bestAgentFor(ContactRec contact) {
        QueueRec queue = contact.queue;
        Requirement requirement = contact.bucket.requirement;
        Pool pool = queue.pools[contact.ch];
        if (!queue.selectorDependsOnContact) {
            // the pool holds only agents with a slot on this channel: skills and language decide
            for (Pool.Entry entry = pool.first(); entry != null; entry = pool.after(entry)) {
                if (requirement.metBy(entry.proficiency, entry.languageMask, entry.languages)
                        && !contact.excludes(entry.agent)) {
                    return entry.agent;
                }
            }
            return null;
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
        for (int c = 0; c < AgentRec.CHANNELS; c++) {
            if ((channels & (1L << c)) == 0) {
                continue;
            }
            Eligible eligible = agent.eligible[c];
            Bucket[] buckets = eligible.buckets;
            int[] weights = eligible.weights;
            for (int i = 0, n = eligible.size; i < n; i++) {
                Bucket bucket = buckets[i];
                if (bucket.headSeq == 0) {
                    continue; // empty
                }
                // the score and order of the head are cached in the bucket: one object read per bucket
                double score = (double) (now - bucket.headKey) / bucket.ageingMillis + weights[i];
                if (best != null && (score < bestScore || (score == bestScore && bucket.headSeq > bestSeq))) {
                    continue;
                }
                ContactRec candidate = bucket.headExcludes ? bucket.firstFor(agent) : bucket.head();
                if (candidate == null) {
                    continue;
                }
                if (candidate != bucket.head()) {
                    score = candidate.score(now, weights[i]);
                    if (best != null && (score < bestScore || (score == bestScore && candidate.seq > bestSeq))) {
                        continue;
                    }
                }
                best = candidate;
                bestScore = score;
                bestSeq = candidate.seq;
            }
        }
        return best;
    }

    /** For the invariant check: whether the agent's bit agrees with its pool membership. */
    boolean markedAvailable(AgentRec agent, int channel) {
        return available[channel].contains(agent.seq);
    }
}
