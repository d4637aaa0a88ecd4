package io.remotebank.segmentation.nba;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.profile.ProfileBatch;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * The contact policy's constraints as the next-best-action chooser sees them: consent, quiet hours,
 * frequency caps, whatever the bank enforces. The module depends on no messaging library; an
 * application wires its own policy here (rb-examples wires rb-channels' {@code ContactPolicy}).
 * Implementations must be thread-safe.
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1")
public interface ContactGate {

    /**
     * Whether an action may reach a customer.
     *
     * @param batch the profiles
     * @param row the customer's row
     * @param action the action
     * @param at when the contact would happen
     * @return the verdict
     */
    ContactVerdict check(ProfileBatch batch, int row, Action action, Instant at);

    /** A gate that allows everything (for tests and for offline what-if runs). */
    static ContactGate allowAll() {
        return (batch, row, action, at) -> ContactVerdict.allowed();
    }
}
