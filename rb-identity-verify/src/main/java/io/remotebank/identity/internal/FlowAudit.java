package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.audit.Actor;
import io.remotebank.core.audit.AuditEvent;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.identity.document.DocumentAudit;
import io.remotebank.identity.document.DocumentCheck;
import io.remotebank.identity.flow.Attempt;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.StepResult;
import java.util.List;
import org.apiguardian.api.API;

/** The identity.* audit events a flow writes; none holds personal data. */
@API(status = INTERNAL, since = "0.1")
public final class FlowAudit {

    public static final Actor ENGINE = Actor.system("identity-flows");

    private final AuditTrail trail;

    public FlowAudit(AuditTrail trail) {
        this.trail = trail;
    }

    public AuditEvent.Builder event(String action, FlowState s, Actor actor) {
        return AuditEvent.builder(action, actor)
                .subject(s.customer())
                .correlation(s.correlation())
                .detail("flow", s.id().value())
                .detail("definition", s.definition());
    }

    public void append(AuditEvent.Builder event) {
        trail.append(event.build());
    }

    public void started(FlowState s) {
        append(event("identity.flow.started", s, ENGINE));
    }

    public void attempts(FlowState s, List<Attempt> attempts) {
        for (Attempt a : attempts) {
            append(event("identity.attempt.recorded", s, ENGINE)
                    .detail("step", a.step().label())
                    .detail("vendor", a.vendor())
                    .detail("number", a.number())
                    .detail("result", a.result())
                    .detail("tookMillis", a.took().toMillis()));
        }
    }

    public void step(FlowState s, StepResult r) {
        AuditEvent.Builder e = event("identity.step.completed", s, ENGINE)
                .detail("step", r.kind().label())
                .detail("outcome", r.outcome().name())
                .detail("reasons", r.reasons());
        r.vendor().ifPresent(v -> e.detail("vendor", v));
        r.vendorOutcome().ifPresent(v -> e.detail("vendorOutcome", v.name()));
        r.score().ifPresent(v -> e.detail("score", v));
        r.threshold().ifPresent(v -> e.detail("threshold", v));
        append(e);
    }

    /** identity.document.checked, with the flow's id: the number is Sensitive, so encrypted. */
    public void documentChecked(FlowState s, DocumentCheck result) {
        append(DocumentAudit.event(s.customer(), result, ENGINE)
                .correlation(s.correlation())
                .detail("flow", s.id().value())
                .detail("definition", s.definition()));
    }

    /** identity.document.holder-checked: whether the document's name and number are the applicant's. */
    public void holderChecked(FlowState s, List<String> mismatches) {
        append(event("identity.document.holder-checked", s, ENGINE)
                .detail("matches", mismatches.isEmpty())
                .detail("mismatches", mismatches));
    }

    public void waiting(FlowState s) {
        append(event("identity.flow.waiting", s, ENGINE)
                .detail("status", s.status().name())
                .detail("note", s.note()));
    }

    public void consentRefused(FlowState s, String step) {
        append(event("identity.consent.refused", s, ENGINE)
                .detail("step", step)
                .detail("purpose", "biometrics.face")
                .detail("code", "identity.consent.missing"));
    }

    public void decided(FlowState s, Actor actor) {
        s.decision()
                .ifPresent(d -> append(event("identity.flow.decided", s, actor)
                        .detail("status", s.status().name())
                        .detail("verdict", d.verdict().name())
                        .detail("decidedBy", d.decidedBy())
                        .detail("reasons", d.reasons())));
    }
}
