package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a participant of a room may do; each {@link Role} has a fixed set. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Permission {
    /** Exchange offers, answers and ICE candidates with the other participants. */
    SIGNAL,
    /** Send media: an offer or answer whose media sections send (sendrecv or sendonly). */
    PUBLISH,
    /** Remove another participant from the room. */
    KICK
}
