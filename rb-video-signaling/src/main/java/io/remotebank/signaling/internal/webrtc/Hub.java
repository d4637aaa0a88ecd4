package io.remotebank.signaling.internal.webrtc;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.signaling.SignalingError;
import io.remotebank.signaling.SignalingException;
import io.remotebank.signaling.webrtc.IceServer;
import io.remotebank.signaling.webrtc.JoinGrant;
import io.remotebank.signaling.webrtc.JoinTokenException;
import io.remotebank.signaling.webrtc.Permission;
import io.remotebank.signaling.webrtc.Role;
import io.remotebank.signaling.webrtc.WebRtcSignalingException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling protocol's state: rooms, sessions, and what each client message does (see {@code
 * docs/rb-video-signaling-webrtc.md}). Transport-free: a connection is a {@link Link}. One lock
 * guards everything, since every operation is a few map look-ups and sends that only enqueue.
 */
@API(status = INTERNAL, since = "0.1")
public final class Hub {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    /** The protocol version this hub speaks. */
    public static final int VERSION = 1;

    /** WebSocket close statuses (RFC 6455 7.4.2: 4000-4999 are the application's). */
    static final int CLOSE_NORMAL = 1000;

    static final int CLOSE_GOING_AWAY = 1001;
    static final int CLOSE_KICKED = 4001;
    static final int CLOSE_REPLACED = 4002;
    static final int CLOSE_HEARTBEAT = 4003;
    static final int CLOSE_SESSION_ENDED = 4004;

    private final HubConfig config;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, Session> sessionsById = new HashMap<>();
    private boolean closed;

    /**
     * Creates a hub.
     *
     * @param config what it runs with
     */
    public Hub(HubConfig config) {
        this.config = config;
    }

    /**
     * A connection is open (its WebSocket handshake done).
     *
     * @param link how to reach it
     * @return its state, to pass to {@link #receive} and {@link #closed}
     */
    public Connection open(Link link) {
        return new Connection(link);
    }

    /** The sessions held, attached or waiting for a resume. */
    public synchronized int sessions() {
        return sessionsById.size();
    }

    /** The sessions whose connection is open. */
    public synchronized int attachedSessions() {
        return (int)
                sessionsById.values().stream().filter(s -> s.connection != null).count();
    }

    /**
     * One text message from a client.
     *
     * @param connection its connection
     * @param text the message
     */
    public synchronized void receive(Connection connection, String text) {
        if (connection.closed || closed) {
            return;
        }
        Session session = connection.session;
        if (session != null) {
            session.lastHeard = now();
        }
        Long seq = null;
        String type = null;
        try {
            ObjectNode message = Wire.read(text);
            type = message.get("type").asText();
            switch (type) {
                case "join" -> join(connection, message);
                case "resume" -> resume(connection, message);
                case "ping" -> ping(connection, message);
                case "offer", "answer", "candidate", "end-of-candidates", "ice-restart", "mute", "leave", "kick" -> {
                    Session s = requireSession(connection);
                    seq = Wire.number(message, "seq", 1);
                    if (seq <= s.lastClientSeq) {
                        // sent again after a resume, applied before the drop: never twice
                        return;
                    }
                    s.lastClientSeq = seq;
                    apply(s, type, message);
                }
                default -> throw Wire.error(SignalingError.WEBRTC_UNKNOWN_TYPE, "no message type " + quoted(type));
            }
        } catch (WebRtcSignalingException | JoinTokenException e) {
            refuse(connection, e, type, seq);
        }
    }

    /**
     * A connection closed: its session, if any, waits for a resume within the window.
     *
     * @param connection the connection
     */
    public synchronized void closed(Connection connection) {
        connection.closed = true;
        Session s = connection.session;
        connection.session = null;
        if (s == null || s.ended || s.connection != connection) {
            return;
        }
        s.connection = null;
        cancel(s.heartbeat);
        config.events().on("disconnected", s.room.name, s.participant, s.role);
        if (config.resumeWindow().isZero() || closed) {
            end(s, "disconnected");
            return;
        }
        for (Session other : s.room.sessions.values()) {
            if (other != s) {
                ObjectNode note = Wire.message("participant-state");
                note.put("participant", s.participant);
                note.put("connected", false);
                other.deliver(note, config.replayLimit());
            }
        }
        s.expiry = config.scheduler().schedule(config.resumeWindow(), () -> expire(s));
    }

    /**
     * A client sent faster than its rate: it gets {@code signaling.webrtc.rate-limited} and its
     * connection closes with 1008 (RFC 6455 7.4.1, policy violation); its session may resume.
     *
     * @param connection the connection
     */
    public synchronized void rateLimited(Connection connection) {
        if (connection.closed) {
            return;
        }
        refuse(
                connection,
                Wire.error(SignalingError.WEBRTC_RATE_LIMITED, "more messages than the rate limit allows"),
                null,
                null);
        connection.link.close(1008, "rate limit");
    }

    /** Ends every session and closes every connection (going away). */
    public synchronized void close() {
        closed = true;
        for (Session s : new ArrayList<>(sessionsById.values())) {
            Connection c = s.connection;
            end(s, "server-closing");
            if (c != null) {
                c.session = null;
                c.link.close(CLOSE_GOING_AWAY, "server closing");
            }
        }
    }

    // ---- join, resume, heartbeats

    private void join(Connection connection, ObjectNode message) {
        if (connection.session != null) {
            throw Wire.error(SignalingError.WEBRTC_ALREADY_JOINED, "this connection has joined already");
        }
        long version = Wire.number(message, "v", 0);
        if (version != VERSION) {
            throw Wire.error(
                    SignalingError.WEBRTC_VERSION, "protocol version " + version + " is not spoken; use " + VERSION);
        }
        String roomName = Wire.id(message, "room");
        String roleName = Wire.text(message, "role");
        Role role = Role.fromWireName(roleName)
                .orElseThrow(() -> Wire.malformed("role must be customer, agent, supervisor or observer"));
        String token = Wire.text(message, "token");
        JoinGrant grant = config.tokens().verify(token, roomName, role);
        if (!grant.room().equals(roomName)) {
            throw new JoinTokenException(SignalingError.TOKEN_WRONG_ROOM, "the token is for another room", null);
        }
        if (grant.role() != role) {
            throw new JoinTokenException(SignalingError.TOKEN_WRONG_ROLE, "the token is for another role", null);
        }
        Room room = rooms.get(roomName);
        if (room != null && room.sessions.containsKey(grant.participant())) {
            throw Wire.error(
                    SignalingError.WEBRTC_PARTICIPANT_PRESENT,
                    "this participant is in the room already: resume its session or wait for it to end");
        }
        if (room == null) {
            room = new Room(roomName);
            rooms.put(roomName, room);
        }
        Session s = new Session(newSessionId(), room, grant.participant(), role, ++room.joins);
        room.sessions.put(s.participant, s);
        sessionsById.put(s.id, s);
        connection.session = s;
        s.connection = connection;
        s.lastHeard = now();
        // The watch is armed before anything is sent: a client that has seen its answer can count on it.
        watchHeartbeat(s, config.heartbeatTimeout());

        ObjectNode joined = Wire.message("joined");
        joined.put("v", VERSION);
        joined.put("sessionId", s.id);
        joined.put("room", roomName);
        joined.put("participant", s.participant);
        joined.put("role", role.wireName());
        ArrayNode permissions = joined.putArray("permissions");
        role.permissions().forEach(p -> permissions.add(p.name().toLowerCase(java.util.Locale.ROOT)));
        ArrayNode participants = joined.putArray("participants");
        for (Session other : room.sessions.values()) {
            if (other != s) {
                participants.add(other.describe(s));
            }
        }
        joined.set("iceServers", iceServers(config.iceServers().apply(grant)));
        joined.put("heartbeatMs", config.heartbeatInterval().toMillis());
        joined.put("resumeWindowMs", config.resumeWindow().toMillis());
        s.deliver(joined, config.replayLimit());
        for (Session other : room.sessions.values()) {
            if (other != s) {
                ObjectNode note = Wire.message("participant-joined");
                note.setAll(s.describe(other));
                other.deliver(note, config.replayLimit());
            }
        }
        config.events().on("joined", roomName, s.participant, role);
    }

    private void resume(Connection connection, ObjectNode message) {
        if (connection.session != null) {
            throw Wire.error(SignalingError.WEBRTC_ALREADY_JOINED, "this connection carries a session already");
        }
        String id = Wire.text(message, "sessionId");
        long lastSeq = Wire.number(message, "lastSeq", 0);
        Session s = sessionsById.get(id);
        if (s == null || s.ended) {
            throw Wire.error(
                    SignalingError.WEBRTC_RESUME_EXPIRED,
                    "no session to resume: it ended or its resume window passed; join again");
        }
        if (lastSeq > s.outSeq) {
            throw Wire.malformed("lastSeq " + lastSeq + " is beyond the last message sent (" + s.outSeq + ")");
        }
        if (lastSeq + 1 < s.firstKept()) {
            Connection old = s.connection;
            end(s, "resume-failed");
            if (old != null) {
                old.session = null;
                old.link.close(CLOSE_SESSION_ENDED, "session ended");
            }
            throw Wire.error(
                    SignalingError.WEBRTC_RESUME_GAP,
                    "messages after " + lastSeq + " are no longer held (first held: " + s.firstKept()
                            + "); the session has ended; join again");
        }
        boolean wasDetached = s.connection == null;
        if (!wasDetached) {
            // the client saw its connection drop before the server did: the new one takes over
            Connection old = s.connection;
            old.session = null;
            old.closed = true;
            old.link.close(CLOSE_REPLACED, "resumed on another connection");
        }
        cancel(s.expiry);
        s.connection = connection;
        connection.session = s;
        s.lastHeard = now();
        s.acknowledge(lastSeq);
        watchHeartbeat(s, config.heartbeatTimeout());
        ObjectNode resumed = Wire.message("resumed");
        resumed.put("sessionId", s.id);
        resumed.put("lastClientSeq", s.lastClientSeq);
        resumed.put("replayed", s.replay.size());
        ArrayNode participants = resumed.putArray("participants");
        for (Session other : s.room.sessions.values()) {
            if (other != s) {
                participants.add(other.describe(s));
            }
        }
        connection.link.send(Wire.write(resumed));
        for (Session.Sent sent : s.replay) {
            connection.link.send(sent.text());
        }
        if (wasDetached) {
            for (Session other : s.room.sessions.values()) {
                if (other != s) {
                    ObjectNode note = Wire.message("participant-state");
                    note.put("participant", s.participant);
                    note.put("connected", true);
                    other.deliver(note, config.replayLimit());
                }
            }
        }
        config.events().on("resumed", s.room.name, s.participant, s.role);
    }

    private void ping(Connection connection, ObjectNode message) {
        Session s = connection.session;
        if (message.has("ack")) {
            long ack = Wire.number(message, "ack", 0);
            if (s != null) {
                s.acknowledge(ack);
            }
        }
        connection.link.send(Wire.write(Wire.message("pong")));
    }

    private void watchHeartbeat(Session s, Duration after) {
        cancel(s.heartbeat);
        s.heartbeat = config.scheduler().schedule(after, () -> checkHeartbeat(s));
    }

    private synchronized void checkHeartbeat(Session s) {
        if (s.ended || s.connection == null) {
            return;
        }
        long silent = now() - s.lastHeard;
        long limit = config.heartbeatTimeout().toNanos();
        if (silent < limit) {
            watchHeartbeat(s, Duration.ofNanos(limit - silent));
            return;
        }
        LOG.debug("closing a silent signaling connection ({})", s);
        Connection c = s.connection;
        closed(c);
        c.link.close(CLOSE_HEARTBEAT, "no heartbeat");
    }

    private synchronized void expire(Session s) {
        if (!s.ended && s.connection == null) {
            end(s, "timeout");
        }
    }

    // ---- the messages of a joined session

    private void apply(Session s, String type, ObjectNode message) {
        switch (type) {
            case "offer", "answer" -> description(s, type, message);
            case "candidate" -> candidate(s, message);
            case "end-of-candidates" -> endOfCandidates(s, message);
            case "ice-restart" -> {
                require(s, Permission.SIGNAL);
                Session to = peer(s, message);
                ObjectNode out = Wire.message("ice-restart");
                out.put("from", s.participant);
                to.deliver(out, config.replayLimit());
            }
            case "mute" -> mute(s, message);
            case "leave" -> leave(s);
            case "kick" -> kick(s, message);
            default -> throw new IllegalStateException(type);
        }
    }

    /**
     * An offer or answer (JSEP, RFC 9429 5.2, 5.3), relayed with glare resolved as perfect
     * negotiation does: of two participants, the one who joined later is polite. When offers cross,
     * the impolite participant's offer wins; the polite one's is not relayed (its sender gets
     * {@code glare} and rolls back, as RFC 9429 4.1.8.2 allows).
     */
    private void description(Session s, String type, ObjectNode message) {
        require(s, Permission.SIGNAL);
        Session to = peer(s, message);
        String sdp = Wire.text(message, "sdp");
        if (!s.role.may(Permission.PUBLISH) && SdpFacts.sends(sdp)) {
            throw Wire.error(
                    SignalingError.WEBRTC_FORBIDDEN,
                    "a " + s.role.wireName() + " only receives: every media section must be recvonly or inactive");
        }
        Room.Direction mine = s.room.direction(s, to);
        Room.Direction theirs = s.room.direction(to, s);
        boolean offer = type.equals("offer");
        if (offer && theirs.offerPending) {
            ObjectNode glare = Wire.message("glare");
            glare.put("with", to.participant);
            if (s.politeToward(to)) {
                glare.put("winner", to.participant);
                s.deliver(glare, config.replayLimit());
                return; // the impolite peer would ignore it anyway
            }
            theirs.offerPending = false;
            ObjectNode note = Wire.message("glare");
            note.put("with", s.participant);
            note.put("winner", s.participant);
            to.deliver(note, config.replayLimit());
        }
        if (offer) {
            mine.offerPending = true;
        } else {
            theirs.offerPending = false;
        }
        String ufrag = SdpFacts.iceUfrag(sdp);
        String previous = mine.descriptionUfrag;
        ObjectNode out = Wire.message(type);
        out.put("from", s.participant);
        out.put("sdp", sdp);
        if (offer) {
            // RFC 8839 4.4.1.1.1: a new ufrag in an offer restarts ICE
            out.put("iceRestart", previous != null && ufrag != null && !previous.isEmpty() && !ufrag.equals(previous));
        }
        to.deliver(out, config.replayLimit());
        mine.descriptionUfrag = ufrag == null ? "" : ufrag;
        for (Iterator<Room.Held> it = mine.held.iterator(); it.hasNext(); ) {
            Room.Held held = it.next();
            if (matches(held.ufrag(), mine.descriptionUfrag)) {
                it.remove();
                to.deliver(held.message(), config.replayLimit());
            } else if (held.ufrag().equals(previous)) {
                it.remove(); // of the generation an ICE restart replaced
            }
        }
    }

    /** Trickle ICE (RFC 8838 9, 10): relayed once the receiver has the sender's description. */
    private void candidate(Session s, ObjectNode message) {
        require(s, Permission.SIGNAL);
        Session to = peer(s, message);
        ObjectNode candidate = Wire.object(message, "candidate");
        Wire.text(candidate, "candidate");
        String ufrag = Wire.optionalText(candidate, "usernameFragment");
        ObjectNode out = Wire.message("candidate");
        out.put("from", s.participant);
        out.set("candidate", candidate);
        relayOrHold(s, to, ufrag, out);
    }

    /** RFC 8838 13: the end of one generation's candidates, held like a candidate. */
    private void endOfCandidates(Session s, ObjectNode message) {
        require(s, Permission.SIGNAL);
        Session to = peer(s, message);
        String ufrag = Wire.optionalText(message, "usernameFragment");
        ObjectNode out = Wire.message("end-of-candidates");
        out.put("from", s.participant);
        if (ufrag != null) {
            out.put("usernameFragment", ufrag);
        }
        relayOrHold(s, to, ufrag, out);
    }

    private void relayOrHold(Session s, Session to, String ufrag, ObjectNode out) {
        Room.Direction mine = s.room.direction(s, to);
        if (mine.descriptionUfrag != null && matches(ufrag, mine.descriptionUfrag)) {
            to.deliver(out, config.replayLimit());
            return;
        }
        if (mine.held.size() >= config.maxHeldCandidates()) {
            throw Wire.error(
                    SignalingError.WEBRTC_CANDIDATES_OVERFLOW,
                    config.maxHeldCandidates() + " candidates already wait for a description to " + to.participant);
        }
        mine.held.addLast(new Room.Held(ufrag, out));
    }

    private static boolean matches(String candidateUfrag, String descriptionUfrag) {
        return descriptionUfrag != null
                && (candidateUfrag == null || descriptionUfrag.isEmpty() || candidateUfrag.equals(descriptionUfrag));
    }

    private void mute(Session s, ObjectNode message) {
        String kind = Wire.text(message, "kind");
        boolean muted = Wire.bool(message, "muted");
        switch (kind) {
            case "audio" -> s.audioMuted = muted;
            case "video" -> s.videoMuted = muted;
            default -> throw Wire.malformed("kind must be audio or video");
        }
        for (Session other : s.room.sessions.values()) {
            if (other != s) {
                ObjectNode note = Wire.message("mute");
                note.put("participant", s.participant);
                note.put("kind", kind);
                note.put("muted", muted);
                other.deliver(note, config.replayLimit());
            }
        }
    }

    private void leave(Session s) {
        Connection c = s.connection;
        end(s, "left");
        c.session = null;
        c.link.send(Wire.write(Wire.message("left")));
        c.link.close(CLOSE_NORMAL, "left");
    }

    private void kick(Session s, ObjectNode message) {
        require(s, Permission.KICK);
        String name = Wire.id(message, "participant");
        Session target = s.room.sessions.get(name);
        if (target == null) {
            throw Wire.error(SignalingError.WEBRTC_UNKNOWN_PARTICIPANT, "no participant " + name + " in the room");
        }
        if (target == s || rank(target.role) >= rank(s.role)) {
            throw Wire.error(
                    SignalingError.WEBRTC_FORBIDDEN,
                    "a " + s.role.wireName() + " may not remove a " + target.role.wireName());
        }
        String reason = Wire.optionalText(message, "reason");
        ObjectNode kicked = Wire.message("kicked");
        kicked.put("by", s.participant);
        if (reason != null) {
            kicked.put("reason", reason);
        }
        Connection c = target.connection;
        target.deliver(kicked, config.replayLimit());
        end(target, "kicked");
        config.events().on("kicked", s.room.name, target.participant, target.role);
        if (c != null) {
            c.session = null;
            c.link.close(CLOSE_KICKED, "removed from the room");
        }
    }

    private static int rank(Role role) {
        return switch (role) {
            case CUSTOMER, OBSERVER -> 0;
            case AGENT -> 1;
            case SUPERVISOR -> 2;
        };
    }

    // ---- helpers

    private void end(Session s, String reason) {
        if (s.ended) {
            return;
        }
        s.ended = true;
        cancel(s.heartbeat);
        cancel(s.expiry);
        Room room = s.room;
        room.remove(s);
        sessionsById.remove(s.id);
        if (room.sessions.isEmpty()) {
            rooms.remove(room.name);
        }
        for (Session other : room.sessions.values()) {
            ObjectNode note = Wire.message("participant-left");
            note.put("participant", s.participant);
            note.put("reason", reason);
            other.deliver(note, config.replayLimit());
        }
        if (!reason.equals("kicked")) {
            config.events().on(reason.equals("left") ? "left" : "ended", room.name, s.participant, s.role);
        }
    }

    private void refuse(Connection connection, SignalingException e, String type, Long seq) {
        ObjectNode error = Wire.message("error");
        error.put("code", e.code().code());
        String text = e.getMessage();
        String prefix = e.code().code() + ": ";
        error.put("message", text.startsWith(prefix) ? text.substring(prefix.length()) : text);
        if (type != null) {
            error.put("about", type);
        }
        if (seq != null) {
            error.put("re", seq);
        }
        Session s = connection.session;
        if (s != null) {
            s.deliver(error, config.replayLimit());
        } else {
            connection.link.send(Wire.write(error));
        }
    }

    private static Session requireSession(Connection connection) {
        if (connection.session == null) {
            throw Wire.error(SignalingError.WEBRTC_NOT_JOINED, "join or resume first");
        }
        return connection.session;
    }

    private static void require(Session s, Permission permission) {
        if (!s.role.may(permission)) {
            throw Wire.error(
                    SignalingError.WEBRTC_FORBIDDEN,
                    "a " + s.role.wireName() + " may not " + permission.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static Session peer(Session s, ObjectNode message) {
        String name = Wire.id(message, "to");
        Session to = s.room.sessions.get(name);
        if (to == null || to == s) {
            throw Wire.error(
                    SignalingError.WEBRTC_UNKNOWN_PARTICIPANT, "no other participant " + name + " in the room");
        }
        return to;
    }

    private static ArrayNode iceServers(List<IceServer> servers) {
        ArrayNode array = Wire.JSON.createArrayNode();
        for (IceServer server : servers) {
            ObjectNode node = array.addObject();
            ArrayNode urls = node.putArray("urls");
            server.urls().forEach(urls::add);
            server.username().ifPresent(u -> node.put("username", u));
            server.credential().ifPresent(c -> node.put("credential", c));
        }
        return array;
    }

    private String newSessionId() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private long now() {
        return config.scheduler().ticker().read();
    }

    private static void cancel(io.remotebank.core.time.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private static String quoted(String type) {
        return type.length() > 40 ? "'" + type.substring(0, 40) + "...'" : "'" + type + "'";
    }
}
