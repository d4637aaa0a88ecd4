package io.remotebank.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.routing.AgentCapacity;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.AgentState;
import io.remotebank.routing.QueueConfig;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/**
 * The agent's per-channel slots, load and blocking, packed in lanes of two longs each, and its flat
 * list of eligible buckets.
 */
class AgentRecTest {

    private static final ContactChannel[] CHANNELS = ContactChannel.values();

    private static AgentRec agent(AgentCapacity capacity) {
        AgentRec agent = new AgentRec(AgentId.of("a1"), 0);
        agent.applyProfile(AgentProfile.builder("a1").capacity(capacity).build(), new Skills(), new Languages());
        agent.presence = AgentState.READY;
        return agent;
    }

    @Test
    void everyChannel_countsUpToItsHundredSlots_apartFromTheOthers() {
        AgentCapacity.Builder capacity = AgentCapacity.builder();
        for (ContactChannel channel : CHANNELS) {
            capacity.channel(channel, 100 - channel.ordinal());
        }
        AgentRec agent = agent(capacity.build());

        // round after round, each channel takes one more slot until it is full
        for (int round = 1; round <= 100; round++) {
            for (ContactChannel channel : CHANNELS) {
                if (agent.hasSlot(channel.ordinal())) {
                    agent.takeSlot(channel.ordinal());
                }
            }
        }

        int total = 0;
        for (ContactChannel channel : CHANNELS) {
            int c = channel.ordinal();
            assertThat(agent.slots(c)).as("slots of %s", channel).isEqualTo(100 - c);
            assertThat(agent.load(c)).as("load of %s", channel).isEqualTo(100 - c);
            assertThat(agent.load(channel)).isEqualTo(100 - c);
            assertThat(agent.hasSlot(c)).isFalse();
            total += 100 - c;
        }
        assertThat(agent.totalLoad).isEqualTo(total);

        ContactChannel last = CHANNELS[CHANNELS.length - 1];
        agent.freeSlot(last.ordinal());
        assertThat(agent.load(last.ordinal())).isEqualTo(100 - last.ordinal() - 1);
        assertThat(agent.load(ContactChannel.VOICE.ordinal())).isEqualTo(100);
        assertThat(agent.totalLoad).isEqualTo(total - 1);
    }

    @Test
    void aContactOnALastChannel_blocksWhatItsCapacitySays_andNothingElse() {
        ContactChannel last = CHANNELS[CHANNELS.length - 1];
        AgentRec agent = agent(AgentCapacity.builder()
                .channel(ContactChannel.VOICE, 1)
                .channel(ContactChannel.CHAT, 3)
                .channel(last, 1)
                .blocks(last, ContactChannel.VOICE)
                .build());
        assertThat(agent.available(ContactChannel.VOICE.ordinal())).isTrue();

        agent.takeSlot(last.ordinal());

        assertThat(agent.available(ContactChannel.VOICE.ordinal()))
                .as("voice, blocked")
                .isFalse();
        assertThat(agent.available(ContactChannel.CHAT.ordinal()))
                .as("chat, not blocked")
                .isTrue();
        assertThat(agent.available(last.ordinal())).as("its own channel, full").isFalse();
        agent.freeSlot(last.ordinal());
        assertThat(agent.available(ContactChannel.VOICE.ordinal())).isTrue();
    }

    @Test
    void freeingAnEmptyChannel_isRefused_andChangesNothing() {
        AgentRec agent = agent(AgentCapacity.standard());

        assertThatThrownBy(() -> agent.freeSlot(ContactChannel.VOICE.ordinal()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not fit");
        assertThat(agent.load(ContactChannel.VOICE.ordinal())).isZero();
        assertThat(agent.totalLoad).isZero();
    }

    @Test
    void poolMembership_isKeptPerChannel() {
        AgentRec agent = agent(AgentCapacity.standard());
        ContactChannel last = CHANNELS[CHANNELS.length - 1];

        agent.inPool(last.ordinal(), true);
        agent.inPool(ContactChannel.CHAT.ordinal(), true);
        agent.inPool(ContactChannel.CHAT.ordinal(), false);

        assertThat(agent.inPool(last.ordinal())).isTrue();
        assertThat(agent.inPool(ContactChannel.CHAT.ordinal())).isFalse();
        assertThat(agent.inAnyPool()).isTrue();
        agent.inPool(last.ordinal(), false);
        assertThat(agent.inAnyPool()).isFalse();
    }

    @Test
    void eligibleBuckets_keepTheirChannelAndWeight_growingPastTheFirstArray_andClear() {
        AgentRec agent = agent(AgentCapacity.standard());
        Skills skills = new Skills();
        QueueRec queue = new QueueRec(
                QueueConfig.builder("q").build(), skills, new Matching(new HashMap<>(), skills, new Languages()));
        Bucket[] added = new Bucket[CHANNELS.length];
        for (int c = 0; c < CHANNELS.length; c++) {
            added[c] = new Bucket(queue, new Requirement(c, new int[0], new int[0], null, new Languages()));
            agent.addEligible(added[c], 100 - c); // weights 100..91: the largest weight fits beside a channel
        }

        assertThat(agent.eligibleCount).isEqualTo(CHANNELS.length);
        for (int i = 0; i < CHANNELS.length; i++) {
            assertThat(agent.eligible[i]).isSameAs(added[i]);
            assertThat(AgentRec.eligibleChannel(agent.eligibleMeta[i])).isEqualTo(i);
            assertThat(AgentRec.eligibleWeight(agent.eligibleMeta[i])).isEqualTo(100 - i);
        }
        agent.clearEligible();
        assertThat(agent.eligibleCount).isZero();
        assertThat(agent.eligible).containsOnlyNulls();
    }
}
