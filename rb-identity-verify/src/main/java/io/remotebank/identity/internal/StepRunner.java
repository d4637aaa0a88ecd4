package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.pii.PiiKind;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.document.DocumentValidator;
import io.remotebank.identity.document.MrzResult;
import io.remotebank.identity.flow.Application;
import io.remotebank.identity.flow.Attempt;
import io.remotebank.identity.flow.FlowDecision;
import io.remotebank.identity.flow.FlowDefinition;
import io.remotebank.identity.flow.FlowId;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.FlowStatus;
import io.remotebank.identity.flow.PendingSession;
import io.remotebank.identity.flow.StepDefinition;
import io.remotebank.identity.flow.StepKind;
import io.remotebank.identity.flow.StepResult;
import io.remotebank.identity.flow.Verdict;
import io.remotebank.identity.policy.Judgement;
import io.remotebank.identity.policy.KycPolicy;
import io.remotebank.identity.spi.Artefact;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import io.remotebank.identity.spi.ArtefactVault;
import io.remotebank.identity.spi.CheckResult;
import io.remotebank.identity.spi.DocumentOcrProvider;
import io.remotebank.identity.spi.FaceMatchProvider;
import io.remotebank.identity.spi.FaceMatchRequest;
import io.remotebank.identity.spi.IdentityRegistry;
import io.remotebank.identity.spi.LivenessProvider;
import io.remotebank.identity.spi.LivenessRequest;
import io.remotebank.identity.spi.LivenessSession;
import io.remotebank.identity.spi.OcrRequest;
import io.remotebank.identity.spi.OcrResult;
import io.remotebank.identity.spi.Outcome;
import io.remotebank.identity.spi.RegistryQuery;
import io.remotebank.identity.spi.VendorError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apiguardian.api.API;

/** Runs one step of a flow and says how the state changes. */
@API(status = INTERNAL, since = "0.1")
public final class StepRunner {

    /** A step's effect on the flow. */
    @API(status = INTERNAL, since = "0.1")
    public record StepChange(
            FlowState.Change state, List<Attempt> attempts, Optional<StepResult> result, boolean consentRefused) {}

    private final List<DocumentOcrProvider> ocr;
    private final List<LivenessProvider> liveness;
    private final List<FaceMatchProvider> faceMatch;
    private final List<IdentityRegistry> registries;
    private final ConsentRegistry consents;
    private final ArtefactVault vault;
    private final KycPolicy policy;
    private final DocumentValidator validator;
    private final Clock clock;
    private final Failover failover;
    private final BiConsumer<FlowId, LivenessSession> sessionOpened;
    private final FlowAudit audit;

    public StepRunner(
            List<DocumentOcrProvider> ocr,
            List<LivenessProvider> liveness,
            List<FaceMatchProvider> faceMatch,
            List<IdentityRegistry> registries,
            ConsentRegistry consents,
            ArtefactVault vault,
            KycPolicy policy,
            DocumentValidator validator,
            Clock clock,
            Failover failover,
            BiConsumer<FlowId, LivenessSession> sessionOpened,
            FlowAudit audit) {
        this.ocr = ocr;
        this.liveness = liveness;
        this.faceMatch = faceMatch;
        this.registries = registries;
        this.consents = consents;
        this.vault = vault;
        this.policy = policy;
        this.validator = validator;
        this.clock = clock;
        this.failover = failover;
        this.sessionOpened = sessionOpened;
        this.audit = audit;
    }

    /** Keeps the application's personal data in the vault and returns the references a flow holds. */
    public Map<ArtefactKind, ArtefactRef> keepApplication(Application a) {
        Map<ArtefactKind, ArtefactRef> refs = new EnumMap<>(ArtefactKind.class);
        byte[] text = (a.name().reveal() + "\n" + a.idNumber().reveal()).getBytes(StandardCharsets.UTF_8);
        refs.put(
                ArtefactKind.APPLICATION,
                vault.put(a.customer(), Artefact.of(ArtefactKind.APPLICATION, "text/plain", text)));
        refs.put(ArtefactKind.DOCUMENT_IMAGE, vault.put(a.customer(), a.documentImage()));
        return refs;
    }

    public CompletionStage<StepChange> run(FlowDefinition def, StepDefinition step, FlowState s) {
        if (step.kind().biometric() && !consents.isGranted(s.customer(), ConsentPurpose.FACE_BIOMETRICS)) {
            if (step.optional()) {
                return done(
                        s,
                        step,
                        List.of(),
                        StepResult.of(
                                step.kind(),
                                Outcome.NOT_EXECUTED,
                                List.of(step.kind().label() + ": skipped, no face-biometrics consent")),
                        def);
            }
            return CompletableFuture.completedFuture(new StepChange(
                    s.change()
                            .status(
                                    FlowStatus.BLOCKED_ON_CONSENT,
                                    step.kind().label() + " needs face-biometrics consent ("
                                            + IdentityError.CONSENT_MISSING.code() + ")"),
                    List.of(),
                    Optional.empty(),
                    true));
        }
        return switch (step.kind()) {
            case DOCUMENT_OCR -> ocr(def, step, s);
            case DOCUMENT_VALIDATION -> CompletableFuture.completedFuture(validate(def, step, s));
            case REGISTRY -> registry(def, step, s);
            case LIVENESS -> s.session().isEmpty() ? startLiveness(step, s) : livenessResult(def, step, s);
            case FACE_MATCH -> faceMatch(def, step, s);
            case DECISION -> CompletableFuture.completedFuture(decide(def, s));
            case REVIEW ->
                CompletableFuture.completedFuture(new StepChange(
                        s.change().status(FlowStatus.AWAITING_REVIEW, "a reviewer witnesses on video"),
                        List.of(),
                        Optional.empty(),
                        false));
        };
    }

    // ---- steps

    private CompletionStage<StepChange> ocr(FlowDefinition def, StepDefinition step, FlowState s) {
        Optional<Artefact> image = artefact(s, ArtefactKind.DOCUMENT_IMAGE);
        if (image.isEmpty()) {
            return gone(def, step, s, ArtefactKind.DOCUMENT_IMAGE);
        }
        OcrRequest request = new OcrRequest(s.correlation(), image.get());
        return failover.call(step.kind(), step, ocr, new Failover.Reading<DocumentOcrProvider, OcrResult>() {
                    public String vendor(DocumentOcrProvider p) {
                        return p.vendor();
                    }

                    public CompletionStage<OcrResult> call(DocumentOcrProvider p) {
                        return p.read(request);
                    }

                    public Outcome outcome(OcrResult v) {
                        return v.check().outcome();
                    }

                    public Optional<VendorError> error(OcrResult v) {
                        return v.check().error();
                    }
                })
                .thenApply(r -> {
                    if (r.value().isEmpty()) {
                        return unanswered(def, step, s, r);
                    }
                    OcrResult read = r.value().get();
                    FlowState.Change c = s.change();
                    if (!read.mrzLines().isEmpty()) {
                        byte[] lines = String.join("\n", read.revealMrz()).getBytes(StandardCharsets.UTF_8);
                        c.evidence(
                                vault.put(s.customer(), Artefact.of(ArtefactKind.DOCUMENT_DATA, "text/plain", lines)));
                    }
                    read.check()
                            .artefact(ArtefactKind.DOCUMENT_PORTRAIT)
                            .ifPresent(p -> c.evidence(vault.put(s.customer(), p)));
                    List<String> reasons = new ArrayList<>();
                    if (read.check().outcome() != Outcome.PASS) {
                        reasons.add("document-ocr: " + read.check().vendor() + " says "
                                + lower(read.check().outcome()));
                    }
                    reasons.addAll(read.corrections().stream()
                            .map(x -> "document-ocr: corrected " + x)
                            .toList());
                    StepResult result = new StepResult(
                            step.kind(),
                            read.check().outcome(),
                            r.vendor(),
                            Optional.of(read.check().outcome()),
                            Optional.empty(),
                            Optional.empty(),
                            reasons);
                    return complete(def, step, c, r.attempts(), kept(s, read.check(), result));
                });
    }

    private StepChange validate(FlowDefinition def, StepDefinition step, FlowState s) {
        Optional<Artefact> data = artefact(s, ArtefactKind.DOCUMENT_DATA);
        if (data.isEmpty()) {
            return complete(
                    def,
                    step,
                    s.change(),
                    List.of(),
                    StepResult.of(
                            step.kind(),
                            Outcome.FAIL,
                            List.of("document-validation: no machine-readable zone was read")));
        }
        List<String> lines = List.of(new String(data.get().bytes(), StandardCharsets.UTF_8).split("\n"));
        MrzResult mrz = validator.mrz(lines);
        audit.documentChecked(s, mrz);
        if (!mrz.valid()) {
            List<String> reasons = mrz.failures().stream()
                    .map(f -> "document-validation: " + f.name() + " failed")
                    .toList();
            return complete(def, step, s.change(), List.of(), StepResult.of(step.kind(), Outcome.FAIL, reasons));
        }
        Judgement j = policy.judgeDocument(mrz.birthDate(), mrz.expiryDate(), LocalDate.now(clock));
        Optional<Artefact> app = artefact(s, ArtefactKind.APPLICATION);
        List<String> mismatches;
        if (app.isEmpty()) {
            mismatches = List.of("document-validation: the applicant's stated name and number are no longer kept ("
                    + IdentityError.ARTEFACT_NOT_FOUND.code() + "), the document's holder was not compared");
        } else {
            String[] stated = new String(app.get().bytes(), StandardCharsets.UTF_8).split("\n", 2);
            mismatches = HolderMatch.mismatches(mrz, stated[0], stated.length > 1 ? stated[1] : "");
        }
        audit.holderChecked(s, mismatches);
        if (mismatches.isEmpty()) {
            return complete(def, step, s.change(), List.of(), StepResult.of(step.kind(), j.outcome(), j.reasons()));
        }
        // A document that may not be the applicant's never passes on its own: a person looks (see the guide).
        List<String> reasons = new ArrayList<>(j.reasons());
        reasons.addAll(mismatches);
        Outcome outcome = j.outcome() == Outcome.FAIL ? Outcome.FAIL : Outcome.REVIEW;
        return complete(def, step, s.change(), List.of(), StepResult.of(step.kind(), outcome, reasons));
    }

    /** How failover reads a vendor's {@link CheckResult}: its own outcome and vendor error. */
    private static <P> Failover.Reading<P, CheckResult> checks(
            Function<P, String> vendor, Function<P, CompletionStage<CheckResult>> call) {
        return new Failover.Reading<>() {
            public String vendor(P provider) {
                return vendor.apply(provider);
            }

            public CompletionStage<CheckResult> call(P provider) {
                return call.apply(provider);
            }

            public Outcome outcome(CheckResult value) {
                return value.outcome();
            }

            public Optional<VendorError> error(CheckResult value) {
                return value.error();
            }
        };
    }

    private CompletionStage<StepChange> registry(FlowDefinition def, StepDefinition step, FlowState s) {
        Optional<Artefact> app = artefact(s, ArtefactKind.APPLICATION);
        if (app.isEmpty()) {
            return gone(def, step, s, ArtefactKind.APPLICATION);
        }
        String[] parts = new String(app.get().bytes(), StandardCharsets.UTF_8).split("\n", 2);
        RegistryQuery query = new RegistryQuery.NameAndId(
                s.correlation(), Sensitive.of(parts[0], PiiKind.NAME), Sensitive.of(parts[1], PiiKind.ID_NUMBER));
        List<IdentityRegistry> able = registries.stream()
                .filter(r -> r.kinds().contains(query.kind()))
                .toList();
        return checked(def, step, s, able, checks(IdentityRegistry::vendor, p -> p.verify(query)));
    }

    private CompletionStage<StepChange> startLiveness(StepDefinition step, FlowState s) {
        LivenessRequest request = LivenessRequest.of(s.correlation());
        return failover.call(step.kind(), step, liveness, new Failover.Reading<LivenessProvider, LivenessSession>() {
                    public String vendor(LivenessProvider p) {
                        return p.vendor();
                    }

                    public CompletionStage<LivenessSession> call(LivenessProvider p) {
                        return p.startSession(request);
                    }

                    public Outcome outcome(LivenessSession v) {
                        return Outcome.NOT_EXECUTED;
                    }

                    public Optional<VendorError> error(LivenessSession v) {
                        return Optional.empty();
                    }
                })
                .thenApply(r -> {
                    if (r.value().isEmpty()) {
                        return new StepChange(
                                stalled(s, step, r.error().orElse(IdentityError.VENDOR_FAILED)),
                                r.attempts(),
                                Optional.empty(),
                                false);
                    }
                    LivenessSession session = r.value().get();
                    sessionOpened.accept(s.id(), session);
                    return new StepChange(
                            s.change()
                                    .session(new PendingSession(
                                            session.vendor(), session.sessionId(), session.expiresAt()))
                                    .status(
                                            FlowStatus.WAITING_FOR_CUSTOMER,
                                            "liveness session open at " + session.vendor()),
                            r.attempts(),
                            Optional.empty(),
                            false);
                });
    }

    private CompletionStage<StepChange> livenessResult(FlowDefinition def, StepDefinition step, FlowState s) {
        PendingSession session = s.session().orElseThrow();
        // The session belongs to its vendor: its result is fetched there (with retries), never failed over.
        List<LivenessProvider> holder = liveness.stream()
                .filter(p -> p.vendor().equals(session.vendor()))
                .toList();
        return failover.call(
                        step.kind(), step, holder, checks(LivenessProvider::vendor, p -> p.result(session.sessionId())))
                .thenApply(r -> {
                    if (r.value().isEmpty()) {
                        IdentityError e = r.error().orElse(IdentityError.VENDOR_FAILED);
                        if (e == IdentityError.VENDOR_SESSION_UNKNOWN) {
                            return complete(
                                    def,
                                    step,
                                    s.change().session(null),
                                    r.attempts(),
                                    StepResult.of(
                                            step.kind(),
                                            Outcome.FAIL,
                                            List.of("liveness: the vendor does not know the session")));
                        }
                        return new StepChange(stalled(s, step, e), r.attempts(), Optional.empty(), false);
                    }
                    CheckResult check = r.value().get();
                    if (check.outcome() == Outcome.NOT_EXECUTED) {
                        if (clock.instant().isBefore(session.expiresAt())) {
                            return new StepChange(
                                    s.change()
                                            .status(
                                                    FlowStatus.WAITING_FOR_CUSTOMER,
                                                    "customer has not finished liveness"),
                                    r.attempts(),
                                    Optional.empty(),
                                    false);
                        }
                        check = CheckResult.builder(check.vendor(), Outcome.EXPIRED)
                                .detail("session expired")
                                .build();
                    }
                    FlowState.Change c = s.change().session(null);
                    check.artefact(ArtefactKind.LIVENESS_FRAME).ifPresent(f -> c.evidence(vault.put(s.customer(), f)));
                    return complete(def, step, c, r.attempts(), kept(s, check, scored(step.kind(), check, r.vendor())));
                });
    }

    private CompletionStage<StepChange> faceMatch(FlowDefinition def, StepDefinition step, FlowState s) {
        Optional<Artefact> probe = artefact(s, ArtefactKind.LIVENESS_FRAME);
        Optional<Artefact> reference =
                artefact(s, ArtefactKind.DOCUMENT_PORTRAIT).or(() -> artefact(s, ArtefactKind.DOCUMENT_IMAGE));
        if (probe.isEmpty() || reference.isEmpty()) {
            return CompletableFuture.completedFuture(complete(
                    def,
                    step,
                    s.change(),
                    List.of(),
                    StepResult.of(
                            step.kind(),
                            Outcome.FAIL,
                            List.of("face-match: no live frame or document photo to compare"))));
        }
        FaceMatchRequest request = new FaceMatchRequest(s.correlation(), probe.get(), reference.get());
        return checked(def, step, s, faceMatch, checks(FaceMatchProvider::vendor, p -> p.match(request)));
    }

    private StepChange decide(FlowDefinition def, FlowState s) {
        FlowDecision d = policy.decide(s.results());
        boolean witnessed = def.step(StepKind.REVIEW).isPresent();
        FlowState.Change c = s.change().decision(d);
        c.completed(StepResult.of(StepKind.DECISION, outcomeOf(d.verdict()), d.reasons()));
        if (d.verdict() == Verdict.REVIEW || (witnessed && d.verdict() == Verdict.PASS)) {
            c.status(
                    FlowStatus.AWAITING_REVIEW,
                    witnessed ? "a reviewer witnesses on video" : "signals need a reviewer");
        } else {
            c.status(FlowStatus.DECIDED, "");
        }
        return new StepChange(
                c,
                List.of(),
                Optional.of(StepResult.of(StepKind.DECISION, outcomeOf(d.verdict()), d.reasons())),
                false);
    }

    // ---- helpers

    private <P> CompletionStage<StepChange> checked(
            FlowDefinition def,
            StepDefinition step,
            FlowState s,
            List<P> providers,
            Failover.Reading<P, CheckResult> reading) {
        return failover.call(step.kind(), step, providers, reading)
                .thenApply(r -> r.value().isEmpty()
                        ? unanswered(def, step, s, r)
                        : complete(
                                def,
                                step,
                                s.change(),
                                r.attempts(),
                                kept(
                                        s,
                                        r.value().get(),
                                        scored(step.kind(), r.value().get(), r.vendor()))));
    }

    /**
     * Keeps what the vendor sent back as evidence: its raw payload and every artefact (audit images,
     * frames, the portrait), encrypted in the vault under the customer and content-addressed, and its
     * sub-scores in the step's result, so that a reviewer or a regulator sees what the decision saw.
     */
    private StepResult kept(FlowState s, CheckResult check, StepResult result) {
        List<ArtefactRef> refs = new ArrayList<>();
        check.rawPayload().ifPresent(p -> refs.add(vault.put(s.customer(), p)));
        check.artefacts().forEach(a -> refs.add(vault.put(s.customer(), a)));
        return result.withEvidence(check.subScores(), refs);
    }

    private StepResult scored(StepKind kind, CheckResult check, Optional<String> vendor) {
        boolean thresholded = kind == StepKind.FACE_MATCH || kind == StepKind.LIVENESS;
        if (thresholded && check.score().isEmpty() && check.outcome() == Outcome.PASS) {
            // Without a score the bank's false-accept-rate threshold cannot be applied: a vendor's bare pass
            // is not enough to pass on its own.
            return new StepResult(
                    kind,
                    Outcome.REVIEW,
                    vendor,
                    Optional.of(check.outcome()),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(kind.label() + ": " + check.vendor()
                            + " passed it without a score, so the false-accept-rate threshold was not applied"));
        }
        if (check.score().isEmpty() || !thresholded) {
            List<String> reasons = check.outcome() == Outcome.PASS
                    ? List.of()
                    : List.of(kind.label() + ": " + check.vendor() + " says " + lower(check.outcome()));
            return new StepResult(
                    kind,
                    check.outcome(),
                    vendor,
                    Optional.of(check.outcome()),
                    check.score().map(x -> x.value()),
                    Optional.empty(),
                    reasons);
        }
        Judgement j = kind == StepKind.FACE_MATCH
                ? policy.judgeFaceMatch(check.outcome(), check.score().get())
                : policy.judgeLiveness(check.outcome(), check.score().get());
        return new StepResult(
                kind,
                j.outcome(),
                vendor,
                Optional.of(check.outcome()),
                Optional.of(check.score().get().value()),
                j.threshold(),
                j.reasons());
    }

    private <T> StepChange unanswered(FlowDefinition def, StepDefinition step, FlowState s, Failover.Result<T> r) {
        IdentityError e = r.error().orElse(IdentityError.VENDOR_FAILED);
        if (!e.failover() && !e.retryable() && e != IdentityError.PROVIDER_MISSING) {
            // The customer's input, not the vendor: another vendor would not do better.
            return complete(
                    def,
                    step,
                    s.change(),
                    r.attempts(),
                    StepResult.of(step.kind(), Outcome.FAIL, List.of(step.kind().label() + ": " + e.code())));
        }
        if (step.optional()) {
            return complete(
                    def,
                    step,
                    s.change(),
                    r.attempts(),
                    StepResult.of(
                            step.kind(),
                            Outcome.NOT_EXECUTED,
                            List.of(step.kind().label() + ": skipped, " + e.code())));
        }
        return new StepChange(stalled(s, step, e), r.attempts(), Optional.empty(), false);
    }

    private static FlowState.Change stalled(FlowState s, StepDefinition step, IdentityError e) {
        return s.change().status(FlowStatus.STALLED, step.kind().label() + ": every provider failed, last " + e.code());
    }

    private StepChange complete(
            FlowDefinition def, StepDefinition step, FlowState.Change c, List<Attempt> attempts, StepResult result) {
        c.completed(result).status(FlowStatus.RUNNING, "");
        boolean failed = result.outcome() == Outcome.FAIL || result.outcome() == Outcome.EXPIRED;
        if (failed && !step.optional()) {
            // A failed check decides the flow: the biometric steps after it are not worth the customer's face.
            c.nextStep(indexOf(def, StepKind.DECISION));
        }
        return new StepChange(c, attempts, Optional.of(result), false);
    }

    private CompletionStage<StepChange> done(
            FlowState s, StepDefinition step, List<Attempt> attempts, StepResult result, FlowDefinition def) {
        return CompletableFuture.completedFuture(complete(def, step, s.change(), attempts, result));
    }

    private CompletionStage<StepChange> gone(FlowDefinition def, StepDefinition step, FlowState s, ArtefactKind kind) {
        return CompletableFuture.completedFuture(complete(
                def,
                step,
                s.change(),
                List.of(),
                StepResult.of(
                        step.kind(),
                        Outcome.FAIL,
                        List.of(step.kind().label() + ": evidence " + lower(kind) + " is no longer kept ("
                                + IdentityError.ARTEFACT_NOT_FOUND.code() + ")"))));
    }

    private Optional<Artefact> artefact(FlowState s, ArtefactKind kind) {
        ArtefactRef ref = s.evidence().get(kind);
        return ref == null ? Optional.empty() : vault.get(s.customer(), ref);
    }

    private static int indexOf(FlowDefinition def, StepKind kind) {
        for (int i = 0; i < def.steps().size(); i++) {
            if (def.steps().get(i).kind() == kind) {
                return i;
            }
        }
        return def.steps().size();
    }

    private static Outcome outcomeOf(Verdict v) {
        return switch (v) {
            case PASS -> Outcome.PASS;
            case REVIEW -> Outcome.REVIEW;
            case FAIL -> Outcome.FAIL;
        };
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
