package io.remotebank.core.consent;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import io.remotebank.core.ConsentException;
import io.remotebank.core.ContactChannel;
import io.remotebank.core.CoreError;
import io.remotebank.core.CustomerId;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One act of consent: a customer granted or withdrew consent to a purpose, at a time, through a
 * channel, with evidence a regulator can be shown. Records are never changed: a withdrawal is a new
 * record.
 *
 * @param customer who
 * @param purpose to what
 * @param state granted or withdrawn
 * @param at when the customer acted (not when it was recorded)
 * @param channel through which channel
 * @param evidence a reference to the evidence: a recording, a signed form, a click log entry;
 *     1-512 printable characters
 */
@API(status = STABLE, since = "0.1")
public record ConsentRecord(
        CustomerId customer,
        ConsentPurpose purpose,
        ConsentState state,
        Instant at,
        ContactChannel channel,
        String evidence) {

    /**
     * Validates the record.
     *
     * @throws io.remotebank.core.ValidationException when a field is missing
     * @throws ConsentException with {@link CoreError#CONSENT_INVALID} when the evidence is blank,
     *     too long or holds control characters
     */
    public ConsentRecord {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(purpose, "purpose");
        Arguments.notNull(state, "state");
        Arguments.notNull(at, "at");
        Arguments.notNull(channel, "channel");
        Arguments.notNull(evidence, "evidence");
        if (evidence.isBlank() || evidence.length() > 512 || evidence.chars().anyMatch(Character::isISOControl)) {
            throw new ConsentException(
                    CoreError.CONSENT_INVALID,
                    "consent evidence must be 1-512 printable characters (a reference to the recording, form or"
                            + " log entry), got " + evidence.length() + " characters");
        }
    }

    /**
     * A grant.
     *
     * @param customer who
     * @param purpose to what
     * @param at when
     * @param channel through which channel
     * @param evidence a reference to the evidence
     * @return the record
     */
    public static ConsentRecord granted(
            CustomerId customer, ConsentPurpose purpose, Instant at, ContactChannel channel, String evidence) {
        return new ConsentRecord(customer, purpose, ConsentState.GRANTED, at, channel, evidence);
    }

    /**
     * A withdrawal.
     *
     * @param customer who
     * @param purpose from what
     * @param at when
     * @param channel through which channel
     * @param evidence a reference to the evidence
     * @return the record
     */
    public static ConsentRecord withdrawn(
            CustomerId customer, ConsentPurpose purpose, Instant at, ContactChannel channel, String evidence) {
        return new ConsentRecord(customer, purpose, ConsentState.WITHDRAWN, at, channel, evidence);
    }
}
