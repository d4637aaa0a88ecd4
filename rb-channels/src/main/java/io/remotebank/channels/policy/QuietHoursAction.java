package io.remotebank.channels.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What happens to a message sent outside its category's window. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum QuietHoursAction {
    /** Queue it for the window's next start ({@code Deferred}); the default. */
    DEFER,
    /** Refuse it ({@code Suppressed} with {@code QUIET_HOURS}). */
    SUPPRESS
}
