package io.remotebank.examples.demo;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.ContactRequest;
import io.remotebank.routing.ContactSnapshot;
import io.remotebank.routing.ContactState;
import io.remotebank.routing.Offer;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.QueueStatistics;
import io.remotebank.routing.RoutingEngine;
import io.remotebank.routing.RoutingEvent;
import io.remotebank.routing.RoutingStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Act 2 of the bank day: a morning in the video account-opening queue. Three agents serve a stream
 * of background calls (seeded, so every run is the same); at 09:20 the scored customer's call
 * arrives with the score as its priority. The first agent offered it does not answer; the call keeps
 * its place ahead of calls that came earlier, and the next agent accepts. Every routing decision is
 * appended to the audit trail.
 */
final class RoutingAct {

    static final QueueId QUEUE = QueueId.of("video-account-opening");
    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(15);
    private static final Instant STAR_ARRIVES = BankDayDemo.DAY_START.plus(Duration.ofMinutes(20));
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(15);

    /** The scored customer's call, connected to an agent: the SIP act takes it from here. */
    record Connected(ContactId contact, AgentId agent, AgentId missedBy, Duration waited) {}

    private final DemoClock clock;
    private final AuditTrail trail;
    private final Narrator narrator;
    private final Checks checks;
    private final BankDayDemo.Customers customers;
    private final RoutingEngine engine;
    private final Queue<RoutingEvent> events = new ConcurrentLinkedQueue<>();
    private final Random random = new Random(20_261_130L);
    private final Map<AgentId, String> agentNames = new LinkedHashMap<>();

    // The background traffic's script: when each waiting caller gives up, when each call ends.
    private final Map<ContactId, Instant> patience = new HashMap<>();
    private final Map<ContactId, Instant> arrivals = new HashMap<>();
    private final Map<ContactId, Instant> callEnds = new HashMap<>();
    private final Map<ContactId, AgentId> connectedTo = new HashMap<>();
    private final Map<AgentId, Offer> offers = new HashMap<>();
    private Instant nextSample = BankDayDemo.DAY_START;
    private int background;

    private final ContactId star = ContactId.of("video-C30001");
    private AgentId starMissedBy;
    private AgentId starAgent;
    private boolean starKeptPlace;

    RoutingAct(DemoClock clock, AuditTrail trail, Narrator narrator, Checks checks, BankDayDemo.Customers customers) {
        this.clock = clock;
        this.trail = trail;
        this.narrator = narrator;
        this.checks = checks;
        this.customers = customers;
        agentNames.put(AgentId.of("agent-wang"), "Wang (zh, account opening 4)");
        agentNames.put(AgentId.of("agent-li"), "Li (zh/en, account opening 5)");
        agentNames.put(AgentId.of("agent-chen"), "Chen (zh/yue, account opening 3)");
        this.engine = RoutingEngine.builder()
                .clock(clock)
                .scheduler(clock.scheduler()) // its timers fire as the script moves the day's time
                .offerTimeout(OFFER_TIMEOUT)
                .maxConsecutiveMisses(2)
                .skills("account-opening", "wealth")
                .queue(QueueConfig.builder(QUEUE)
                        .step(RoutingStep.builder("language-match")
                                .timeout(Duration.ofMinutes(2))
                                .build())
                        .step(RoutingStep.builder("any-language")
                                .anyLanguage()
                                .relaxBy(1)
                                .build())
                        .wrapUp(Duration.ofSeconds(30))
                        .serviceLevelThreshold(Duration.ofMinutes(2))
                        .build())
                .agent(AgentProfile.builder("agent-wang")
                        .skill("account-opening", 4)
                        .languages("zh")
                        .queue(QUEUE.value())
                        .build())
                .agent(AgentProfile.builder("agent-li")
                        .skill("account-opening", 5)
                        .skill("wealth", 4)
                        .languages("zh", "en")
                        .queue(QUEUE.value())
                        .build())
                .agent(AgentProfile.builder("agent-chen")
                        .skill("account-opening", 3)
                        .languages("zh", "yue")
                        .queue(QUEUE.value())
                        .build())
                .build();
        engine.addListener(events::add); // the engine's decisions, in order; audited by the script
    }

    /** Plays 09:00 until the scored customer's call is connected to an agent. */
    RoutingAct.Connected playMorning(DemoReport report) {
        for (AgentId agent : agentNames.keySet()) {
            engine.login(agent);
            engine.ready(agent);
        }
        narrator.say("09:00 the video account-opening queue opens with three agents: "
                + String.join("; ", agentNames.values()));
        while (clock.instant().isBefore(STAR_ARRIVES)) {
            second(report);
        }
        QueueStatistics before = engine.statistics(QUEUE);
        narrator.say(before.waiting() + " calls are waiting, the longest for "
                + before.longestWait().toSeconds() + " s; " + before.answered() + " answered so far.");

        BankDayDemo.Customers.Applicant zhang = customers.zhang();
        int priority = (int) Math.round(Math.min(100, Math.max(0, zhang.score())) * 10);
        narrator.say("the video call of " + zhang + " arrives with priority " + priority
                + " (its propensity score x 10; the morning's calls have 100-400).");
        Instant arrived = clock.instant();
        arrivals.put(star, arrived);
        report.starArrival(arrived);
        engine.arrive(ContactRequest.builder(star, ContactChannel.VIDEO, QUEUE)
                .customer(zhang.id())
                .skill("account-opening", 3)
                .language("zh")
                .priority(priority)
                .build());
        drainEvents();
        Instant deadline = clock.instant().plus(Duration.ofMinutes(30));
        while (starAgent == null && clock.instant().isBefore(deadline)) {
            second(report);
        }
        boolean connected = checks.expect(
                "the scored call is connected to an agent", starAgent != null, "no agent within 30 minutes");
        checks.expect(
                "the first agent offered the call misses it (the offer times out)",
                starMissedBy != null,
                "no missed offer");
        checks.expect(
                "after the miss the call keeps its place: the next agent gets it ahead of earlier calls",
                starKeptPlace,
                "kept place: " + starKeptPlace);
        checks.expect(
                "a different agent accepts the call",
                connected && starMissedBy != null && !starAgent.equals(starMissedBy),
                "missed by " + starMissedBy + ", accepted by " + starAgent);
        return new Connected(star, starAgent, starMissedBy, Duration.between(arrived, clock.instant()));
    }

    /** After the video call: the agent completes it, and the queue runs until 09:45. */
    void finish(Connected call, DemoReport report) {
        engine.complete(call.agent(), call.contact());
        drainEvents();
        Instant end = BankDayDemo.DAY_START.plus(Duration.ofMinutes(45));
        while (clock.instant().isBefore(end)) {
            second(report);
        }
        QueueStatistics stats = engine.statistics(QUEUE);
        narrator.say(String.format(
                "by 09:45: %d calls arrived, %d answered, %d abandoned; service level (2 min) %.0f%%, ASA %d s,"
                        + " occupancy %.0f%%",
                stats.arrived(),
                stats.answered(),
                stats.abandoned(),
                stats.serviceLevel() * 100,
                stats.averageSpeedOfAnswer().toSeconds(),
                stats.occupancy() * 100));
        report.routing(stats.arrived(), stats.answered(), stats.abandoned(), stats.serviceLevel());
        checks.expect(
                "every call that arrived is waiting, answered or abandoned (none lost)",
                stats.arrived()
                        == stats.answered()
                                + stats.abandoned()
                                + stats.waiting()
                                + stats.overflowed()
                                + stats.movedOut(),
                stats.toString());
        engine.close();
    }

    /** One second of the morning: arrivals, answers, hang-ups, the engine's timers. */
    private void second(DemoReport report) {
        clock.advance(Duration.ofSeconds(1)); // fires offer time-outs, wrap-up ends, routing-step time-outs
        Instant now = clock.instant();
        drainEvents();

        // Agents answer their offers at once, except the scripted miss.
        for (Map.Entry<AgentId, Offer> entry : new ArrayList<>(offers.entrySet())) {
            Offer offer = entry.getValue();
            if (offer.contact().equals(star) && starMissedBy == null) {
                continue; // the first agent offered the scored call is away from the desk
            }
            engine.accept(entry.getKey(), offer.contact());
            drainEvents();
        }
        // Calls end; waiting callers give up.
        for (Map.Entry<ContactId, Instant> end : new ArrayList<>(callEnds.entrySet())) {
            if (!end.getValue().isAfter(now)) {
                engine.complete(connectedTo.get(end.getKey()), end.getKey());
                drainEvents();
            }
        }
        for (Map.Entry<ContactId, Instant> giveUp : new ArrayList<>(patience.entrySet())) {
            if (!giveUp.getValue().isAfter(now)) {
                Optional<ContactSnapshot> snapshot = engine.contact(giveUp.getKey());
                patience.remove(giveUp.getKey());
                if (snapshot.isPresent() && snapshot.get().state() == ContactState.WAITING) {
                    engine.abandon(giveUp.getKey());
                    drainEvents();
                }
            }
        }
        // The morning's background calls: about one a minute until 09:40.
        if (now.isBefore(BankDayDemo.DAY_START.plus(Duration.ofMinutes(40))) && random.nextInt(65) == 0) {
            background++;
            ContactId id = ContactId.of("video-bg-" + background);
            arrivals.put(id, now);
            patience.put(id, now.plusSeconds(240 + random.nextInt(600)));
            engine.arrive(ContactRequest.builder(id, ContactChannel.VIDEO, QUEUE)
                    .skill("account-opening", 2 + random.nextInt(2))
                    .language(random.nextInt(5) == 0 ? "en" : "zh")
                    .priority(100 + random.nextInt(301))
                    .build());
            drainEvents();
        }
        if (!now.isBefore(nextSample)) {
            report.queueSample(now, engine.statistics(QUEUE).waiting());
            nextSample = nextSample.plus(SAMPLE_EVERY);
        }
    }

    /** Applies the engine's events to the script and writes each decision to the audit trail. */
    private void drainEvents() {
        RoutingEvent event;
        while ((event = events.poll()) != null) {
            if (event instanceof RoutingEvent.OfferMade made) {
                Offer offer = made.offer();
                offers.put(offer.agent(), offer);
                audit(
                        "routing.offer.made",
                        offer.contact(),
                        offer.agent(),
                        "queue",
                        offer.queue().value());
                if (offer.contact().equals(star)) {
                    narrator.say("offered to " + agentNames.get(offer.agent()) + "...");
                    if (starMissedBy != null) {
                        starKeptPlace = earlierCallsWaiting();
                        narrator.say("it still comes first after the miss: "
                                + (starKeptPlace
                                        ? "calls that arrived before it are still waiting"
                                        : "(it was alone)"));
                    }
                }
            } else if (event instanceof RoutingEvent.OfferMissed missed) {
                offers.remove(missed.agent());
                audit(
                        "routing.offer.missed",
                        missed.contact(),
                        missed.agent(),
                        "cause",
                        missed.timedOut() ? "timeout" : "rejected");
                if (missed.contact().equals(star)) {
                    starMissedBy = missed.agent();
                    narrator.say(agentNames.get(missed.agent()) + " does not answer; after " + OFFER_TIMEOUT.toSeconds()
                            + " s the offer times out and the call goes back to its place.");
                }
            } else if (event instanceof RoutingEvent.OfferWithdrawn withdrawn) {
                offers.remove(withdrawn.agent());
            } else if (event instanceof RoutingEvent.ContactConnected connected) {
                offers.remove(connected.agent());
                connectedTo.put(connected.contact(), connected.agent());
                audit(
                        "routing.contact.connected",
                        connected.contact(),
                        connected.agent(),
                        "waitedMillis",
                        Long.toString(connected.waitMillis()));
                if (connected.contact().equals(star)) {
                    starAgent = connected.agent();
                    narrator.say(agentNames.get(connected.agent()) + " accepts after " + connected.waitMillis() / 1000
                            + " s in the queue.");
                } else {
                    callEnds.put(connected.contact(), clock.instant().plusSeconds(150 + random.nextInt(180)));
                }
            } else if (event instanceof RoutingEvent.ContactEnded ended) {
                callEnds.remove(ended.contact());
                connectedTo.remove(ended.contact());
                patience.remove(ended.contact());
                audit(
                        "routing.contact.ended",
                        ended.contact(),
                        ended.agent().orElse(null),
                        "outcome",
                        ended.outcome().name());
            }
        }
    }

    private boolean earlierCallsWaiting() {
        Instant starArrived = arrivals.get(star);
        for (Map.Entry<ContactId, Instant> entry : arrivals.entrySet()) {
            if (entry.getValue().isBefore(starArrived)) {
                Optional<ContactSnapshot> other = engine.contact(entry.getKey());
                if (other.isPresent() && other.get().state() == ContactState.WAITING) {
                    return true;
                }
            }
        }
        return false;
    }

    private void audit(String action, ContactId contact, AgentId agent, String key, String value) {
        AuditEvent.Builder event = AuditEvent.builder(action, Actor.system("routing-engine"))
                .detail("contact", contact.value())
                .detail(key, value);
        if (agent != null) {
            event.detail("agent", agent.value());
        }
        if (contact.equals(star)) {
            event.subject(customers.zhang().id());
        }
        trail.append(event.build());
    }
}
