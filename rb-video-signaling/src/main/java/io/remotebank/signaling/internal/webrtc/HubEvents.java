package io.remotebank.signaling.internal.webrtc;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.signaling.webrtc.Role;
import org.apiguardian.api.API;

/** What the hub tells the application's side of the server about sessions (audit, metrics). */
@API(status = INTERNAL, since = "0.1")
public interface HubEvents {

    /** Nothing is told. */
    HubEvents NONE = (kind, room, participant, role) -> {};

    /**
     * One event.
     *
     * @param kind {@code joined}, {@code disconnected}, {@code resumed}, {@code left}, {@code kicked}
     *     or {@code expired}
     * @param room the room
     * @param participant the participant
     * @param role its role
     */
    void on(String kind, String room, String participant, Role role);
}
