package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ContactChannel;
import io.remotebank.routing.internal.Args;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * How many contacts an agent handles at once on each channel, and which channels block which.
 *
 * <p>A contact occupies a slot from the moment it is offered until the agent's wrap-up of it ends. A
 * channel {@code A} that <em>blocks</em> {@code B} means: while the agent has any contact on {@code A},
 * nothing new is offered on {@code B}. {@link #standard()} is the usual contact-centre rule: one voice
 * call or one video call or up to three chats.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AgentCapacity {

    private static final AgentCapacity STANDARD = builder()
            .channel(ContactChannel.VOICE, 1)
            .channel(ContactChannel.VIDEO, 1)
            .channel(ContactChannel.CHAT, 3)
            .blocks(ContactChannel.VOICE, ContactChannel.VIDEO, ContactChannel.CHAT)
            .blocks(ContactChannel.VIDEO, ContactChannel.VOICE, ContactChannel.CHAT)
            .blocks(ContactChannel.CHAT, ContactChannel.VOICE, ContactChannel.VIDEO)
            .build();

    private final int[] slots;
    private final long[] blocked;

    private AgentCapacity(Builder builder) {
        this.slots = builder.slots.clone();
        this.blocked = builder.blocked.clone();
    }

    /** One voice or one video call, or up to three chats. */
    public static AgentCapacity standard() {
        return STANDARD;
    }

    /** A builder with no capacity on any channel. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many contacts of the channel the agent handles at once.
     *
     * @param channel the channel
     * @return 0 when the agent does not serve it
     */
    public int slots(ContactChannel channel) {
        return slots[Args.notNull(channel, "channel").ordinal()];
    }

    /**
     * Whether a contact on {@code busy} stops new offers on {@code other}.
     *
     * @param busy the channel the agent is busy on
     * @param other the channel of a new offer
     * @return whether {@code busy} blocks {@code other}
     */
    public boolean blocks(ContactChannel busy, ContactChannel other) {
        return (blocked[busy.ordinal()] & (1L << other.ordinal())) != 0;
    }

    /** The channels with at least one slot. */
    public Set<ContactChannel> channels() {
        EnumSet<ContactChannel> set = EnumSet.noneOf(ContactChannel.class);
        for (ContactChannel channel : ContactChannel.values()) {
            if (slots[channel.ordinal()] > 0) {
                set.add(channel);
            }
        }
        return set;
    }

    @Override
    public String toString() {
        Map<ContactChannel, Integer> map = new EnumMap<>(ContactChannel.class);
        for (ContactChannel channel : channels()) {
            map.put(channel, slots[channel.ordinal()]);
        }
        return "AgentCapacity" + map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentCapacity that
                && java.util.Arrays.equals(slots, that.slots)
                && java.util.Arrays.equals(blocked, that.blocked);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(slots) + java.util.Arrays.hashCode(blocked);
    }

    /** Builds an {@link AgentCapacity}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private final int[] slots = new int[ContactChannel.values().length];
        private final long[] blocked = new long[ContactChannel.values().length];

        private Builder() {}

        /**
         * Sets the slots of a channel.
         *
         * @param channel an interactive channel
         * @param count 0-100
         * @return this builder
         */
        public Builder channel(ContactChannel channel, int count) {
            Args.notNull(channel, "channel");
            Args.range(count, 0, 100, "slots of " + channel.code());
            slots[channel.ordinal()] = count;
            return this;
        }

        /**
         * Declares that a contact on {@code busy} blocks new offers on each of {@code others}.
         *
         * @param busy the busy channel
         * @param others the channels it blocks
         * @return this builder
         */
        public Builder blocks(ContactChannel busy, ContactChannel... others) {
            Args.notNull(busy, "channel");
            for (ContactChannel other : Args.notNull(others, "blocked channels")) {
                Args.notNull(other, "blocked channel");
                blocked[busy.ordinal()] |= 1L << other.ordinal();
            }
            return this;
        }

        /** The capacity. */
        public AgentCapacity build() {
            return new AgentCapacity(this);
        }
    }
}
