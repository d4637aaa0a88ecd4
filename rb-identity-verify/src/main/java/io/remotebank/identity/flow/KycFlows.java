package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.CorrelationId;
import io.remotebank.core.audit.AuditTrail;
import io.remotebank.core.consent.ConsentPurpose;
import io.remotebank.core.discovery.ProviderRegistry;
import io.remotebank.core.spi.ConsentRegistry;
import io.remotebank.core.time.Scheduler;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.document.DocumentValidator;
import io.remotebank.identity.internal.Failover;
import io.remotebank.identity.internal.FlowAudit;
import io.remotebank.identity.internal.StepRunner;
import io.remotebank.identity.policy.KycPolicy;
import io.remotebank.identity.spi.ArtefactVault;
import io.remotebank.identity.spi.DocumentOcrProvider;
import io.remotebank.identity.spi.FaceMatchProvider;
import io.remotebank.identity.spi.FlowStore;
import io.remotebank.identity.spi.IdentityRegistry;
import io.remotebank.identity.spi.LivenessProvider;
import io.remotebank.identity.spi.LivenessSession;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apiguardian.api.API;

/**
 * Runs remote identity flows: each step in its definition's order, the vendors of each capability
 * in their registry's priority order with timeout, retry, circuit breaking and failover, the
 * face-biometrics consent checked before every biometric step, the policy's decision at the end,
 * every state saved to the {@link FlowStore} and every step, attempt and decision written to the
 * audit trail.
 *
 * <p>A flow stops when it must wait (the customer's liveness session, a reviewer, consent, or every
 * vendor of a step failing) and goes on with {@link #advance}; after a restart {@link #resumeAll()}
 * takes every unfinished flow up at its step. Time comes from the injected clock and scheduler.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KycFlows {

    private final Map<String, FlowDefinition> definitions;
    private final FlowStore store;
    private final ArtefactVault vault;
    private final Clock clock;
    private final FlowAudit audit;
    private final StepRunner runner;
    private final io.remotebank.identity.review.ReviewDesk reviews;
    private final Map<FlowId, LivenessSession> openSessions = new java.util.concurrent.ConcurrentHashMap<>();

    private KycFlows(Builder b) {
        this.definitions = Map.copyOf(b.definitions);
        this.store = b.store;
        this.vault = b.vault;
        this.clock = b.clock;
        this.audit = new FlowAudit(b.trail);
        this.reviews = io.remotebank.identity.review.ReviewDesk.of(b.store, b.vault, b.trail, b.clock);
        Failover failover = new Failover(b.scheduler, b.clock, b.breakerThreshold, b.breakerOpenFor);
        this.runner = new StepRunner(
                b.ocr.all(),
                b.liveness.all(),
                b.faceMatch.all(),
                b.registries.all(),
                b.consents,
                vault,
                b.policy,
                b.validator == null ? DocumentValidator.withClock(b.clock) : b.validator,
                clock,
                failover,
                openSessions::put,
                audit);
    }

    /**
     * Starts configuring an engine.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a flow and runs it until it waits or is decided.
     *
     * @param definition the name of a registered definition, e.g. {@link FlowTemplates#REMOTE_CLASS2}
     * @param application what the customer gave
     * @return the flow's state when it stopped
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} for an unknown definition
     */
    public CompletionStage<FlowState> start(String definition, Application application) {
        Arguments.notNull(definition, "definition");
        Arguments.notNull(application, "application");
        if (!definitions.containsKey(definition)) {
            throw new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "no flow definition named " + definition + "; known: " + definitions.keySet());
        }
        FlowId id = FlowId.random();
        FlowState first = new FlowState(
                id,
                definition,
                application.customer(),
                CorrelationId.of(id.value()),
                FlowStatus.RUNNING,
                0,
                List.of(),
                List.of(),
                runner.keepApplication(application),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                clock.instant(),
                1);
        store.save(first);
        audit.started(first);
        return run(first);
    }

    /**
     * Goes on with a flow that waits: fetches the liveness result, tries a stalled step again,
     * checks consent again. A decided flow or one awaiting review is returned as it is.
     *
     * @param id the flow
     * @return its state when it stopped again
     * @throws IdentityException with {@link IdentityError#FLOW_NOT_FOUND} for an unknown flow
     */
    public CompletionStage<FlowState> advance(FlowId id) {
        FlowState s = find(id).orElseThrow(() -> new IdentityException(IdentityError.FLOW_NOT_FOUND, "no flow " + id));
        if (s.status() == FlowStatus.DECIDED || s.status() == FlowStatus.AWAITING_REVIEW) {
            return CompletableFuture.completedFuture(s);
        }
        return run(s);
    }

    /**
     * Takes every unfinished flow up at its step, e.g. after a restart.
     *
     * @return their states when each stopped again
     */
    public CompletionStage<List<FlowState>> resumeAll() {
        List<CompletableFuture<FlowState>> runs = new ArrayList<>();
        for (FlowState s : store.unfinished()) {
            if (s.status() != FlowStatus.AWAITING_REVIEW) {
                runs.add(run(s).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                .thenApply(v -> runs.stream().map(CompletableFuture::join).toList());
    }

    /**
     * A flow's latest state.
     *
     * @param id the flow
     * @return its state
     */
    public Optional<FlowState> find(FlowId id) {
        return store.find(Arguments.notNull(id, "id"));
    }

    /**
     * The liveness session the customer's app must run, while the flow waits for it. Kept in this
     * process only (its client token is a secret that is not stored); after a restart the flow
     * fetches the session's result and, once it has expired, fails the step.
     *
     * @param id the flow
     * @return the session
     */
    public Optional<LivenessSession> livenessSession(FlowId id) {
        return Optional.ofNullable(openSessions.get(Arguments.notNull(id, "id")));
    }

    /** The definitions this engine runs, by name. */
    public Map<String, FlowDefinition> definitions() {
        return definitions;
    }

    /**
     * The review desk over this engine's flows.
     *
     * @return the desk
     */
    public io.remotebank.identity.review.ReviewDesk reviews() {
        return reviews;
    }

    /** The store. */
    public FlowStore store() {
        return store;
    }

    /** The vault. */
    public ArtefactVault vault() {
        return vault;
    }

    private CompletionStage<FlowState> run(FlowState state) {
        FlowDefinition def = definitions.get(state.definition());
        if (def == null) {
            return CompletableFuture.failedFuture(new IdentityException(
                    IdentityError.ARGUMENT_INVALID,
                    "flow " + state.id() + " uses definition " + state.definition() + ", which this engine lacks"));
        }
        if (state.status().finished()
                || state.status() == FlowStatus.AWAITING_REVIEW
                || state.nextStep() >= def.steps().size()) {
            return CompletableFuture.completedFuture(state);
        }
        StepDefinition step = def.steps().get(state.nextStep());
        return runner.run(def, step, state).thenCompose(change -> {
            FlowState next = change.state().attempts(change.attempts()).at(clock.instant());
            store.save(next);
            audit.attempts(next, change.attempts());
            change.result().ifPresent(r -> audit.step(next, r));
            if (change.consentRefused()) {
                audit.consentRefused(next, step.kind().label());
            }
            if (next.status() == FlowStatus.DECIDED || next.status() == FlowStatus.AWAITING_REVIEW) {
                if (next.decision().isPresent() && step.kind() == StepKind.DECISION) {
                    audit.decided(next, FlowAudit.ENGINE);
                }
                return CompletableFuture.completedFuture(next);
            }
            if (next.status() != FlowStatus.RUNNING) {
                audit.waiting(next);
                return CompletableFuture.completedFuture(next);
            }
            return run(next);
        });
    }

    /** The purpose a biometric step needs. */
    static final ConsentPurpose BIOMETRICS = ConsentPurpose.FACE_BIOMETRICS;

    /** Configures {@link KycFlows}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final Map<String, FlowDefinition> definitions = new LinkedHashMap<>();
        private ProviderRegistry<DocumentOcrProvider> ocr =
                ProviderRegistry.builder(DocumentOcrProvider.class).build();
        private ProviderRegistry<LivenessProvider> liveness =
                ProviderRegistry.builder(LivenessProvider.class).build();
        private ProviderRegistry<FaceMatchProvider> faceMatch =
                ProviderRegistry.builder(FaceMatchProvider.class).build();
        private ProviderRegistry<IdentityRegistry> registries =
                ProviderRegistry.builder(IdentityRegistry.class).build();
        private FlowStore store;
        private ArtefactVault vault;
        private ConsentRegistry consents;
        private AuditTrail trail;
        private KycPolicy policy = KycPolicy.ofDefaults();
        private DocumentValidator validator;
        private Clock clock;
        private Scheduler scheduler;
        private int breakerThreshold = 5;
        private Duration breakerOpenFor = Duration.ofSeconds(30);

        private Builder() {
            definition(FlowTemplates.remoteClass2());
            definition(FlowTemplates.videoWitnessed());
        }

        /**
         * Adds a definition (both templates are there from the start).
         *
         * @param definition the definition; replaces one of the same name
         * @return this builder
         */
        public Builder definition(FlowDefinition definition) {
            definitions.put(Arguments.notNull(definition, "definition").name(), definition);
            return this;
        }

        /**
         * The OCR providers, in priority order.
         *
         * @param providers the registry
         * @return this builder
         */
        public Builder ocr(ProviderRegistry<DocumentOcrProvider> providers) {
            this.ocr = Arguments.notNull(providers, "providers");
            return this;
        }

        /**
         * The liveness providers.
         *
         * @param providers the registry
         * @return this builder
         */
        public Builder liveness(ProviderRegistry<LivenessProvider> providers) {
            this.liveness = Arguments.notNull(providers, "providers");
            return this;
        }

        /**
         * The face-match providers.
         *
         * @param providers the registry
         * @return this builder
         */
        public Builder faceMatch(ProviderRegistry<FaceMatchProvider> providers) {
            this.faceMatch = Arguments.notNull(providers, "providers");
            return this;
        }

        /**
         * The authoritative registries.
         *
         * @param providers the registry of registries
         * @return this builder
         */
        public Builder registries(ProviderRegistry<IdentityRegistry> providers) {
            this.registries = Arguments.notNull(providers, "providers");
            return this;
        }

        /**
         * Where flow states are kept. Required.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(FlowStore store) {
            this.store = Arguments.notNull(store, "store");
            return this;
        }

        /**
         * Where evidence is kept. Required.
         *
         * @param vault the vault
         * @return this builder
         */
        public Builder vault(ArtefactVault vault) {
            this.vault = Arguments.notNull(vault, "vault");
            return this;
        }

        /**
         * The consent registry checked before biometric steps: pass rb-core's audited one
         * ({@code ConsentRegistries.audited}) so that consents are in the trail. Required.
         *
         * @param consents the registry
         * @return this builder
         */
        public Builder consents(ConsentRegistry consents) {
            this.consents = Arguments.notNull(consents, "consents");
            return this;
        }

        /**
         * The audit trail. Required.
         *
         * @param trail the trail
         * @return this builder
         */
        public Builder auditTrail(AuditTrail trail) {
            this.trail = Arguments.notNull(trail, "trail");
            return this;
        }

        /**
         * The policy (default {@link KycPolicy#ofDefaults()}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder policy(KycPolicy policy) {
            this.policy = Arguments.notNull(policy, "policy");
            return this;
        }

        /**
         * The document validator (default: on the engine's clock).
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder validator(DocumentValidator validator) {
            this.validator = Arguments.notNull(validator, "validator");
            return this;
        }

        /**
         * The clock of timestamps, ages and expiries. Required.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /**
         * The scheduler of timeouts and retry pauses. Required.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Arguments.notNull(scheduler, "scheduler");
            return this;
        }

        /**
         * The circuit breaker of each provider (default: open after 5 failures in a row, for 30 s).
         *
         * @param failures failures in a row that open it, 1-1000
         * @param openFor how long it stays open before one trial call, 1 ms to 1 hour
         * @return this builder
         */
        public Builder circuitBreaker(int failures, Duration openFor) {
            Arguments.inRange(failures, 1, 1000, "failures");
            Arguments.positive(openFor, "openFor");
            if (openFor.compareTo(Duration.ofHours(1)) > 0) {
                throw new IdentityException(
                        IdentityError.ARGUMENT_INVALID, "a circuit stays open at most 1 hour, got " + openFor);
            }
            this.breakerThreshold = failures;
            this.breakerOpenFor = openFor;
            return this;
        }

        /**
         * The engine.
         *
         * @return the engine
         * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} when a required part is
         *     missing
         */
        public KycFlows build() {
            List<String> missing = new ArrayList<>();
            if (store == null) missing.add("store");
            if (vault == null) missing.add("vault");
            if (consents == null) missing.add("consents");
            if (trail == null) missing.add("auditTrail");
            if (clock == null) missing.add("clock");
            if (scheduler == null) missing.add("scheduler");
            if (!missing.isEmpty()) {
                throw new IdentityException(IdentityError.ARGUMENT_INVALID, "KycFlows needs " + missing);
            }
            return new KycFlows(this);
        }
    }
}
