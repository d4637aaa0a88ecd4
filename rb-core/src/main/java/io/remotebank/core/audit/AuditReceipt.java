package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * What the trail gives back once an event is stored with the configured durability.
 *
 * @param sequence the event's position in the trail, from 0
 * @param leafHash the event's RFC 6962 leaf hash, hex: the value an inclusion proof proves
 */
@API(status = STABLE, since = "0.1")
public record AuditReceipt(long sequence, String leafHash) {

    /** Validates the fields. */
    public AuditReceipt {
        Arguments.inRange(sequence, 0, Long.MAX_VALUE, "sequence");
        Arguments.notBlank(leafHash, "leafHash");
    }
}
