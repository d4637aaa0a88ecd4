package io.remotebank.segmentation.nba;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/** Whether the contact policy lets an action reach a customer now. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ContactVerdict permits ContactVerdict.Allowed, ContactVerdict.Refused {

    /** Why the policy refused. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Reason {
        /** The customer has not consented to this purpose on this channel. */
        NO_CONSENT,
        /** Now is outside the channel's sending window. */
        QUIET_HOURS,
        /** The customer has been contacted as often as the caps allow. */
        FREQUENCY_CAP,
        /** Any other rule of the bank's. */
        OTHER
    }

    /** The contact may go ahead. */
    static ContactVerdict allowed() {
        return Allowed.INSTANCE;
    }

    /**
     * The contact is refused.
     *
     * @param reason why
     * @param detail the rule, for people
     * @return the verdict
     */
    static ContactVerdict refused(Reason reason, String detail) {
        return new Refused(reason, detail);
    }

    /** Allowed. */
    @API(status = EXPERIMENTAL, since = "0.1")
    enum Allowed implements ContactVerdict {
        /** The one instance. */
        INSTANCE
    }

    /**
     * Refused.
     *
     * @param reason why
     * @param detail the rule, for people
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    record Refused(Reason reason, String detail) implements ContactVerdict {
        /** Validates. */
        public Refused {
            Arguments.notNull(reason, "reason");
            Arguments.notNull(detail, "detail");
        }
    }
}
