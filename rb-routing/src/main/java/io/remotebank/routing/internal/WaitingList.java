package io.remotebank.routing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contacts waiting in one queue in order of entry, for the wait statistics (longest wait) and the
 * checks. A ring of (contact, stamp) pairs in arrays rather than a linked list through the contacts:
 * joining writes only to this queue's arrays, not to the previously joined contact (a cache miss at
 * 100,000 waiting contacts), and leaving only marks the contact. An entry is live while its stamp is
 * the contact's {@link ContactRec#waitingStamp} and the contact is still waiting; stale entries are
 * dropped when they reach the front, and the ring is compacted when they outnumber the live ones.
 */
final class WaitingList {

    private ContactRec[] contacts = new ContactRec[16];
    private long[] stamps = new long[16];
    /** Ring positions: the front, and the count of entries (live and stale). */
    private int front;

    private int entries;
    private int live;

    void add(ContactRec contact, long stamp) {
        if (entries == contacts.length) {
            rebuild(live * 2 + 16 > contacts.length ? contacts.length * 2 : contacts.length);
        }
        int at = (front + entries) & (contacts.length - 1);
        contacts[at] = contact;
        stamps[at] = stamp;
        entries++;
        live++;
    }

    /** Called after the contact was marked as no longer waiting. */
    void removed() {
        live--;
        if (entries > 2 * live + 64) {
            rebuild(contacts.length);
        }
    }

    private static boolean isLive(ContactRec contact, long stamp) {
        return contact.inWaitingList && contact.waitingStamp == stamp;
    }

    /** The contact waiting longest, or null. */
    ContactRec first() {
        int mask = contacts.length - 1;
        while (entries > 0) {
            ContactRec c = contacts[front];
            if (isLive(c, stamps[front])) {
                return c;
            }
            contacts[front] = null;
            front = (front + 1) & mask;
            entries--;
        }
        return null;
    }

    int size() {
        return live;
    }

    /** The live contacts, longest waiting first (a copy; for checks). */
    List<ContactRec> contacts() {
        List<ContactRec> out = new ArrayList<>(live);
        int mask = contacts.length - 1;
        for (int i = 0; i < entries; i++) {
            int at = (front + i) & mask;
            if (isLive(contacts[at], stamps[at])) {
                out.add(contacts[at]);
            }
        }
        return out;
    }

    /** Copies the live entries, in order, into arrays of the given capacity (a power of two). */
    private void rebuild(int capacity) {
        ContactRec[] c = new ContactRec[capacity];
        long[] s = new long[capacity];
        int n = 0;
        int mask = contacts.length - 1;
        for (int i = 0; i < entries; i++) {
            int at = (front + i) & mask;
            if (isLive(contacts[at], stamps[at])) {
                c[n] = contacts[at];
                s[n] = stamps[at];
                n++;
            }
        }
        contacts = c;
        stamps = s;
        front = 0;
        entries = n;
        Arrays.fill(contacts, n, capacity, null);
    }
}
