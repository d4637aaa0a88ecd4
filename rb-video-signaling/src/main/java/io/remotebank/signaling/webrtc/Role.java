package io.remotebank.signaling.webrtc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The role a join token grants in a room, with its permissions. An observer (a compliance officer
 * watching a session) only receives media; an agent and a supervisor may remove a participant.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Role {
    /** The bank's customer. */
    CUSTOMER(EnumSet.of(Permission.SIGNAL, Permission.PUBLISH)),
    /** The agent who serves the customer. */
    AGENT(EnumSet.of(Permission.SIGNAL, Permission.PUBLISH, Permission.KICK)),
    /** A supervisor who joins an agent's session. */
    SUPERVISOR(EnumSet.of(Permission.SIGNAL, Permission.PUBLISH, Permission.KICK)),
    /** Receives media only: its offers and answers must not send. */
    OBSERVER(EnumSet.of(Permission.SIGNAL));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    /** What this role may do. */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** Whether this role may do {@code permission}. */
    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** The name on the wire: {@code customer}, {@code agent}, {@code supervisor}, {@code observer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a wire name, if there is one. */
    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
