package io.remotebank.routing.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.AgentId;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.AgentState;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.ContactRequest;
import io.remotebank.routing.ContactState;
import io.remotebank.routing.Offer;
import io.remotebank.routing.Outcome;
import io.remotebank.routing.Overflow;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingEvent;
import io.remotebank.routing.RoutingEvent.MoveCause;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.SkillRequirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The routing engine's state and every operation on it. Not thread-safe: {@code RoutingEngine} calls
 * it from one thread at a time (its single-writer lock). Every operation validates all of its
 * arguments and the states involved before it changes anything, so a refused operation leaves the
 * state exactly as it was.
 */
@API(status = INTERNAL, since = "0.1")
public final class RoutingCore {

    final Skills skills = new Skills();
    final Languages languages = new Languages();
    final Map<QueueId, QueueRec> queues = new LinkedHashMap<>();
    final Map<AgentId, AgentRec> agents = new LinkedHashMap<>();
    final HashMap<ContactId, ContactRec> contacts = new HashMap<>();
    final Matching matching = new Matching(queues, skills, languages);
    private final Timers timers = new Timers();
    private final long offerTimeoutMillis;
    private final int maxMisses;
    private final Events events = new Events();

    long now;
    private long contactSeq;
    private long offerSeq;
    private int agentSeq;
    private int liveWrapUps;
    /** Pending offers in order of expiry (the offer timeout is the same for all, so FIFO). */
    private ContactRec offersHead;

    private ContactRec offersTail;

    /**
     * Creates an empty engine core.
     *
     * @param startMillis the clock's time now
     * @param offerTimeoutMillis how long an offer waits for the agent
     * @param maxMisses offers missed in a row after which the agent goes not ready (0: never)
     */
    public RoutingCore(long startMillis, long offerTimeoutMillis, int maxMisses) {
        this.now = startMillis;
        this.offerTimeoutMillis = offerTimeoutMillis;
        this.maxMisses = maxMisses;
    }

    // ------------------------------------------------------------------ time and events

    /**
     * Moves time forward (never back) and fires every timer due by then.
     *
     * @param clockMillis the clock's time
     */
    public void advance(long clockMillis) {
        long target = Math.max(now, clockMillis);
        // fire each deadline at its own time, so that the timers it starts run from then, not from now
        while (true) {
            long heapDue = timers.nextDue();
            ContactRec offer = offersHead;
            long offerDue = offer == null ? Long.MAX_VALUE : offer.offerExpires;
            long due = Math.min(heapDue, offerDue);
            if (due > target) {
                break;
            }
            if (due > now) {
                now = due;
            }
            if (offerDue <= heapDue) {
                missOffer(offer, true);
            } else {
                Timers.Timer timer = timers.pollDue(target);
                if (timer.live()) {
                    fire(timer);
                }
            }
        }
        now = target;
        timers.compactIfNeeded(contacts.size() * 2L + liveWrapUps);
    }

    /** The engine's time, in epoch milliseconds. */
    public long now() {
        return now;
    }

    /** The earliest pending deadline, or {@code Long.MAX_VALUE}. */
    public long nextDeadline() {
        return Math.min(timers.nextDue(), offersHead == null ? Long.MAX_VALUE : offersHead.offerExpires);
    }

    /**
     * Turns event recording on or off; off, operations allocate no events.
     *
     * @param on whether to record
     */
    public void recordEvents(boolean on) {
        events.recording = on;
    }

    /**
     * Takes the events recorded since the last call, oldest first.
     *
     * @return the events, possibly empty
     */
    public List<RoutingEvent> drainEvents() {
        return events.drain();
    }

    private void fire(Timers.Timer timer) {
        switch (timer.kind) {
            case STEP -> stepExpired(timer.contact);
            case PREFERRED -> preferredExpired(timer.contact);
            case WRAP_UP -> finishWrapUp(timer.agent, timer.wrapUp);
        }
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Defines skills.
     *
     * @param names skill names
     */
    public void defineSkills(List<String> names) {
        for (String name : names) {
            Args.name(name, "skill");
        }
        names.forEach(skills::define);
    }

    /**
     * Adds queues, all or none.
     *
     * @param configs the queues
     */
    public void addQueues(List<QueueConfig> configs) {
        Map<QueueId, QueueRec> added = new LinkedHashMap<>();
        for (QueueConfig config : configs) {
            Args.notNull(config, "queue");
            if (queues.containsKey(config.id()) || added.containsKey(config.id())) {
                throw new RoutingException(
                        RoutingError.DUPLICATE_QUEUE, "queue " + config.id() + " is already defined");
            }
            added.put(config.id(), new QueueRec(config, skills, matching));
        }
        for (QueueRec queue : added.values()) {
            Set<QueueId> seen = new HashSet<>();
            QueueRec at = queue;
            while (at != null && at.overflow instanceof Overflow.ToQueue to) {
                if (!seen.add(at.id)) {
                    throw new RoutingException(
                            RoutingError.CONFIG_INVALID, "overflow of queue " + queue.id + " runs in a cycle: " + seen);
                }
                QueueRec next = queues.containsKey(to.queue()) ? queues.get(to.queue()) : added.get(to.queue());
                if (next == null) {
                    throw new RoutingException(
                            RoutingError.UNKNOWN_QUEUE, "queue " + at.id + " overflows to unknown queue " + to.queue());
                }
                at = next;
            }
        }
        queues.putAll(added);
    }

    private void validateProfile(AgentProfile profile) {
        Args.notNull(profile, "agent profile");
        for (String skill : profile.skills().keySet()) {
            skills.require(skill, "agent " + profile.id());
        }
        for (QueueId queue : profile.queues().keySet()) {
            queue(queue);
        }
    }

    /**
     * Registers an agent, logged out.
     *
     * @param profile the agent
     */
    public void addAgent(AgentProfile profile) {
        validateProfile(profile);
        if (agents.containsKey(profile.id())) {
            throw new RoutingException(
                    RoutingError.DUPLICATE_AGENT, "agent " + profile.id() + " is already registered");
        }
        AgentRec agent = new AgentRec(profile.id(), ++agentSeq);
        agent.accountedAt = now;
        agent.idleSince = now;
        agents.put(agent.id, agent);
        matching.attach(agent, profile);
    }

    /**
     * Replaces an agent's skills, languages, capacity and queues; contacts in hand are kept.
     *
     * @param profile the new profile
     */
    public void updateAgent(AgentProfile profile) {
        validateProfile(profile);
        AgentRec agent = agent(profile.id());
        matching.leaveAll(agent);
        matching.detach(agent);
        matching.attach(agent, profile);
        refresh(agent);
    }

    /**
     * Removes a logged-out agent.
     *
     * @param id the agent
     */
    public void removeAgent(AgentId id) {
        AgentRec agent = agent(id);
        if (agent.presence != AgentState.LOGGED_OUT) {
            throw illegal("agent " + id + " must be logged out to be removed (is " + agent.reported + ")");
        }
        matching.detach(agent);
        agents.remove(id);
    }

    // ------------------------------------------------------------------ agent presence

    /**
     * Logs an agent in: not ready, reason {@code login}.
     *
     * @param id the agent
     */
    public void login(AgentId id) {
        AgentRec agent = agent(id);
        if (agent.presence != AgentState.LOGGED_OUT) {
            throw illegal("agent " + id + " is already logged in");
        }
        agent.presence = AgentState.NOT_READY;
        agent.notReadyReason = "login";
        agent.misses = 0;
        refresh(agent);
    }

    /**
     * Makes an agent ready; a no-op if it already is.
     *
     * @param id the agent
     */
    public void ready(AgentId id) {
        AgentRec agent = agent(id);
        if (agent.presence == AgentState.LOGGED_OUT) {
            throw illegal("agent " + id + " must log in before becoming ready");
        }
        if (agent.presence == AgentState.READY) {
            return;
        }
        agent.presence = AgentState.READY;
        agent.notReadyReason = null;
        agent.misses = 0;
        if (agent.totalLoad == 0) {
            agent.idleSince = now;
        }
        refresh(agent);
    }

    /**
     * Makes an agent not ready; contacts in hand and a pending offer are kept.
     *
     * @param id the agent
     * @param reason why, e.g. {@code break}, {@code training}
     */
    public void notReady(AgentId id, String reason) {
        Args.name(reason, "not-ready reason");
        AgentRec agent = agent(id);
        if (agent.presence == AgentState.LOGGED_OUT) {
            throw illegal("agent " + id + " is logged out");
        }
        agent.presence = AgentState.NOT_READY;
        agent.notReadyReason = reason;
        refresh(agent);
    }

    /**
     * Logs an agent out; contacts waiting for it alone go to their queues.
     *
     * @param id the agent
     */
    public void logout(AgentId id) {
        AgentRec agent = agent(id);
        if (agent.presence == AgentState.LOGGED_OUT) {
            throw illegal("agent " + id + " is already logged out");
        }
        if (agent.pending != null || !agent.connected.isEmpty() || !agent.wrapUps.isEmpty()) {
            throw illegal("agent " + id + " still holds contacts (" + agent.reported + ") and cannot log out");
        }
        agent.presence = AgentState.LOGGED_OUT;
        agent.notReadyReason = null;
        refresh(agent);
        releasePersonal(agent);
    }

    private void releasePersonal(AgentRec agent) {
        if (agent.personal == null || agent.personal.isEmpty()) {
            return;
        }
        List<ContactRec> waiting = new ArrayList<>(agent.personal);
        agent.personal.clear();
        for (ContactRec contact : waiting) {
            contact.personalAgent = null;
            contact.timerVersion++;
            enterStep(contact, 0);
        }
    }

    // ------------------------------------------------------------------ contacts

    /**
     * A contact arrives.
     *
     * @param request the contact
     * @return the offer made at once, or null when it waits
     */
    public Offer arrive(ContactRequest request) {
        Args.notNull(request, "contact");
        QueueRec queue = queue(request.queue());
        int n = request.skills().size();
        int[] own = new int[n];
        int[] mins = new int[n];
        for (int i = 0; i < n; i++) {
            SkillRequirement requirement = request.skills().get(i);
            own[i] = skills.idOrMinus(requirement.skill());
            if (own[i] < 0) {
                skills.require(requirement.skill(), "contact " + request.id()); // throws, naming the skill
            }
            mins[i] = requirement.minProficiency();
        }
        AgentRec preferred = request.preferredAgent().isPresent()
                ? agent(request.preferredAgent().get())
                : null;
        ContactRec contact = new ContactRec(request, contactSeq + 1, now, own, mins, skills);
        contact.queue = queue;
        contact.computeKey();
        // The agent is chosen before the duplicate check, changing nothing: the first read of its
        // record (a cache miss the offer cannot avoid) then overlaps the contact table's insertion.
        Bucket bucket = null;
        AgentRec chosen = null;
        if (preferred == null && !queue.selectorDependsOnContact) { // no selector SPI is called early
            bucket = matching.existingBucket(queue, contact, queue.steps[0]);
            if (bucket != null) {
                chosen = matching.bestAgentFor(contact, bucket);
                if (chosen != null && chosen.presence != AgentState.READY) {
                    throw new IllegalStateException("agent " + chosen.id + " is in a pool while " + chosen.presence);
                }
            }
        }
        // the last check and the first change: one probe of the contact table for both
        if (contacts.putIfAbsent(contact.id, contact) != null) {
            throw new RoutingException(
                    RoutingError.DUPLICATE_CONTACT, "contact " + request.id() + " is already in the engine");
        }
        contactSeq++;
        queue.addWaiting(contact, now);
        events.arrived(now, contact);
        if (preferred != null
                && queue.preferredWaitMillis > 0
                && preferred.presence != AgentState.LOGGED_OUT
                && preferred.slots(contact.ch) > 0) {
            waitForAgent(contact, preferred, queue.preferredWaitMillis);
        } else {
            enterStep(contact, 0, bucket, chosen);
        }
        return contact.state == ContactState.OFFERED ? offerOf(contact) : null;
    }

    private void waitForAgent(ContactRec contact, AgentRec agent, long waitMillis) {
        contact.bucket = null;
        contact.step = 0;
        if (agent.available(contact.ch) && !contact.excludes(agent)) {
            offer(contact, agent);
            return;
        }
        contact.personalAgent = agent;
        contact.timerVersion++;
        agent.personal().add(contact);
        timers.schedule(now + waitMillis, Timers.Kind.PREFERRED, contact, null, null, contact.timerVersion);
    }

    private void enterStep(ContactRec contact, int index) {
        enterStep(contact, index, null, null);
    }

    /**
     * A contact enters a step of its queue.
     *
     * @param bucket its bucket there when it has already been searched for an agent, else null
     * @param chosen the agent that search found, null when it found none
     */
    private void enterStep(ContactRec contact, int index, Bucket bucket, AgentRec chosen) {
        QueueRec queue = contact.queue;
        StepRec step = queue.steps[index];
        contact.step = index;
        contact.timerVersion++;
        contact.bucket = bucket != null ? bucket : matching.bucket(queue, contact, step);
        if (step.timeoutMillis > 0 && (index + 1 < queue.steps.length || !(queue.overflow instanceof Overflow.Stay))) {
            contact.stepDeadline = now + step.timeoutMillis;
            timers.schedule(contact.stepDeadline, Timers.Kind.STEP, contact, null, null, contact.timerVersion);
        } else {
            contact.stepDeadline = Long.MAX_VALUE;
        }
        events.stepEntered(now, contact, step.name);
        if (contact.state == ContactState.WAITING) {
            if (bucket == null) {
                place(contact);
            } else if (chosen != null) {
                offer(contact, chosen);
            } else {
                contact.bucket.add(contact); // searched already: nobody available can take it
            }
        }
    }

    /** A waiting contact outside any offer: offer it to the best available agent or let it wait. */
    private void place(ContactRec contact) {
        AgentRec agent = matching.bestAgentFor(contact);
        if (agent != null) {
            offer(contact, agent);
        } else {
            contact.bucket.add(contact);
        }
    }

    private void offer(ContactRec contact, AgentRec agent) {
        if (contact.inBucket) {
            contact.bucket.remove(contact);
        }
        if (contact.personalAgent != null) {
            contact.personalAgent.personal.remove(contact);
            contact.personalAgent = null;
            contact.timerVersion++;
        }
        contact.state = ContactState.OFFERED;
        contact.agent = agent;
        contact.offerSequence = ++offerSeq;
        contact.offeredAt = now;
        contact.offerExpires = now + offerTimeoutMillis;
        agent.lastOfferSequence = offerSeq;
        agent.pending = contact;
        agent.takeSlot(contact.ch);
        linkOffer(contact);
        if (events.recording) {
            events.offerMade(now, offerOf(contact));
        }
        refresh(agent);
    }

    Offer offerOf(ContactRec contact) {
        return new Offer(
                contact.id,
                contact.agent.id,
                contact.queue.id,
                contact.channel,
                contact.callback,
                Instant.ofEpochMilli(contact.offeredAt),
                Instant.ofEpochMilli(contact.offerExpires));
    }

    /**
     * The agent accepts its pending offer.
     *
     * @param agentId the agent
     * @param contactId the contact offered
     */
    public void accept(AgentId agentId, ContactId contactId) {
        AgentRec agent = agent(agentId);
        ContactRec contact = contact(contactId);
        if (agent.pending != contact) {
            throw noOffer(agent, contact);
        }
        agent.pending = null;
        agent.misses = 0;
        unlinkOffer(contact);
        connect(contact, agent, false);
    }

    private void linkOffer(ContactRec contact) {
        contact.offerPrev = offersTail;
        contact.offerNext = null;
        if (offersTail == null) {
            offersHead = contact;
        } else {
            offersTail.offerNext = contact;
        }
        offersTail = contact;
    }

    private void unlinkOffer(ContactRec contact) {
        if (contact.offerPrev == null) {
            offersHead = contact.offerNext;
        } else {
            contact.offerPrev.offerNext = contact.offerNext;
        }
        if (contact.offerNext == null) {
            offersTail = contact.offerPrev;
        } else {
            contact.offerNext.offerPrev = contact.offerPrev;
        }
        contact.offerPrev = null;
        contact.offerNext = null;
    }

    private void connect(ContactRec contact, AgentRec agent, boolean forced) {
        QueueRec queue = contact.queue;
        long wait = Math.max(0, now - contact.queuedMillis);
        queue.answered++;
        queue.answerWaitMillis += wait;
        if (wait <= queue.thresholdMillis) {
            queue.answeredWithin++;
        }
        queue.removeWaiting(contact);
        contact.state = ContactState.CONNECTED;
        contact.agent = agent;
        contact.timerVersion++;
        contact.stepDeadline = Long.MAX_VALUE;
        agent.connected.add(contact);
        events.connected(now, contact, agent, wait, forced);
        refresh(agent);
    }

    /**
     * The agent rejects its pending offer; the contact goes back to its place.
     *
     * @param agentId the agent
     * @param contactId the contact offered
     */
    public void reject(AgentId agentId, ContactId contactId) {
        AgentRec agent = agent(agentId);
        ContactRec contact = contact(contactId);
        if (agent.pending != contact) {
            throw noOffer(agent, contact);
        }
        missOffer(contact, false);
    }

    private void missOffer(ContactRec contact, boolean timedOut) {
        AgentRec agent = contact.agent;
        takeBackOffer(contact);
        contact.exclude(agent);
        agent.misses++;
        events.missed(now, contact, agent, timedOut);
        if (maxMisses > 0 && agent.misses >= maxMisses && agent.presence == AgentState.READY) {
            agent.presence = AgentState.NOT_READY;
            agent.notReadyReason = "missed-offers";
        }
        returnToWaiting(contact);
        refresh(agent);
    }

    /** Clears an offer on both sides; the caller decides where the contact goes and refreshes the agent. */
    private void takeBackOffer(ContactRec contact) {
        AgentRec agent = contact.agent;
        unlinkOffer(contact);
        agent.pending = null;
        agent.freeSlot(contact.ch);
        contact.agent = null;
        contact.state = ContactState.WAITING;
    }

    private void withdrawOffer(ContactRec contact) {
        AgentRec agent = contact.agent;
        takeBackOffer(contact);
        events.withdrawn(now, contact, agent);
        refresh(agent);
    }

    private void returnToWaiting(ContactRec contact) {
        if (contact.bucket == null) {
            enterStep(contact, 0);
        } else if (contact.stepDeadline <= now) {
            stepExpired(contact);
        } else {
            place(contact);
        }
    }

    /**
     * The agent completes a connected contact: it ends as served and the agent goes to wrap-up.
     *
     * @param agentId the agent
     * @param contactId the contact
     */
    public void complete(AgentId agentId, ContactId contactId) {
        AgentRec agent = agent(agentId);
        ContactRec contact = contact(contactId);
        if (contact.state != ContactState.CONNECTED || contact.agent != agent) {
            throw illegal(
                    "contact " + contactId + " is not connected with agent " + agentId + " (" + contact.state + ")");
        }
        agent.connected.remove(contact);
        endContact(contact, Outcome.SERVED, agent);
        startWrapUp(agent, contact);
    }

    private void startWrapUp(AgentRec agent, ContactRec contact) {
        long wrapUp = contact.queue.wrapUpMillis;
        if (wrapUp <= 0) {
            freeSlot(agent, contact);
            return;
        }
        AgentRec.WrapUp entry = new AgentRec.WrapUp(contact);
        agent.wrapUps.add(entry);
        agent.wrapUpCount++;
        liveWrapUps++;
        timers.schedule(now + wrapUp, Timers.Kind.WRAP_UP, null, agent, entry, 0);
        refresh(agent);
    }

    /**
     * Ends an agent's wrap-up of a contact before its timer.
     *
     * @param agentId the agent
     * @param contactId the contact wrapped up
     */
    public void endWrapUp(AgentId agentId, ContactId contactId) {
        AgentRec agent = agent(agentId);
        Args.notNull(contactId, "contact id");
        for (AgentRec.WrapUp entry : agent.wrapUps) {
            if (entry.contact.id.equals(contactId)) {
                finishWrapUp(agent, entry);
                return;
            }
        }
        throw illegal("agent " + agentId + " is not wrapping up contact " + contactId);
    }

    private void finishWrapUp(AgentRec agent, AgentRec.WrapUp entry) {
        entry.active = false;
        agent.wrapUps.remove(entry);
        agent.wrapUpCount--;
        liveWrapUps--;
        freeSlot(agent, entry.contact);
    }

    private void freeSlot(AgentRec agent, ContactRec contact) {
        agent.freeSlot(contact.ch);
        agent.idleSince = now;
        events.wrapUpEnded(now, agent, contact);
        refresh(agent);
    }

    /**
     * The customer hangs up before being served (or, for a connected callback, cannot be reached).
     *
     * @param contactId the contact
     */
    public void abandon(ContactId contactId) {
        ContactRec contact = contact(contactId);
        if (contact.state == ContactState.CONNECTED && !contact.callback) {
            throw illegal("contact " + contactId + " is connected; the agent completes it");
        }
        QueueRec queue = contact.queue;
        switch (contact.state) {
            case WAITING -> {
                leaveWaitingPlace(contact);
                queue.abandoned++;
                endContact(contact, Outcome.ABANDONED, null);
            }
            case OFFERED -> {
                AgentRec agent = contact.agent;
                takeBackOffer(contact);
                events.withdrawn(now, contact, agent);
                queue.abandoned++;
                endContact(contact, Outcome.ABANDONED, null);
                refresh(agent);
            }
            case CONNECTED -> {
                AgentRec agent = contact.agent;
                agent.connected.remove(contact);
                endContact(contact, Outcome.ABANDONED, agent);
                startWrapUp(agent, contact);
            }
        }
    }

    /** Takes a waiting contact out of its bucket or its agent's personal list. */
    private void leaveWaitingPlace(ContactRec contact) {
        if (contact.inBucket) {
            contact.bucket.remove(contact);
        }
        if (contact.personalAgent != null) {
            contact.personalAgent.personal.remove(contact);
            contact.personalAgent = null;
        }
        contact.timerVersion++;
    }

    private void endContact(ContactRec contact, Outcome outcome, AgentRec agent) {
        contact.queue.removeWaiting(contact);
        contact.timerVersion++;
        contact.stepDeadline = Long.MAX_VALUE;
        contacts.remove(contact.id);
        events.ended(now, contact, outcome, agent);
    }

    /**
     * The customer chooses a callback (virtual hold): the contact keeps its place and is offered as a
     * callback when reached.
     *
     * @param contactId a waiting or offered contact
     */
    public void requestCallback(ContactId contactId) {
        ContactRec contact = contact(contactId);
        if (contact.state == ContactState.CONNECTED) {
            throw illegal("contact " + contactId + " is already connected");
        }
        if (contact.callback) {
            throw illegal("contact " + contactId + " is already a callback");
        }
        makeCallback(contact);
    }

    private void makeCallback(ContactRec contact) {
        if (contact.state == ContactState.OFFERED) {
            withdrawOffer(contact);
        } else {
            leaveWaitingPlace(contact);
        }
        contact.callback = true;
        contact.queue.callbacksWaiting++;
        events.callback(now, contact);
        if (contact.bucket == null) {
            enterStep(contact, 0);
        } else {
            place(contact);
        }
    }

    /**
     * Transfers a contact to a queue: a connected contact leaves its agent (who wraps up), a waiting one
     * leaves its place; either keeps its original arrival time and so its precedence.
     *
     * @param contactId the contact
     * @param queueId the target queue
     */
    public void transferToQueue(ContactId contactId, QueueId queueId) {
        ContactRec contact = contact(contactId);
        QueueRec target = queue(queueId);
        AgentRec releasing = contact.state == ContactState.CONNECTED ? contact.agent : null;
        detachForTransfer(contact);
        moveTo(contact, target, MoveCause.TRANSFER, releasing);
    }

    /**
     * Transfers a contact to an agent: it waits for that agent alone for the queue's preferred-agent
     * wait (at least 30 s), then goes to its queue.
     *
     * @param contactId the contact
     * @param agentId the target agent
     */
    public void transferToAgent(ContactId contactId, AgentId agentId) {
        ContactRec contact = contact(contactId);
        AgentRec target = agent(agentId);
        if (target.presence == AgentState.LOGGED_OUT) {
            throw illegal("agent " + agentId + " is logged out");
        }
        if (target.slots(contact.ch) == 0) {
            throw new RoutingException(
                    RoutingError.NO_CAPACITY, "agent " + agentId + " has no " + contact.channel.code() + " slots");
        }
        if (contact.agent == target) {
            throw illegal("contact " + contactId + " is already with agent " + agentId);
        }
        boolean wasConnected = contact.state == ContactState.CONNECTED;
        detachForTransfer(contact);
        if (wasConnected) {
            contact.queue.addWaiting(contact, now);
            events.moved(now, contact, contact.queue, contact.queue, MoveCause.TRANSFER);
        }
        contact.excluded = null;
        waitForAgent(contact, target, Math.max(contact.queue.preferredWaitMillis, 30_000));
    }

    /** Frees a contact from its agent (connected), offer or place, ready to go elsewhere. */
    private void detachForTransfer(ContactRec contact) {
        switch (contact.state) {
            case CONNECTED -> {
                AgentRec agent = contact.agent;
                agent.connected.remove(contact);
                contact.agent = null;
                contact.state = ContactState.WAITING;
                contact.callback = false;
                events.released(now, contact, agent);
                startWrapUp(agent, contact);
            }
            case OFFERED -> withdrawOffer(contact);
            case WAITING -> leaveWaitingPlace(contact);
        }
    }

    /** Moves a detached contact into a queue's first step; {@code exclude} (may be null) is not offered it. */
    private void moveTo(ContactRec contact, QueueRec target, MoveCause cause, AgentRec exclude) {
        QueueRec from = contact.queue;
        if (contact.inWaitingList) {
            from.movedOut++;
            from.removeWaiting(contact);
        }
        contact.queue = target;
        contact.computeKey();
        contact.excluded = null;
        if (exclude != null) {
            contact.exclude(exclude);
        }
        target.addWaiting(contact, now);
        events.moved(now, contact, from, target, cause);
        enterStep(contact, 0);
    }

    private void stepExpired(ContactRec contact) {
        if (contact.state == ContactState.OFFERED) {
            return; // decided when the offer is answered (returnToWaiting checks the deadline)
        }
        QueueRec queue = contact.queue;
        if (contact.inBucket) {
            contact.bucket.remove(contact);
        }
        if (contact.step + 1 < queue.steps.length) {
            enterStep(contact, contact.step + 1);
            return;
        }
        contact.stepDeadline = Long.MAX_VALUE;
        Overflow overflow = queue.overflow;
        if (overflow instanceof Overflow.ToQueue to) {
            moveTo(contact, queues.get(to.queue()), MoveCause.OVERFLOW, null);
        } else if (overflow == Overflow.leave()) {
            queue.overflowed++;
            endContact(contact, Outcome.OVERFLOWED, null);
        } else if (overflow == Overflow.callback() && !contact.callback) {
            contact.callback = true;
            queue.callbacksWaiting++;
            events.callback(now, contact);
            place(contact);
        } else {
            place(contact);
        }
    }

    private void preferredExpired(ContactRec contact) {
        AgentRec agent = contact.personalAgent;
        agent.personal.remove(contact);
        contact.personalAgent = null;
        enterStep(contact, 0);
    }

    // ------------------------------------------------------------------ supervisor overrides

    /**
     * Checks that a force-assign is possible, runs {@code audit}, then assigns the contact directly:
     * it is connected with the agent, ignoring skills, readiness and blocking, but not slots.
     *
     * @param contactId a waiting or offered contact
     * @param agentId a logged-in agent with a free slot on the contact's channel
     * @param supervisor who, for the event
     * @param reason why, for the event
     * @param audit runs after validation and before any change; if it throws, nothing changes
     */
    public void forceAssign(ContactId contactId, AgentId agentId, String supervisor, String reason, Runnable audit) {
        ContactRec contact = contact(contactId);
        AgentRec agent = agent(agentId);
        if (contact.state == ContactState.CONNECTED) {
            throw illegal("contact " + contactId + " is already connected");
        }
        if (agent.presence == AgentState.LOGGED_OUT) {
            throw illegal("agent " + agentId + " is logged out");
        }
        boolean offeredToThisAgent = agent.pending == contact;
        if (agent.pending != null && !offeredToThisAgent) {
            throw illegal("agent " + agentId + " has another offer pending");
        }
        if (!offeredToThisAgent && !agent.hasSlot(contact.ch)) {
            throw new RoutingException(
                    RoutingError.NO_CAPACITY, "agent " + agentId + " has no free " + contact.channel.code() + " slot");
        }
        audit.run();
        events.override(now, "force-assign", contact, agentId.value(), supervisor, reason);
        if (offeredToThisAgent) {
            agent.pending = null;
            unlinkOffer(contact);
        } else {
            if (contact.state == ContactState.OFFERED) {
                withdrawOffer(contact);
            } else {
                leaveWaitingPlace(contact);
            }
            agent.takeSlot(contact.ch);
        }
        connect(contact, agent, true);
    }

    /**
     * Checks that a move is possible, runs {@code audit}, then moves a waiting or offered contact to
     * another queue, keeping its place (arrival time).
     *
     * @param contactId the contact
     * @param queueId the target queue
     * @param supervisor who, for the event
     * @param reason why, for the event
     * @param audit runs after validation and before any change
     */
    public void move(ContactId contactId, QueueId queueId, String supervisor, String reason, Runnable audit) {
        ContactRec contact = contact(contactId);
        QueueRec target = queue(queueId);
        if (contact.state == ContactState.CONNECTED) {
            throw illegal("contact " + contactId + " is connected; transfer it instead");
        }
        if (target == contact.queue) {
            throw illegal("contact " + contactId + " is already in queue " + queueId);
        }
        audit.run();
        events.override(now, "move", contact, queueId.value(), supervisor, reason);
        detachForTransfer(contact);
        moveTo(contact, target, MoveCause.SUPERVISOR, null);
    }

    /**
     * Checks, runs {@code audit}, then changes a waiting or offered contact's priority.
     *
     * @param contactId the contact
     * @param priority 0-1000
     * @param supervisor who, for the event
     * @param reason why, for the event
     * @param audit runs after validation and before any change
     */
    public void reprioritise(ContactId contactId, int priority, String supervisor, String reason, Runnable audit) {
        Args.range(priority, ContactRequest.MIN_PRIORITY, ContactRequest.MAX_PRIORITY, "priority");
        ContactRec contact = contact(contactId);
        if (contact.state == ContactState.CONNECTED) {
            throw illegal("contact " + contactId + " is already connected");
        }
        audit.run();
        events.override(now, "reprioritise", contact, Integer.toString(priority), supervisor, reason);
        int from = contact.priority;
        boolean wasInBucket = contact.inBucket;
        TreeSet<ContactRec> personal = contact.personalAgent == null ? null : contact.personalAgent.personal;
        if (wasInBucket) {
            contact.bucket.remove(contact);
        }
        if (personal != null) {
            personal.remove(contact);
        }
        contact.priority = priority;
        contact.computeKey();
        if (wasInBucket) {
            contact.bucket.add(contact);
        }
        if (personal != null) {
            personal.add(contact);
        }
        events.reprioritised(now, contact, from, priority);
    }

    // ------------------------------------------------------------------ availability

    /**
     * Brings an agent's pools, state and time accounting up to date after any change, and if it has
     * become available on a channel, gives it the best waiting contact it can take.
     */
    private void refresh(AgentRec agent) {
        AgentState state = agent.computeReported();
        int category = agent.computeCategory();
        if (state != agent.reported || category != agent.category) {
            agent.account(now);
            if (state != agent.reported) {
                AgentState before = agent.reported;
                agent.reported = state;
                events.agentState(
                        now, agent.id, before, state, state == AgentState.NOT_READY ? agent.notReadyReason : null);
            }
        }
        long newlyAvailable = matching.update(agent);
        if (newlyAvailable == 0) {
            return;
        }
        ContactRec work = matching.bestContactFor(agent, newlyAvailable, now);
        if (work != null) {
            offer(work, agent);
            return;
        }
        matching.joinAll(agent, newlyAvailable);
    }

    // ------------------------------------------------------------------ lookups

    AgentRec agent(AgentId id) {
        return find(agents, id, RoutingError.UNKNOWN_AGENT, "unknown agent ");
    }

    QueueRec queue(QueueId id) {
        return find(queues, id, RoutingError.UNKNOWN_QUEUE, "unknown queue ");
    }

    ContactRec contact(ContactId id) {
        return find(contacts, id, RoutingError.UNKNOWN_CONTACT, "no live contact ");
    }

    private static <K, V> V find(Map<K, V> map, K id, RoutingError unknown, String message) {
        Args.notNull(id, "id");
        V value = map.get(id);
        if (value == null) {
            throw new RoutingException(unknown, message + id);
        }
        return value;
    }

    private static RoutingException illegal(String message) {
        return new RoutingException(RoutingError.ILLEGAL_STATE, message);
    }

    private static RoutingException noOffer(AgentRec agent, ContactRec contact) {
        return new RoutingException(
                RoutingError.NO_SUCH_OFFER, "agent " + agent.id + " has no pending offer of contact " + contact.id);
    }

    /** Read-only views for the engine's queries. */
    public CoreViews views() {
        return new CoreViews(this);
    }

    Optional<Offer> pendingOffer(AgentRec agent) {
        return agent.pending == null ? Optional.empty() : Optional.of(offerOf(agent.pending));
    }
}
