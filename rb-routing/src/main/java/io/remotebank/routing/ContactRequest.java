package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CustomerId;
import io.remotebank.routing.internal.Args;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A contact arriving at the engine: a call, a video session or a chat, with what it needs.
 *
 * <p>Priority is an integer from {@value #MIN_PRIORITY} to {@value #MAX_PRIORITY}, higher first;
 * the default is 0. Tier is 0-9 (the queue's tier boost turns it into priority points).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContactRequest {

    /** The lowest priority. */
    public static final int MIN_PRIORITY = 0;

    /** The highest priority. */
    public static final int MAX_PRIORITY = 1000;

    private final ContactId id;
    private final ContactChannel channel;
    private final QueueId queue;
    private final int priority;
    private final int tier;
    private final List<SkillRequirement> skills;
    private final String language;
    private final AgentId preferredAgent;
    private final CustomerId customer;
    private final Map<String, String> attributes;

    private ContactRequest(Builder builder) {
        this.id = builder.id;
        this.channel = builder.channel;
        this.queue = builder.queue;
        this.priority = builder.priority;
        this.tier = builder.tier;
        this.skills = List.copyOf(builder.skills);
        this.language = builder.language;
        this.preferredAgent = builder.preferredAgent;
        this.customer = builder.customer;
        this.attributes = builder.attributes.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(builder.attributes));
    }

    /**
     * A builder.
     *
     * @param id the contact's id, unique among live contacts
     * @param channel voice, video, chat or another interactive channel
     * @param queue the queue it enters
     * @return a builder
     */
    public static Builder builder(ContactId id, ContactChannel channel, QueueId queue) {
        return new Builder(
                Args.notNull(id, "contact id"), Args.notNull(channel, "channel"), Args.notNull(queue, "queue"));
    }

    /**
     * A builder.
     *
     * @param id the contact's id text
     * @param channel the channel
     * @param queue the queue's id text
     * @return a builder
     */
    public static Builder builder(String id, ContactChannel channel, String queue) {
        return builder(ContactId.of(id), channel, QueueId.of(queue));
    }

    /** The contact. */
    public ContactId id() {
        return id;
    }

    /** Its channel. */
    public ContactChannel channel() {
        return channel;
    }

    /** The queue it enters. */
    public QueueId queue() {
        return queue;
    }

    /** Its priority, 0-1000, higher first. */
    public int priority() {
        return priority;
    }

    /** The customer's tier, 0-9. */
    public int tier() {
        return tier;
    }

    /** The skills it requires. */
    public List<SkillRequirement> skills() {
        return skills;
    }

    /** The language it requires, if any. */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** The agent to try first (管户制: the customer's relationship manager), if any. */
    public Optional<AgentId> preferredAgent() {
        return Optional.ofNullable(preferredAgent);
    }

    /** The customer, if known. */
    public Optional<CustomerId> customer() {
        return Optional.ofNullable(customer);
    }

    /** Free attributes, passed to selectors and events. */
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "ContactRequest[" + id + ", " + channel.code() + ", queue=" + queue + ", priority=" + priority
                + ", tier=" + tier + ", skills=" + skills + ", language=" + language + ", preferredAgent="
                + preferredAgent + "]";
    }

    /** Builds a {@link ContactRequest}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private final ContactId id;
        private final ContactChannel channel;
        private final QueueId queue;
        private int priority;
        private int tier;
        private final List<SkillRequirement> skills = new ArrayList<>();
        private String language;
        private AgentId preferredAgent;
        private CustomerId customer;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(ContactId id, ContactChannel channel, QueueId queue) {
            this.id = id;
            this.channel = channel;
            this.queue = queue;
        }

        /**
         * Sets the priority.
         *
         * @param priority 0-1000, higher first
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = Args.range(priority, MIN_PRIORITY, MAX_PRIORITY, "priority");
            return this;
        }

        /**
         * Sets the customer's tier.
         *
         * @param tier 0-9
         * @return this builder
         */
        public Builder tier(int tier) {
            this.tier = Args.range(tier, 0, 9, "tier");
            return this;
        }

        /**
         * Requires a skill.
         *
         * @param skill the skill
         * @param minProficiency 1-5
         * @return this builder
         */
        public Builder skill(String skill, int minProficiency) {
            skills.add(SkillRequirement.of(skill, minProficiency));
            return this;
        }

        /**
         * Requires a language.
         *
         * @param tag e.g. {@code zh}, {@code yue}, {@code en}
         * @return this builder
         */
        public Builder language(String tag) {
            this.language = AgentProfile.Languages.normalize(tag);
            return this;
        }

        /**
         * Names the agent to try first.
         *
         * @param agent the agent
         * @return this builder
         */
        public Builder preferredAgent(AgentId agent) {
            this.preferredAgent = Args.notNull(agent, "preferred agent");
            return this;
        }

        /**
         * Names the customer.
         *
         * @param customer the customer
         * @return this builder
         */
        public Builder customer(CustomerId customer) {
            this.customer = Args.notNull(customer, "customer");
            return this;
        }

        /**
         * Adds a free attribute.
         *
         * @param key the name
         * @param value the value
         * @return this builder
         */
        public Builder attribute(String key, String value) {
            attributes.put(Args.name(key, "attribute name"), Args.notNull(value, "attribute value"));
            return this;
        }

        /** The request. */
        public ContactRequest build() {
            return new ContactRequest(this);
        }
    }
}
