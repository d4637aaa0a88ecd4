package io.remotebank.signaling.internal.webrtc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.time.Cancellable;
import io.remotebank.signaling.webrtc.Role;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One participant's session in a room: what outlives a dropped connection within the resume
 * window. Its server-to-client messages are numbered ({@code seq}) and the last ones kept for a
 * replay; the client's own numbers tell what was already applied. Guarded by the hub's lock.
 */
final class Session {

    /** One sent message kept for a replay. */
    record Sent(long seq, String text) {}

    final String id;
    final Room room;
    final String participant;
    final Role role;
    /** The order of joining the room: the later of two participants is the polite one. */
    final long joinOrder;

    /** The current connection, or null while the session is detached. */
    Connection connection;

    long outSeq;
    final Deque<Sent> replay = new ArrayDeque<>();
    /** The highest client sequence number applied. */
    long lastClientSeq;

    boolean audioMuted;
    boolean videoMuted;
    /** When the client was last heard (ticker nanos). */
    long lastHeard;

    Cancellable heartbeat;
    Cancellable expiry;
    boolean ended;

    Session(String id, Room room, String participant, Role role, long joinOrder) {
        this.id = id;
        this.room = room;
        this.participant = participant;
        this.role = role;
        this.joinOrder = joinOrder;
    }

    /** Whether this participant is the polite one toward {@code other} (perfect negotiation). */
    boolean politeToward(Session other) {
        return joinOrder > other.joinOrder;
    }

    /** Numbers, keeps and (when attached) sends one message. */
    void deliver(ObjectNode message, int replayLimit) {
        message.put("seq", ++outSeq);
        String text = Wire.write(message);
        replay.addLast(new Sent(outSeq, text));
        while (replay.size() > replayLimit) {
            replay.removeFirst();
        }
        if (connection != null) {
            connection.link.send(text);
        }
    }

    /** Forgets the messages the client has acknowledged. */
    void acknowledge(long seq) {
        while (!replay.isEmpty() && replay.peekFirst().seq() <= seq) {
            replay.removeFirst();
        }
    }

    /** The first sequence number still kept, or the next one when none is. */
    long firstKept() {
        return replay.isEmpty() ? outSeq + 1 : replay.peekFirst().seq();
    }

    ObjectNode describe(Session toward) {
        ObjectNode node = Wire.JSON.createObjectNode();
        node.put("participant", participant);
        node.put("role", role.wireName());
        node.put("connected", connection != null);
        node.put("audioMuted", audioMuted);
        node.put("videoMuted", videoMuted);
        // the polite flag is the receiver's own role toward this participant
        node.put("polite", toward.politeToward(this));
        return node;
    }

    @Override
    public String toString() {
        return "session of " + participant + " in " + room.name; // never the session id: it resumes
    }
}
