package io.remotebank.routing.internal;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.AgentState;
import io.remotebank.routing.spi.AgentCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A registered agent: profile, presence, slots, pool entries and time accounting. */
final class AgentRec implements AgentCandidate {

    static final int CHANNELS = ContactChannel.values().length;

    final AgentId id;
    final int seq;
    AgentProfile profile;
    /** By skill id: 0 (none) or 1-5. Bytes, so that the array is one cache line for up to 48 skills. */
    byte[] proficiency = new byte[0];

    Set<String> languages;
    /** {@link #languages} as bits of the engine's {@link Languages}. */
    long languageMask;

    final int[] slots = new int[CHANNELS];
    /** For each channel, the bit set of channels a contact on it blocks. */
    final long[] blocks = new long[CHANNELS];

    int totalSlots;

    /** {@link AgentState#LOGGED_OUT}, {@link AgentState#READY} or {@link AgentState#NOT_READY}. */
    AgentState presence = AgentState.LOGGED_OUT;

    String notReadyReason;
    final int[] load = new int[CHANNELS];
    int totalLoad;
    ContactRec pending;
    final List<ContactRec> connected = new ArrayList<>(2);
    final List<WrapUp> wrapUps = new ArrayList<>(2);
    /** {@code wrapUps.size()}, kept here so that computing the state reads no list. */
    int wrapUpCount;

    int misses;
    long idleSince;
    long lastOfferSequence;

    List<Membership> memberships = List.of();
    /** Per channel: the buckets this agent is eligible for, in its queues. */
    final Eligible[] eligible = new Eligible[CHANNELS];
    /** The channels on which at least one of the agent's queues has had contacts. */
    long activeMask;
    /** Per active channel: whether the agent is available there (its entries are in its queues' pools). */
    final boolean[] inPool = new boolean[CHANNELS];
    /** Whether all its queues keep array pools, so that it can leave them lazily ({@link Matching}). */
    boolean lazyPools;
    /** Contacts waiting for this agent alone, in order of place. */
    TreeSet<ContactRec> personal;

    AgentState reported = AgentState.LOGGED_OUT;
    /** 0 none (logged out), 1 idle, 2 handling, 3 not ready. */
    int category;

    long accountedAt;
    long idleMillis;
    long handlingMillis;
    long notReadyMillis;

    AgentRec(AgentId id, int seq) {
        this.id = id;
        this.seq = seq;
        for (int i = 0; i < CHANNELS; i++) {
            eligible[i] = new Eligible();
        }
    }

    void applyProfile(AgentProfile newProfile, Skills skills, Languages languageBits) {
        this.profile = newProfile;
        byte[] p = new byte[skills.size()];
        newProfile.skills().forEach((name, level) -> p[skills.idOrMinus(name)] = (byte) (int) level);
        this.proficiency = p;
        this.languages = newProfile.languages();
        this.languageMask = languageBits.mask(languages);
        totalSlots = 0;
        for (ContactChannel channel : ContactChannel.values()) {
            int i = channel.ordinal();
            slots[i] = newProfile.capacity().slots(channel);
            totalSlots += slots[i];
            long mask = 0;
            for (ContactChannel other : ContactChannel.values()) {
                if (newProfile.capacity().blocks(channel, other)) {
                    mask |= 1L << other.ordinal();
                }
            }
            blocks[i] = mask;
        }
    }

    int proficiency(int skill) {
        return skill < proficiency.length ? proficiency[skill] : 0;
    }

    /** Whether a new offer on the channel could be made now. */
    boolean available(int channel) {
        if (presence != AgentState.READY || pending != null || load[channel] >= slots[channel]) {
            return false;
        }
        if (totalLoad == 0) {
            return true;
        }
        for (int c = 0; c < CHANNELS; c++) {
            if (load[c] > 0 && (blocks[c] & (1L << channel)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether there is a free slot on the channel, ignoring presence and blocking (force-assign). */
    boolean hasSlot(int channel) {
        return load[channel] < slots[channel];
    }

    AgentState computeReported() {
        if (presence != AgentState.READY) {
            return presence;
        }
        if (pending != null) {
            return AgentState.RESERVED;
        }
        // from counters on this object rather than the two lists (each a further object to read)
        if (totalLoad > wrapUpCount) {
            return AgentState.BUSY; // what is neither pending nor wrapping up is connected
        }
        if (wrapUpCount > 0) {
            return AgentState.WRAP_UP;
        }
        return AgentState.READY;
    }

    int computeCategory() {
        if (presence == AgentState.LOGGED_OUT) {
            return 0;
        }
        if (totalLoad > 0) {
            return 2;
        }
        return presence == AgentState.READY ? 1 : 3;
    }

    /** Adds the time since the last change to the previous category and records the new one. */
    void account(long now) {
        long elapsed = Math.max(0, now - accountedAt);
        switch (category) {
            case 1 -> idleMillis += elapsed;
            case 2 -> handlingMillis += elapsed;
            case 3 -> notReadyMillis += elapsed;
            default -> {}
        }
        accountedAt = now;
        category = computeCategory();
    }

    long idleMillisAt(long now) {
        return idleMillis + (category == 1 ? Math.max(0, now - accountedAt) : 0);
    }

    long handlingMillisAt(long now) {
        return handlingMillis + (category == 2 ? Math.max(0, now - accountedAt) : 0);
    }

    void resetAccounting(long now) {
        account(now);
        idleMillis = 0;
        handlingMillis = 0;
        notReadyMillis = 0;
    }

    TreeSet<ContactRec> personal() {
        if (personal == null) {
            personal = new TreeSet<>(ContactRec.ORDER);
        }
        return personal;
    }

    @Override
    public AgentId id() {
        return id;
    }

    @Override
    public int proficiency(String skill) {
        return profile.skills().getOrDefault(skill, 0);
    }

    @Override
    public Set<String> languages() {
        return languages;
    }

    @Override
    public int load(ContactChannel channel) {
        return load[channel.ordinal()];
    }

    @Override
    public int load() {
        return totalLoad;
    }

    @Override
    public int capacity(ContactChannel channel) {
        return slots[channel.ordinal()];
    }

    @Override
    public int capacity() {
        return totalSlots;
    }

    @Override
    public long idleSinceMillis() {
        return idleSince;
    }

    @Override
    public long lastOfferSequence() {
        return lastOfferSequence;
    }

    @Override
    public String toString() {
        return "Agent[" + id + ", " + computeReported() + ", load=" + totalLoad + "]";
    }

    /** A contact the agent is wrapping up; its slot stays taken until the wrap-up ends. */
    static final class WrapUp {
        final ContactRec contact;
        boolean active = true;

        WrapUp(ContactRec contact) {
            this.contact = contact;
        }
    }
}
