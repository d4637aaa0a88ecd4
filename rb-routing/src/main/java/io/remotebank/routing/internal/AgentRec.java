package io.remotebank.routing.internal;

import io.remotebank.core.AgentId;
import io.remotebank.core.ContactChannel;
import io.remotebank.routing.AgentProfile;
import io.remotebank.routing.AgentState;
import io.remotebank.routing.spi.AgentCandidate;
import java.util.ArrayList;
import java.util.Arrays;
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

    // Per-channel slots, load and blocking are packed in long fields of this object rather than kept
    // in arrays: an offer reads and writes them all, and an array is a further object to fetch
    // after this one (a second, dependent cache miss per offer). Each value is a lane of a pair of
    // longs (low, high): 8-bit lanes for counts, CHANNELS-bit lanes for channel sets.
    private static final int COUNT_BITS = Byte.SIZE;
    private static final int SET_BITS = CHANNELS;

    static {
        if (2 * (Long.SIZE / SET_BITS) < CHANNELS || CHANNELS > Integer.SIZE) {
            throw new ExceptionInInitializerError("too many channels to pack: " + CHANNELS);
        }
    }

    /** Slots per channel (0-100, {@link io.remotebank.routing.AgentCapacity}). */
    private long slotsLow;

    private long slotsHigh;
    /** For each channel, the set of channels a contact on it blocks. */
    private long blocksLow;

    private long blocksHigh;

    int totalSlots;

    /** {@link AgentState#LOGGED_OUT}, {@link AgentState#READY} or {@link AgentState#NOT_READY}. */
    AgentState presence = AgentState.LOGGED_OUT;

    String notReadyReason;
    /**
     * Contacts held per channel (pending, connected or wrapping up), one byte each: never above the
     * channel's slots (every increment needs a free slot), so at most 100.
     */
    private long loadLow;

    private long loadHigh;

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
    /**
     * The buckets this agent is eligible for in its queues, all channels in one array (a search reads
     * it straight from the record, with no per-channel object in between), in the order they were
     * added.
     */
    Bucket[] eligible = new Bucket[4];
    /** Per entry of {@link #eligible}: its channel (low byte) and the queue's weight (the bits above). */
    int[] eligibleMeta = new int[4];
    /** How many entries of {@link #eligible} are in use. */
    int eligibleCount;
    /** The channels on which at least one of the agent's queues has had contacts. */
    long activeMask;
    /** Per active channel, a bit: whether the agent is available there (its entries are in its queues' pools). */
    private int inPoolBits;
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
    }

    /** Makes the agent eligible for a bucket, with the weight of its queue (0-100). */
    void addEligible(Bucket bucket, int weight) {
        int n = eligibleCount;
        if (n == eligible.length) {
            eligible = Arrays.copyOf(eligible, n * 2);
            eligibleMeta = Arrays.copyOf(eligibleMeta, n * 2);
        }
        eligible[n] = bucket;
        eligibleMeta[n] = bucket.requirement.channel | weight << 8;
        eligibleCount = n + 1;
    }

    /** The channel of eligible entry {@code meta}. */
    static int eligibleChannel(int meta) {
        return meta & 0xff;
    }

    /** The weight of eligible entry {@code meta}. */
    static int eligibleWeight(int meta) {
        return meta >>> 8;
    }

    /** Forgets every eligible bucket (before the profile changes). */
    void clearEligible() {
        Arrays.fill(eligible, 0, eligibleCount, null);
        eligibleCount = 0;
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
            int n = newProfile.capacity().slots(channel);
            if (lowLane(i, COUNT_BITS)) {
                slotsLow = withLane(slotsLow, i, COUNT_BITS, n);
            } else {
                slotsHigh = withLane(slotsHigh, i, COUNT_BITS, n);
            }
            totalSlots += n;
            long mask = 0;
            for (ContactChannel other : ContactChannel.values()) {
                if (newProfile.capacity().blocks(channel, other)) {
                    mask |= 1L << other.ordinal();
                }
            }
            if (lowLane(i, SET_BITS)) {
                blocksLow = withLane(blocksLow, i, SET_BITS, (int) mask);
            } else {
                blocksHigh = withLane(blocksHigh, i, SET_BITS, (int) mask);
            }
        }
    }

    private static boolean lowLane(int channel, int width) {
        return channel < Long.SIZE / width;
    }

    private static int lane(long low, long high, int channel, int width) {
        int perLong = Long.SIZE / width;
        long bits = channel < perLong ? low : high;
        return (int) (bits >>> ((channel % perLong) * width)) & ((1 << width) - 1);
    }

    private static long withLane(long bits, int channel, int width, int value) {
        if (value < 0 || value >= 1 << width) {
            throw new IllegalStateException("channel " + channel + ": " + value + " does not fit its lane");
        }
        int shift = (channel % (Long.SIZE / width)) * width;
        long mask = ((1L << width) - 1) << shift;
        return (bits & ~mask) | ((long) value << shift);
    }

    /** The slots of a channel. */
    int slots(int channel) {
        return lane(slotsLow, slotsHigh, channel, COUNT_BITS);
    }

    /** The contacts held on a channel. */
    int load(int channel) {
        return lane(loadLow, loadHigh, channel, COUNT_BITS);
    }

    private int blocks(int channel) {
        return lane(blocksLow, blocksHigh, channel, SET_BITS);
    }

    private void setLoad(int channel, int value) {
        if (lowLane(channel, COUNT_BITS)) {
            loadLow = withLane(loadLow, channel, COUNT_BITS, value);
        } else {
            loadHigh = withLane(loadHigh, channel, COUNT_BITS, value);
        }
    }

    /** Takes a slot of the channel (with {@link #totalLoad}). */
    void takeSlot(int channel) {
        setLoad(channel, load(channel) + 1);
        totalLoad++;
    }

    /** Frees a slot of the channel (with {@link #totalLoad}). */
    void freeSlot(int channel) {
        setLoad(channel, load(channel) - 1);
        totalLoad--;
    }

    /** Whether the agent is in the pools of the channel. */
    boolean inPool(int channel) {
        return (inPoolBits & (1 << channel)) != 0;
    }

    void inPool(int channel, boolean in) {
        inPoolBits = in ? inPoolBits | (1 << channel) : inPoolBits & ~(1 << channel);
    }

    /** Whether the agent is in the pools of some channel. */
    boolean inAnyPool() {
        return inPoolBits != 0;
    }

    int proficiency(int skill) {
        return skill < proficiency.length ? proficiency[skill] : 0;
    }

    /** Whether a new offer on the channel could be made now. */
    boolean available(int channel) {
        if (presence != AgentState.READY || pending != null || load(channel) >= slots(channel)) {
            return false;
        }
        if (totalLoad == 0) {
            return true;
        }
        for (int c = 0; c < CHANNELS; c++) {
            if (load(c) > 0 && (blocks(c) & (1 << channel)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether there is a free slot on the channel, ignoring presence and blocking (force-assign). */
    boolean hasSlot(int channel) {
        return load(channel) < slots(channel);
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
        return load(channel.ordinal());
    }

    @Override
    public int load() {
        return totalLoad;
    }

    @Override
    public int capacity(ContactChannel channel) {
        return slots(channel.ordinal());
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
