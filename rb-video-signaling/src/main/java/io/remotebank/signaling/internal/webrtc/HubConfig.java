package io.remotebank.signaling.internal.webrtc;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.time.Scheduler;
import io.remotebank.signaling.webrtc.IceServer;
import io.remotebank.signaling.webrtc.JoinGrant;
import io.remotebank.signaling.webrtc.JoinTokenVerifier;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * What the signaling hub runs with (checked by the API's builder).
 *
 * @param tokens checks each join's token
 * @param scheduler the heartbeat and resume timers, and the time they read
 * @param heartbeatInterval how often a client is asked to send a ping
 * @param heartbeatTimeout how long a client may stay silent before its connection is closed
 * @param resumeWindow how long a session whose connection dropped can be resumed
 * @param replayLimit the most messages kept per session for a replay
 * @param maxHeldCandidates the most candidates held per peer pair until a description arrives
 * @param iceServers the iceServers each joined participant gets (TURN credentials are per join)
 * @param events told of each session event (joined, resumed, left...)
 */
@API(status = INTERNAL, since = "0.1")
public record HubConfig(
        JoinTokenVerifier tokens,
        Scheduler scheduler,
        Duration heartbeatInterval,
        Duration heartbeatTimeout,
        Duration resumeWindow,
        int replayLimit,
        int maxHeldCandidates,
        Function<JoinGrant, List<IceServer>> iceServers,
        HubEvents events) {

    /** Checks that nothing is missing. */
    public HubConfig {
        Arguments.notNull(tokens, "tokens");
        Arguments.notNull(scheduler, "scheduler");
        Arguments.positive(heartbeatInterval, "heartbeatInterval");
        Arguments.positive(heartbeatTimeout, "heartbeatTimeout");
        Arguments.notNegative(resumeWindow, "resumeWindow");
        Arguments.inRange(replayLimit, 1, 1 << 16, "replayLimit");
        Arguments.inRange(maxHeldCandidates, 1, 1 << 12, "maxHeldCandidates");
        Arguments.notNull(iceServers, "iceServers");
        Arguments.notNull(events, "events");
    }
}
