package io.remotebank.benchmarks.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The straightforward router the engine is measured against: a list of waiting contacts and a list of
 * available agents, each scanned in full for the best eligible match (contacts by priority plus
 * waiting-time ageing, agents by longest idle), with the same eligibility rules as the engine.
 */
final class LinearScanRouter {

    static final long AGEING_MILLIS = 30_000;

    static final class Contact {
        final int queue;
        final int skill;
        final int min;
        final int language;
        final long key;
        final long seq;

        Contact(int[] spec, long now, long seq) {
            this.queue = spec[0];
            this.skill = spec[0] % RoutingWorld.SKILLS;
            this.min = spec[1];
            this.language = spec[2];
            this.key = now - spec[3] * AGEING_MILLIS;
            this.seq = seq;
        }
    }

    private final RoutingWorld world;
    private final List<Contact> waiting = new ArrayList<>();
    private final List<Integer> available = new ArrayList<>();
    private final long[] idleSince;
    final Contact[] holding;
    private long seq;

    LinearScanRouter(RoutingWorld world) {
        this.world = world;
        this.idleSince = new long[world.agents];
        this.holding = new Contact[world.agents];
    }

    boolean eligible(int agent, Contact contact) {
        boolean serves = false;
        for (int q : world.queues[agent]) {
            serves |= q == contact.queue;
        }
        return serves
                && world.proficiency[agent][contact.skill] >= contact.min
                && (contact.language == 0 || (contact.language == 1 && world.english[agent]));
    }

    /** A contact arrives: it goes to the eligible available agent idle longest, or waits. */
    int arrive(int[] spec, long now) {
        Contact contact = new Contact(spec, now, ++seq);
        int best = -1;
        for (int i = 0, n = available.size(); i < n; i++) {
            int agent = available.get(i);
            if (eligible(agent, contact) && (best < 0 || idleSince[available.get(best)] > idleSince[agent])) {
                best = i;
            }
        }
        if (best < 0) {
            waiting.add(contact);
            return -1;
        }
        int agent = available.get(best);
        available.set(best, available.get(available.size() - 1));
        available.remove(available.size() - 1);
        holding[agent] = contact;
        return agent;
    }

    /** An agent frees up: it takes the best eligible waiting contact, or becomes available. */
    Contact free(int agent, long now, boolean scanWaiting) {
        holding[agent] = null;
        idleSince[agent] = now;
        if (scanWaiting) {
            int best = -1;
            for (int i = 0, n = waiting.size(); i < n; i++) {
                Contact c = waiting.get(i);
                if (eligible(agent, c)) {
                    Contact b = best < 0 ? null : waiting.get(best);
                    if (b == null || c.key < b.key || (c.key == b.key && c.seq < b.seq)) {
                        best = i;
                    }
                }
            }
            if (best >= 0) {
                Contact contact = waiting.get(best);
                waiting.set(best, waiting.get(waiting.size() - 1));
                waiting.remove(waiting.size() - 1);
                holding[agent] = contact;
                return contact;
            }
        }
        available.add(agent);
        return null;
    }

    int waiting() {
        return waiting.size();
    }

    int available() {
        return available.size();
    }
}
