package io.remotebank.identity.document;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CustomerId;
import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditReceipt;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Records a document check in the audit trail as {@code identity.document.checked}: which document,
 * accepted or refused, the failed checks by name, and the number as {@link Sensitive} (the trail
 * encrypts it with the customer's key). A KYC flow's validation step writes the same event; an
 * application that validates a document on its own (a counter, the demo) writes it through this.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class DocumentAudit {

    /** The event's action. */
    public static final String CHECKED = "identity.document.checked";

    private final AuditTrail trail;
    private final Actor actor;

    private DocumentAudit(AuditTrail trail, Actor actor) {
        this.trail = trail;
        this.actor = actor;
    }

    /**
     * Records checks on a trail as an actor.
     *
     * @param trail the audit trail
     * @param actor who checked, e.g. {@code Actor.system("video-account-opening")}
     * @return the recorder
     */
    public static DocumentAudit of(AuditTrail trail, Actor actor) {
        return new DocumentAudit(Arguments.notNull(trail, "trail"), Arguments.notNull(actor, "actor"));
    }

    /**
     * Appends the event for a check.
     *
     * @param customer whom the document is about
     * @param result the check
     * @return the trail's receipt
     */
    public AuditReceipt checked(CustomerId customer, DocumentCheck result) {
        return trail.append(event(customer, result, actor).build());
    }

    /**
     * The event for a check, for a caller that adds its own details (a flow adds its id).
     *
     * @param customer whom the document is about
     * @param result the check
     * @param actor who checked
     * @return the event's builder
     */
    public static AuditEvent.Builder event(CustomerId customer, DocumentCheck result, Actor actor) {
        Arguments.notNull(customer, "customer");
        Arguments.notNull(result, "result");
        Arguments.notNull(actor, "actor");
        return AuditEvent.builder(CHECKED, actor)
                .subject(customer)
                .detail("document", document(result))
                .detail("decision", result.valid() ? "accepted" : "refused")
                .detail("failed", result.failures().stream().map(Check::name).toList())
                .detail("number", Sensitive.of(number(result), PiiKind.ID_NUMBER));
    }

    // Java 17 has no pattern matching in switch; the interface is sealed to these three.
    private static String document(DocumentCheck result) {
        if (result instanceof CnResidentIdResult) {
            return "cn-resident-id";
        }
        if (result instanceof HkIdResult) {
            return "hk-id";
        }
        MrzResult mrz = (MrzResult) result;
        return "mrz-" + mrz.format().map(f -> f.name().toLowerCase(Locale.ROOT)).orElse("unknown");
    }

    private static String number(DocumentCheck result) {
        if (result instanceof CnResidentIdResult r) {
            return r.number();
        }
        if (result instanceof HkIdResult r) {
            return r.number();
        }
        return ((MrzResult) result).documentNumber();
    }
}
