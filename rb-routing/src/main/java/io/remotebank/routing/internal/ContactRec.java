package io.remotebank.routing.internal;

import io.remotebank.core.ContactChannel;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.ContactRequest;
import io.remotebank.routing.ContactState;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.SkillRequirement;
import io.remotebank.routing.spi.ContactCandidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A live contact: where it is, its place and its timers. Touched only by the engine's writer. */
final class ContactRec implements ContactCandidate {

    /** Order of waiting contacts: by place key, then arrival sequence (FIFO among equals). */
    static final Comparator<ContactRec> ORDER = (a, b) -> {
        int c = Long.compare(a.key, b.key);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    };

    final ContactId id;
    final long seq;
    /** The request's free attributes (the request itself is not kept: a live contact holds only what it uses). */
    private final Map<String, String> attributes;

    final ContactChannel channel;
    final int ch;
    final int tier;
    final int[] ownSkills;
    final int[] ownMins;
    final String language;
    final long arrivalMillis;
    private final Skills skillNames;

    int priority;
    QueueRec queue;
    long queuedMillis;
    /** The place: smaller goes first. {@code arrival - effectivePriority * ageing}. */
    long key;

    ContactState state = ContactState.WAITING;
    boolean callback;
    int step;
    Bucket bucket;
    boolean inBucket;
    /** Waiting for this agent alone (preferred agent or transfer to an agent). */
    AgentRec personalAgent;

    /** The agent offered to or connected with. */
    AgentRec agent;

    long offerSequence;
    long offeredAt;
    long offerExpires;
    /** The engine's list of pending offers, in order of expiry. */
    ContactRec offerPrev;

    ContactRec offerNext;

    /** Agents that rejected or missed it; they are not offered it again. */
    List<AgentRec> excluded;

    /** Invalidates step and preferred-agent timers when it changes. */
    int timerVersion;

    long stepDeadline = Long.MAX_VALUE;

    /** The queue's waiting list, in order of {@link #queuedMillis}. */
    ContactRec prevWaiting;

    ContactRec nextWaiting;
    boolean inWaitingList;

    ContactRec(ContactRequest request, long seq, long now, int[] ownSkills, int[] ownMins, Skills skillNames) {
        this.id = request.id();
        this.seq = seq;
        this.attributes = request.attributes();
        this.channel = request.channel();
        this.ch = channel.ordinal();
        this.tier = request.tier();
        this.priority = request.priority();
        this.ownSkills = ownSkills;
        this.ownMins = ownMins;
        this.language = request.language().orElse(null);
        this.arrivalMillis = now;
        this.skillNames = skillNames;
    }

    void computeKey() {
        long effective = (long) priority + (long) tier * queue.tierBoost;
        key = arrivalMillis - effective * queue.ageingMillis;
    }

    /** The score an agent compares across its queues: effective priority plus ageing plus weight. */
    double score(long now, int weight) {
        return (double) (now - key) / queue.ageingMillis + weight;
    }

    boolean excludes(AgentRec agent) {
        List<AgentRec> list = excluded;
        if (list == null) {
            return false;
        }
        for (int i = 0, n = list.size(); i < n; i++) {
            if (list.get(i) == agent) {
                return true;
            }
        }
        return false;
    }

    void exclude(AgentRec agent) {
        if (excluded == null) {
            excluded = new ArrayList<>(2);
        }
        if (!excludes(agent)) {
            excluded.add(agent);
        }
    }

    @Override
    public ContactId id() {
        return id;
    }

    @Override
    public ContactChannel channel() {
        return channel;
    }

    @Override
    public QueueId queue() {
        return queue.id;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public int tier() {
        return tier;
    }

    @Override
    public List<SkillRequirement> requirements() {
        return bucket == null ? List.of() : bucket.requirement.view(skillNames);
    }

    @Override
    public Optional<String> language() {
        return bucket == null ? Optional.ofNullable(language) : bucket.requirement.languageOptional();
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "Contact[" + id + ", " + state + ", queue=" + queue.id + ", step=" + step + "]";
    }
}
