package io.remotebank.channels.cmpp.pdu;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.channels.MessageStatus;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a status report's Stat code says (CMPP 3.0 section 7.4.5.1, the Stat values): the seven codes
 * the standard names, and {@link #GATEWAY_ERROR} for the rest, which gateways and SMSCs fill with
 * their own error code (such as {@code MK:0001}, {@code MI:0013}, {@code DB:0008}, {@code ID:0076}):
 * the message did not reach the handset.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ReportOutcome {
    /** DELIVRD: delivered to the handset. */
    DELIVERED("DELIVRD"),
    /** EXPIRED: the validity period ran out. */
    EXPIRED("EXPIRED"),
    /** DELETED: deleted (cancelled) before delivery. */
    DELETED("DELETED"),
    /** UNDELIV: undeliverable. */
    UNDELIVERABLE("UNDELIV"),
    /** ACCEPTD: accepted by the SMSC (read by the user in the standard's words); not final. */
    ACCEPTED("ACCEPTD"),
    /** UNKNOWN: the state is unknown; not final. */
    UNKNOWN("UNKNOWN"),
    /** REJECTD: rejected. */
    REJECTED("REJECTD"),
    /** Any other code: a gateway's or SMSC's own failure code. */
    GATEWAY_ERROR("");

    private final String stat;

    ReportOutcome(String stat) {
        this.stat = stat;
    }

    /** The Stat code, empty for {@link #GATEWAY_ERROR}. */
    public String stat() {
        return stat;
    }

    /**
     * The outcome a Stat code names.
     *
     * @param stat the code as received (trailing padding already removed)
     * @return the outcome; {@link #GATEWAY_ERROR} for a code the standard does not name
     */
    public static ReportOutcome of(String stat) {
        for (ReportOutcome o : values()) {
            if (o != GATEWAY_ERROR && o.stat.equals(stat)) {
                return o;
            }
        }
        return GATEWAY_ERROR;
    }

    /**
     * The rb-channels status this outcome means for the message: delivered, expired, or failed; empty
     * for ACCEPTD and UNKNOWN, which say nothing final.
     *
     * @return the status, if final
     */
    public Optional<MessageStatus> messageStatus() {
        return switch (this) {
            case DELIVERED -> Optional.of(MessageStatus.DELIVERED);
            case EXPIRED -> Optional.of(MessageStatus.EXPIRED);
            case DELETED, UNDELIVERABLE, REJECTED, GATEWAY_ERROR -> Optional.of(MessageStatus.FAILED);
            case ACCEPTED, UNKNOWN -> Optional.empty();
        };
    }
}
