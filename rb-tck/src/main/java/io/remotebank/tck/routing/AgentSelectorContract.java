package io.remotebank.tck.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.ContactRequest;
import io.remotebank.routing.Offer;
import io.remotebank.routing.QueueConfig;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.RoutingEngine;
import io.remotebank.routing.SkillRequirement;
import io.remotebank.routing.spi.AgentCandidate;
import io.remotebank.routing.spi.AgentSelector;
import io.remotebank.routing.spi.ContactCandidate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of {@link AgentSelector}: extend it and return your selector from {@link
 * #newSelector()}. It checks the selector's own contract (a valid name; deterministic ranks; no
 * dependence on the contact when it says so; no failure on unusual candidates) and that a {@link
 * RoutingEngine} using it always offers a contact to the eligible agent it ranks lowest.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class AgentSelectorContract {

    private static final long T0 = Instant.parse("2026-11-28T09:00:00Z").toEpochMilli();

    /** The selector under test, fresh for each test. */
    protected AgentSelector selector;

    /** For subclasses. */
    protected AgentSelectorContract() {}

    /**
     * The selector under test.
     *
     * @return a selector
     */
    protected abstract AgentSelector newSelector();

    /** Creates the selector under test. */
    @BeforeEach
    void createSelector() {
        selector = newSelector();
    }

    @Test
    void name_isAStableIdentifier() {
        assertThat(selector.name()).matches("[A-Za-z0-9._:-]{1,64}");
        assertThat(newSelector().name()).isEqualTo(selector.name());
    }

    @Test
    void rank_isDeterministic() {
        for (Agent agent : agents()) {
            for (Contact contact : contacts()) {
                assertThat(selector.rank(agent, contact))
                        .as("rank of %s for %s", agent.id, contact.id)
                        .isEqualTo(selector.rank(agent, contact))
                        .isEqualTo(newSelector().rank(agent.copy(), contact));
            }
        }
    }

    @Test
    void contactIndependentSelector_ranksTheSameForEveryContact_andForNone() {
        if (selector.dependsOnContact()) {
            return; // nothing to check: the engine ranks such a selector per contact
        }
        for (Agent agent : agents()) {
            long alone = selector.rank(agent, null);
            for (Contact contact : contacts()) {
                assertThat(selector.rank(agent, contact))
                        .as("rank of %s", agent.id)
                        .isEqualTo(alone);
            }
        }
    }

    @Test
    void unusualCandidates_areRankedWithoutFailure() {
        List<Agent> odd = List.of(
                new Agent("empty", Map.of(), Set.of(), 0, 0, 0),
                new Agent("full", Map.of("cards", 5), Set.of("zh"), 5, 0, Long.MAX_VALUE / 4),
                new Agent("epoch", Map.of("cards", 1), Set.of("en"), 0, Long.MAX_VALUE / 4, 0));
        Contact bare = new Contact("bare", List.of(), null, 0, 0);
        for (Agent agent : odd) {
            selector.rank(agent, bare);
            for (Contact contact : contacts()) {
                selector.rank(agent, contact);
            }
        }
    }

    @Test
    void engine_offersEachContactToTheEligibleAgentRankedLowest() {
        List<Agent> agents = agents();
        for (Contact contact : contacts()) {
            MutableClock clock = new MutableClock(T0);
            RoutingEngine.Builder builder = RoutingEngine.builder()
                    .clock(clock)
                    .scheduledTicks(false)
                    .skills("cards", "loans", "wealth")
                    .queue(QueueConfig.builder("kit").selector(selector).build());
            for (Agent agent : agents) {
                AgentProfile.Builder profile = AgentProfile.builder(agent.id).queue("kit");
                agent.skills.forEach(profile::skill);
                agent.languages.forEach(profile::languages);
                builder.agent(profile.build());
            }
            try (RoutingEngine engine = builder.build()) {
                // agents become ready in order of their idle-since time, so the engine sees those times
                List<Agent> byIdle = new ArrayList<>(agents);
                byIdle.sort((a, b) -> Long.compare(a.idleSince, b.idleSince));
                for (Agent agent : byIdle) {
                    clock.set(agent.idleSince);
                    engine.login(agent.id);
                    engine.ready(agent.id);
                }
                ContactRequest.Builder request =
                        ContactRequest.builder(contact.id, ContactChannel.VOICE, QueueId.of("kit"));
                contact.skills.forEach(s -> request.skill(s.skill(), s.minProficiency()));
                if (contact.language != null) {
                    request.language(contact.language);
                }
                Optional<Offer> offer = engine.arrive(request.build());

                Agent expected = null;
                long best = Long.MAX_VALUE;
                for (Agent agent : agents) {
                    if (!agent.serves(contact)) {
                        continue;
                    }
                    long rank = selector.rank(agent, selector.dependsOnContact() ? contact : null);
                    if (expected == null || rank < best) {
                        expected = agent;
                        best = rank;
                    }
                }
                assertThat(offer.map(Offer::agent))
                        .as("agent offered %s", contact.id)
                        .isEqualTo(Optional.ofNullable(expected).map(a -> a.id));
            }
        }
    }

    /** Idle agents in registration order, with distinct skills, languages and idle times. */
    private static List<Agent> agents() {
        return List.of(
                new Agent("a1", Map.of("cards", 2, "loans", 5), Set.of("zh"), 0, 0, T0 + 30_000),
                new Agent("a2", Map.of("cards", 5), Set.of("zh", "en"), 0, 0, T0 + 10_000),
                new Agent("a3", Map.of("cards", 3, "wealth", 4), Set.of("en"), 0, 0, T0 + 20_000),
                new Agent("a4", Map.of("loans", 1, "wealth", 2), Set.of("zh", "yue"), 0, 0, T0),
                new Agent("a5", Map.of("cards", 4, "loans", 3, "wealth", 5), Set.of("zh"), 0, 0, T0 + 5_000));
    }

    private static List<Contact> contacts() {
        return List.of(
                new Contact("plain", List.of(), null, 0, 0),
                new Contact("cards3", List.of(SkillRequirement.of("cards", 3)), null, 5, 1),
                new Contact("loans1-zh", List.of(SkillRequirement.of("loans", 1)), "zh", 0, 0),
                new Contact(
                        "wealth2-cards1",
                        List.of(SkillRequirement.of("wealth", 2), SkillRequirement.of("cards", 1)),
                        null,
                        100,
                        2),
                new Contact("en", List.of(), "en", 0, 0));
    }

    /** An agent as a selector sees it: idle, ready, with standard capacity (1 voice, 1 video, 3 chats). */
    private static final class Agent implements AgentCandidate {
        final AgentId id;
        final Map<String, Integer> skills;
        final Set<String> languages;
        final int load;
        final long lastOffer;
        final long idleSince;

        Agent(String id, Map<String, Integer> skills, Set<String> languages, int load, long lastOffer, long idleSince) {
            this.id = AgentId.of(id);
            this.skills = skills;
            this.languages = languages;
            this.load = load;
            this.lastOffer = lastOffer;
            this.idleSince = idleSince;
        }

        Agent copy() {
            return new Agent(id.value(), Map.copyOf(skills), Set.copyOf(languages), load, lastOffer, idleSince);
        }

        boolean serves(Contact contact) {
            for (SkillRequirement requirement : contact.skills) {
                if (skills.getOrDefault(requirement.skill(), 0) < requirement.minProficiency()) {
                    return false;
                }
            }
            return contact.language == null || languages.contains(contact.language);
        }

        @Override
        public AgentId id() {
            return id;
        }

        @Override
        public int proficiency(String skill) {
            return skills.getOrDefault(skill, 0);
        }

        @Override
        public Set<String> languages() {
            return languages;
        }

        @Override
        public int load(ContactChannel channel) {
            return channel == ContactChannel.CHAT ? load : 0;
        }

        @Override
        public int load() {
            return load;
        }

        @Override
        public int capacity(ContactChannel channel) {
            return switch (channel) {
                case VOICE, VIDEO -> 1;
                case CHAT -> 3;
                default -> 0;
            };
        }

        @Override
        public int capacity() {
            return 5;
        }

        @Override
        public long idleSinceMillis() {
            return idleSince;
        }

        @Override
        public long lastOfferSequence() {
            return lastOffer;
        }
    }

    /** A contact as a selector sees it, waiting in queue {@code kit}. */
    private static final class Contact implements ContactCandidate {
        final ContactId id;
        final List<SkillRequirement> skills;
        final String language;
        final int priority;
        final int tier;

        Contact(String id, List<SkillRequirement> skills, String language, int priority, int tier) {
            this.id = ContactId.of(id);
            this.skills = skills;
            this.language = language;
            this.priority = priority;
            this.tier = tier;
        }

        @Override
        public ContactId id() {
            return id;
        }

        @Override
        public ContactChannel channel() {
            return ContactChannel.VOICE;
        }

        @Override
        public QueueId queue() {
            return QueueId.of("kit");
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
            return skills;
        }

        @Override
        public Optional<String> language() {
            return Optional.ofNullable(language);
        }

        @Override
        public Map<String, String> attributes() {
            return Map.of();
        }
    }

    /** A clock the kit sets. */
    private static final class MutableClock extends Clock {
        private volatile long millis;

        MutableClock(long millis) {
            this.millis = millis;
        }

        void set(long value) {
            millis = value;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
