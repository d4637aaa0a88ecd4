package io.remotebank.routing.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The waiting contacts of one queue that share a {@link Requirement}, in order of their place. An
 * agent either meets the requirement or not, so an agent looking for work only peeks at the first
 * contact of each bucket it is eligible for.
 *
 * <p>The order is kept in a sorted array rather than a tree: each slot holds the contact's place key
 * and sequence inline ({@code order}, two longs per slot) beside the reference ({@code refs}), so a
 * search compares numbers in one array instead of following a tree node and a contact record per
 * level (at 100,000 waiting contacts every such hop is a cache miss). Contacts almost always join at
 * the tail (they arrive in order) and leave at the head (they are served in order): both are O(1).
 * A contact that leaves from the middle (abandon) leaves a hole, found by binary search and skipped
 * until the holes outnumber the contacts, when the array is compacted. A contact that returns to the
 * middle (a missed offer, a transfer, a new priority) reuses a hole next to its place or shifts the
 * shorter side by one slot; a missed offer's contact goes back near the head, where that side is short.
 */
final class Bucket {

    private static final int INITIAL = 8;

    final QueueRec queue;
    final Requirement requirement;
    final long ageingMillis;
    /** The head's place key and sequence (0 when empty), and whether it has rejected any agent. */
    long headKey;

    long headSeq;
    boolean headExcludes;

    /** Key and sequence of slot i at {@code 2i} and {@code 2i+1}; kept for holes too, so the order holds. */
    private long[] order = new long[2 * INITIAL];
    /** The contact of each slot, null for a hole. */
    private ContactRec[] refs = new ContactRec[INITIAL];
    /** Slots in use: [start, end); refs[start] and refs[end - 1] are never holes. */
    private int start = INITIAL / 4;

    private int end = INITIAL / 4;
    private int live;

    Bucket(QueueRec queue, Requirement requirement) {
        this.queue = queue;
        this.requirement = requirement;
        this.ageingMillis = queue.ageingMillis;
    }

    void add(ContactRec contact) {
        long key = contact.key;
        long seq = contact.seq;
        contact.inBucket = true;
        live++;
        if (start == end) {
            put(start, contact);
            end++;
        } else if (after(key, seq, end - 1)) {
            if (end == refs.length) {
                makeRoom();
            }
            put(end++, contact);
        } else {
            insert(contact, key, seq);
        }
        if (refs[start] == contact) {
            setHead(contact);
        }
    }

    /** Whether (key, seq) goes after slot i. */
    private boolean after(long key, long seq, int i) {
        long k = order[2 * i];
        return key > k || (key == k && seq > order[2 * i + 1]);
    }

    private void put(int i, ContactRec contact) {
        refs[i] = contact;
        order[2 * i] = contact.key;
        order[2 * i + 1] = contact.seq;
    }

    /** Inserts before the tail: into a hole beside its place, or by shifting the shorter side. */
    private void insert(ContactRec contact, long key, long seq) {
        int p = firstAfter(key, seq); // start <= p <= end - 1
        if (refs[p] == null) { // first, since that hole may hold this very place: no slot is kept twice
            put(p, contact);
            return;
        }
        if (p > start && refs[p - 1] == null) {
            put(p - 1, contact);
            return;
        }
        if (p == start && start > 0) {
            put(--start, contact);
            return;
        }
        boolean shiftLeft = p - start < end - p;
        if ((shiftLeft && start == 0) || (!shiftLeft && end == refs.length)) {
            makeRoom();
            p = firstAfter(key, seq);
            shiftLeft = p - start < end - p && start > 0;
        }
        if (shiftLeft && start > 0) {
            System.arraycopy(refs, start, refs, start - 1, p - start);
            System.arraycopy(order, 2 * start, order, 2 * start - 2, 2 * (p - start));
            start--;
            put(p - 1, contact);
        } else {
            System.arraycopy(refs, p, refs, p + 1, end - p);
            System.arraycopy(order, 2 * p, order, 2 * p + 2, 2 * (end - p));
            end++;
            put(p, contact);
        }
    }

    /** The first slot in [start, end) whose (key, seq) is not before the given one, or end. */
    private int firstAfter(long key, long seq) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (after(key, seq, mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The slot holding the contact, or -1. */
    private int indexOf(ContactRec contact) {
        if (live == 0) {
            return -1;
        }
        if (refs[start] == contact) {
            return start;
        }
        if (refs[end - 1] == contact) {
            return end - 1;
        }
        long key = contact.key;
        long seq = contact.seq;
        int lo = start;
        int hi = end - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long k = order[2 * mid];
            long s = order[2 * mid + 1];
            if (k < key || (k == key && s < seq)) {
                lo = mid + 1;
            } else if (k == key && s == seq) {
                return refs[mid] == contact ? mid : -1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Compacts (drops holes) and grows if more than half full, leaving room on both sides. */
    private void makeRoom() {
        int capacity = refs.length;
        if (live * 2 > capacity) {
            capacity *= 2;
        }
        ContactRec[] newRefs = new ContactRec[capacity];
        long[] newOrder = new long[2 * capacity];
        int at = (capacity - live) / 4;
        int newStart = at;
        for (int i = start; i < end; i++) {
            if (refs[i] != null) {
                newRefs[at] = refs[i];
                newOrder[2 * at] = order[2 * i];
                newOrder[2 * at + 1] = order[2 * i + 1];
                at++;
            }
        }
        refs = newRefs;
        order = newOrder;
        start = newStart;
        end = at;
    }

    void remove(ContactRec contact) {
        int i = indexOf(contact);
        if (i < 0) {
            return;
        }
        refs[i] = null;
        contact.inBucket = false;
        live--;
        if (live == 0) {
            start = refs.length / 4;
            end = start;
            setHead(null);
            return;
        }
        while (refs[start] == null) {
            start++;
        }
        while (refs[end - 1] == null) {
            end--;
        }
        if (i < start) {
            setHead(refs[start]);
        }
        if (end - start > 2 * live + 32) {
            makeRoom();
        }
    }

    private void setHead(ContactRec contact) {
        headKey = contact == null ? 0 : contact.key;
        headSeq = contact == null ? 0 : contact.seq;
        headExcludes = contact != null && contact.excluded != null;
    }

    ContactRec head() {
        return live == 0 ? null : refs[start];
    }

    /** The first contact the agent has not rejected, or null. */
    ContactRec firstFor(AgentRec agent) {
        for (int i = start; i < end; i++) {
            ContactRec next = refs[i];
            if (next != null && !next.excludes(agent)) {
                return next;
            }
        }
        return null;
    }

    int size() {
        return live;
    }

    boolean contains(ContactRec contact) {
        return indexOf(contact) >= 0;
    }

    /** The contacts in order (a copy; for checks and views). */
    List<ContactRec> contacts() {
        List<ContactRec> out = new ArrayList<>(live);
        for (int i = start; i < end; i++) {
            if (refs[i] != null) {
                out.add(refs[i]);
            }
        }
        return out;
    }

    /** For tests: whether the slots are in strict order and the counts agree. */
    boolean ordered() {
        int n = 0;
        for (int i = start; i < end; i++) {
            if (i > start && !after(order[2 * i], order[2 * i + 1], i - 1)) {
                return false;
            }
            if (refs[i] != null) {
                n++;
                if (refs[i].key != order[2 * i] || refs[i].seq != order[2 * i + 1]) {
                    return false;
                }
            }
        }
        return n == live && (live == 0 || (refs[start] != null && refs[end - 1] != null));
    }
}
