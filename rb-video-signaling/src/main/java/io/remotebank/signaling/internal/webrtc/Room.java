package io.remotebank.signaling.internal.webrtc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One room: its sessions in join order and the negotiation state of each ordered pair. */
final class Room {

    /**
     * What the relay knows of one direction, {@code from} to {@code to}: whether an offer of
     * {@code from} waits for its answer (glare), the ICE username fragment of the last description
     * {@code from} sent (the one {@code to} has set as its remote description), and the candidates
     * held until that description is there (RFC 8838 10: a candidate is useless before it).
     */
    static final class Direction {
        boolean offerPending;
        String descriptionUfrag;
        final Deque<Held> held = new ArrayDeque<>();
    }

    /** A held candidate or end-of-candidates, with the fragment it belongs to (null: any). */
    record Held(String ufrag, ObjectNode message) {}

    private record PairKey(String from, String to) {}

    final String name;
    final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<PairKey, Direction> directions = new HashMap<>();
    long joins;

    Room(String name) {
        this.name = name;
    }

    Direction direction(Session from, Session to) {
        return directions.computeIfAbsent(new PairKey(from.participant, to.participant), k -> new Direction());
    }

    void remove(Session session) {
        sessions.remove(session.participant);
        directions.keySet().removeIf(k -> k.from.equals(session.participant) || k.to.equals(session.participant));
    }
}
