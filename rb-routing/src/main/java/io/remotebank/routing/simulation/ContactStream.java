package io.remotebank.routing.simulation;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ContactChannel;
import io.remotebank.routing.ContactRequest;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.RoutingError;
import io.remotebank.routing.RoutingException;
import io.remotebank.routing.SkillRequirement;
import io.remotebank.routing.internal.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One kind of contact offered to a queue: when they arrive, what they require, how long agents handle
 * them and how long callers wait.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContactStream {

    private final QueueId queue;
    private final ContactChannel channel;
    private final ArrivalRate arrivals;
    private final HandleTime handleTime;
    private final Patience patience;
    private final List<SkillRequirement> skills;
    private final String language;
    private final int priority;

    private ContactStream(Builder builder) {
        this.queue = builder.queue;
        this.channel = builder.channel;
        this.arrivals = builder.arrivals;
        this.handleTime = builder.handleTime;
        this.patience = builder.patience;
        this.skills = List.copyOf(builder.skills);
        this.language = builder.language;
        this.priority = builder.priority;
    }

    /**
     * A builder for contacts of a queue, on the voice channel, with unlimited patience.
     *
     * @param queue the queue they enter
     * @return a builder; arrivals and handle time are required
     */
    public static Builder builder(QueueId queue) {
        return new Builder(Args.notNull(queue, "queue"));
    }

    /**
     * A builder.
     *
     * @param queue the queue's id text
     * @return a builder
     */
    public static Builder builder(String queue) {
        return builder(QueueId.of(queue));
    }

    /** The queue. */
    public QueueId queue() {
        return queue;
    }

    /** The channel. */
    public ContactChannel channel() {
        return channel;
    }

    /** The arrivals. */
    public ArrivalRate arrivals() {
        return arrivals;
    }

    /** The handle time. */
    public HandleTime handleTime() {
        return handleTime;
    }

    /** The callers' patience. */
    public Patience patience() {
        return patience;
    }

    /** The skills each contact requires. */
    public List<SkillRequirement> skills() {
        return skills;
    }

    /** The language each contact requires, if any. */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** The priority of each contact. */
    public int priority() {
        return priority;
    }

    ContactRequest request(String id) {
        ContactRequest.Builder builder = ContactRequest.builder(io.remotebank.routing.ContactId.of(id), channel, queue)
                .priority(priority);
        for (SkillRequirement skill : skills) {
            builder.skill(skill.skill(), skill.minProficiency());
        }
        if (language != null) {
            builder.language(language);
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "ContactStream[" + queue + ", " + channel.code() + ", " + arrivals + ", " + handleTime + ", " + patience
                + "]";
    }

    /** Builds a {@link ContactStream}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private final QueueId queue;
        private ContactChannel channel = ContactChannel.VOICE;
        private ArrivalRate arrivals;
        private HandleTime handleTime;
        private Patience patience = Patience.unlimited();
        private final List<SkillRequirement> skills = new ArrayList<>();
        private String language;
        private int priority;

        private Builder(QueueId queue) {
            this.queue = queue;
        }

        /**
         * Sets the channel (default voice).
         *
         * @param channel the channel
         * @return this builder
         */
        public Builder channel(ContactChannel channel) {
            this.channel = Args.notNull(channel, "channel");
            return this;
        }

        /**
         * Sets the arrivals.
         *
         * @param arrivals the arrival rate or profile
         * @return this builder
         */
        public Builder arrivals(ArrivalRate arrivals) {
            this.arrivals = Args.notNull(arrivals, "arrivals");
            return this;
        }

        /**
         * Sets the handle time.
         *
         * @param handleTime the distribution
         * @return this builder
         */
        public Builder handleTime(HandleTime handleTime) {
            this.handleTime = Args.notNull(handleTime, "handle time");
            return this;
        }

        /**
         * Sets the callers' patience (default unlimited).
         *
         * @param patience the distribution
         * @return this builder
         */
        public Builder patience(Patience patience) {
            this.patience = Args.notNull(patience, "patience");
            return this;
        }

        /**
         * Adds a skill every contact requires.
         *
         * @param skill the skill
         * @param minProficiency 1-5
         * @return this builder
         */
        public Builder skill(String skill, int minProficiency) {
            skills.add(new SkillRequirement(Args.name(skill, "skill"), minProficiency));
            return this;
        }

        /**
         * Sets the language every contact requires.
         *
         * @param tag e.g. {@code zh}
         * @return this builder
         */
        public Builder language(String tag) {
            this.language = Args.notNull(tag, "language");
            return this;
        }

        /**
         * Sets the priority of every contact.
         *
         * @param priority 0-1000
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = Args.range(priority, ContactRequest.MIN_PRIORITY, ContactRequest.MAX_PRIORITY, "priority");
            return this;
        }

        /** The stream; arrivals and a handle time are required. */
        public ContactStream build() {
            if (arrivals == null || handleTime == null) {
                throw new RoutingException(
                        RoutingError.ARGUMENT_INVALID,
                        "contact stream of queue " + queue + " needs arrivals and a handle time");
            }
            ContactStream stream = new ContactStream(this);
            stream.request("check"); // validates the language tag and the skill levels now
            return stream;
        }
    }
}
