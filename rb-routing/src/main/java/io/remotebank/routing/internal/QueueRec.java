package io.remotebank.routing.internal;

import io.remotebank.routing.AgentSelectors;
import io.remotebank.routing.Overflow;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.spi.AgentSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A queue: compiled steps, buckets of waiting contacts, pools of available agents, statistics. */
final class QueueRec {

    final QueueId id;
    final QueueConfig config;
    final StepRec[] steps;
    final Overflow overflow;
    final long ageingMillis;
    final int tierBoost;
    final long wrapUpMillis;
    final long thresholdMillis;
    final long preferredWaitMillis;
    final AgentSelector selector;
    final boolean selectorDependsOnContact;
    /** Whether its pools are sorted arrays (longest idle, round robin), which agents may leave lazily. */
    final boolean lazyPools;

    final Map<Requirement, Bucket> buckets = new HashMap<>();
    final List<Bucket> bucketList = new ArrayList<>();
    final Pool[] pools = new Pool[AgentRec.CHANNELS];
    final List<Membership> members = new ArrayList<>();
    /**
     * Channels on which this queue has had contacts: only those pools are kept, so an agent with chat
     * slots costs nothing in a queue that never sees a chat.
     */
    long activeChannels;

    /** The waiting list (by time of entry), for the wait statistics. */
    ContactRec firstWaiting;

    ContactRec lastWaiting;
    int waiting;
    int callbacksWaiting;

    long arrived;
    long answered;
    long answeredWithin;
    long abandoned;
    long overflowed;
    long movedOut;
    long answerWaitMillis;

    QueueRec(QueueConfig config, Skills skills, Matching matching) {
        this.id = config.id();
        this.config = config;
        this.steps = new StepRec[config.steps().size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new StepRec(config.steps().get(i), skills, "queue " + id);
        }
        this.overflow = config.overflow();
        this.ageingMillis = Math.max(1, config.ageing().toMillis());
        this.tierBoost = config.tierBoost();
        this.wrapUpMillis = config.wrapUp().toMillis();
        this.thresholdMillis = config.serviceLevelThreshold().toMillis();
        this.preferredWaitMillis = config.preferredAgentWait().toMillis();
        this.selector = config.selector();
        this.selectorDependsOnContact = selector.dependsOnContact();
        boolean monotone = selector == AgentSelectors.LONGEST_IDLE || selector == AgentSelectors.ROUND_ROBIN;
        this.lazyPools = monotone;
        for (int c = 0; c < pools.length; c++) {
            pools[c] = new Pool(monotone, matching.available(c));
        }
    }

    void addWaiting(ContactRec contact, long now) {
        contact.queuedMillis = now;
        contact.prevWaiting = lastWaiting;
        contact.nextWaiting = null;
        if (lastWaiting == null) {
            firstWaiting = contact;
        } else {
            lastWaiting.nextWaiting = contact;
        }
        lastWaiting = contact;
        contact.inWaitingList = true;
        waiting++;
        arrived++;
        if (contact.callback) {
            callbacksWaiting++;
        }
    }

    void removeWaiting(ContactRec contact) {
        if (!contact.inWaitingList) {
            return;
        }
        if (contact.prevWaiting == null) {
            firstWaiting = contact.nextWaiting;
        } else {
            contact.prevWaiting.nextWaiting = contact.nextWaiting;
        }
        if (contact.nextWaiting == null) {
            lastWaiting = contact.prevWaiting;
        } else {
            contact.nextWaiting.prevWaiting = contact.prevWaiting;
        }
        contact.prevWaiting = null;
        contact.nextWaiting = null;
        contact.inWaitingList = false;
        waiting--;
        if (contact.callback) {
            callbacksWaiting--;
        }
    }

    void resetCounters() {
        arrived = 0;
        answered = 0;
        answeredWithin = 0;
        abandoned = 0;
        overflowed = 0;
        movedOut = 0;
        answerWaitMillis = 0;
    }
}
