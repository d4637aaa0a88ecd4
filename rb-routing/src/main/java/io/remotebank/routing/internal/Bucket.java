package io.remotebank.routing.internal;

import java.util.Iterator;
import java.util.TreeSet;

/**
 * The waiting contacts of one queue that share a {@link Requirement}, in order of their place. An
 * agent either meets the requirement or not, so an agent looking for work only peeks at the first
 * contact of each bucket it is eligible for.
 */
final class Bucket {

    final QueueRec queue;
    final Requirement requirement;
    private final TreeSet<ContactRec> waiting = new TreeSet<>(ContactRec.ORDER);
    private ContactRec head;
    /** The head's place key and sequence (0 when empty), and whether it has rejected any agent. */
    long headKey;

    long headSeq;
    boolean headExcludes;
    final long ageingMillis;

    Bucket(QueueRec queue, Requirement requirement) {
        this.queue = queue;
        this.requirement = requirement;
        this.ageingMillis = queue.ageingMillis;
    }

    void add(ContactRec contact) {
        waiting.add(contact);
        contact.inBucket = true;
        if (head == null || ContactRec.ORDER.compare(contact, head) < 0) {
            setHead(contact);
        }
    }

    void remove(ContactRec contact) {
        if (contact == head) {
            setHead(waiting.higher(contact));
        }
        waiting.remove(contact);
        contact.inBucket = false;
    }

    private void setHead(ContactRec contact) {
        head = contact;
        headKey = contact == null ? 0 : contact.key;
        headSeq = contact == null ? 0 : contact.seq;
        headExcludes = contact != null && contact.excluded != null;
    }

    ContactRec head() {
        return head;
    }

    /** The first contact the agent has not rejected, or null. */
    ContactRec firstFor(AgentRec agent) {
        ContactRec first = head;
        if (first == null || !first.excludes(agent)) {
            return first;
        }
        Iterator<ContactRec> it = waiting.tailSet(first, false).iterator();
        while (it.hasNext()) {
            ContactRec next = it.next();
            if (!next.excludes(agent)) {
                return next;
            }
        }
        return null;
    }

    int size() {
        return waiting.size();
    }

    boolean contains(ContactRec contact) {
        return waiting.contains(contact);
    }

    Iterable<ContactRec> contacts() {
        return waiting;
    }
}
