package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * What a verified join token grants: one participant, in one room, in one role, until it expires.
 *
 * @param room the room
 * @param participant the participant's id in the room (a pseudonymous id, not the customer's name)
 * @param role the role
 * @param expiresAt when the token stops being accepted for a join
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record JoinGrant(String room, String participant, Role role, Instant expiresAt) {

    /** Checks the fields. */
    public JoinGrant {
        Arguments.notBlank(room, "room");
        Arguments.notBlank(participant, "participant");
        Arguments.notNull(role, "role");
        Arguments.notNull(expiresAt, "expiresAt");
    }
}
