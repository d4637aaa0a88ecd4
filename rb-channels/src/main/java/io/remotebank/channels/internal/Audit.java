package io.remotebank.channels.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.channels.InboundMessage;
import io.remotebank.channels.Message;
import io.remotebank.channels.SendResult;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.consent.ConsentPurpose;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The audit events of rb-channels. Addresses are written masked (their {@code toString}), so that an
 * event needs no field encryption; the customer, when known, is the subject.
 */
@API(status = INTERNAL, since = "0.1")
public final class Audit {

    /** The actor of every event. */
    static final Actor ACTOR = Actor.system("rb-channels");

    private final AuditTrail trail;

    /**
     * Creates the writer.
     *
     * @param trail the trail
     */
    public Audit(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Writes a policy decision: {@code channels.policy.accepted}, {@code channels.policy.deferred},
     * {@code channels.policy.suppressed} or {@code channels.message.rejected}.
     *
     * @param message the message
     * @param result the decision
     * @param zone the zone quiet hours used
     * @param at when
     * @param stage {@code send}, or {@code due} for a check when a queued message fell due
     */
    public void decision(Message message, SendResult result, ZoneId zone, Instant at, String stage) {
        String action;
        if (result instanceof SendResult.Accepted) {
            action = "channels.policy.accepted";
        } else if (result instanceof SendResult.Deferred) {
            action = "channels.policy.deferred";
        } else if (result instanceof SendResult.Suppressed) {
            action = "channels.policy.suppressed";
        } else {
            action = "channels.message.rejected";
        }
        AuditEvent.Builder b = AuditEvent.builder(action, ACTOR)
                .time(at)
                .detail("message", result.id().value())
                .detail("stage", stage)
                .detail("idempotencyKey", message.idempotencyKey().value())
                .detail("channel", message.channel().code())
                .detail("category", message.category().code())
                .detail(
                        "address",
                        message.recipient().address().map(Object::toString).orElse("(unresolved)"))
                .detail("zone", zone.getId());
        message.recipient().customer().ifPresent(b::subject);
        if (result instanceof SendResult.Deferred d) {
            b.detail("until", d.until().toString());
        } else if (result instanceof SendResult.Suppressed s) {
            b.detail("reason", s.reason().name()).detail("detail", s.detail());
        } else if (result instanceof SendResult.Rejected r) {
            b.detail("reason", r.reason().name()).detail("detail", r.detail());
        }
        trail.append(b.build());
    }

    /**
     * Writes an opt-out reply: {@code channels.optout.recorded} when the customer is known (consent
     * is then withdrawn), {@code channels.optout.unmatched} when not.
     *
     * @param message the inbound message
     * @param customer the customer, if known
     * @param purpose the purpose withdrawn
     */
    public void optOut(InboundMessage message, Optional<CustomerId> customer, ConsentPurpose purpose) {
        AuditEvent.Builder b = AuditEvent.builder(
                        customer.isPresent() ? "channels.optout.recorded" : "channels.optout.unmatched",
                        customer.map(Actor::customer).orElse(ACTOR))
                .time(message.receivedAt())
                .detail("from", message.from().toString())
                .detail("channel", message.from().channel().code())
                .detail("provider", message.provider())
                .detail("kind", message.kind().name())
                .detail("purpose", purpose.code());
        customer.ifPresent(b::subject);
        trail.append(b.build());
    }
}
