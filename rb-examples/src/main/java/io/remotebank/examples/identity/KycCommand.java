package io.remotebank.examples.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.CustomerId;
import io.remotebank.core.RbException;
import io.remotebank.core.time.Clocks;
import io.remotebank.examples.cli.Echo;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.identity.flow.Attempt;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.FlowStatus;
import io.remotebank.identity.flow.FlowStores;
import io.remotebank.identity.flow.FlowTemplates;
import io.remotebank.identity.flow.StepResult;
import io.remotebank.identity.flow.Verdict;
import io.remotebank.identity.spi.FlowStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rb kyc}: runs a remote KYC flow end to end against the simulators. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "kyc",
        mixinStandardHelpOptions = true,
        subcommands = KycReviewCommand.class,
        description = {
            "Run a remote KYC flow end to end against the simulated vendors (never real ones): document OCR,",
            "validation, the identity registry, liveness, face match and the decision. Prints each step, every",
            "provider attempt (so a failover shows) and the decision: pass, review or fail. Exits with 0 for",
            "pass or review (a person decides next: rb kyc review), 1 for fail. With --store FILE the flow is",
            "kept in a file-backed flow store, where rb kyc review finds it."
        })
public final class KycCommand implements Callable<Integer> {

    /** The flow templates by their command-line names. */
    enum Flow {
        /** Remote Class II account opening. */
        CLASS2(FlowTemplates.REMOTE_CLASS2),
        /** Video-witnessed opening: the same, and a reviewer decides. */
        VIDEO(FlowTemplates.VIDEO_WITNESSED);

        final String definition;

        Flow(String definition) {
            this.definition = definition;
        }
    }

    @Option(
            names = "--flow",
            paramLabel = "FLOW",
            description = "class2 (remote Class II opening, the default) or video (video-witnessed opening).")
    Flow flow = Flow.CLASS2;

    @Option(
            names = "--simulate",
            paramLabel = "SCENARIO",
            description = "What the simulated vendors do: pass (default), review (face match unsure), fail (face"
                    + " match says another person) or vendor-down (the first registry is down; the flow fails"
                    + " over to the second).",
            converter = ScenarioConverter.class)
    KycSandbox.Scenario scenario = KycSandbox.Scenario.PASS;

    @Option(
            names = "--customer",
            paramLabel = "ID",
            description = "The customer id the flow is about (default C-SIM-0001).")
    String customer = "C-SIM-0001";

    @Option(
            names = "--store",
            paramLabel = "FILE",
            description = "Keep the flow in this file-backed flow store (created when missing).")
    Path store;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public KycCommand() {}

    @Override
    public Integer call() {
        Echo.requirePrintable(spec.commandLine(), "--customer", customer);
        CustomerId id;
        try {
            id = CustomerId.of(customer);
        } catch (RbException e) {
            throw new ParameterException(spec.commandLine(), "--customer: " + e.getMessage());
        }
        FlowStores.FileStore file = store == null ? null : FlowStores.file(store);
        try {
            FlowStore flows = file == null ? FlowStores.inMemory() : file;
            // The simulators run on virtual time that starts now: retry pauses and timeouts cost no wall time.
            try (KycSandbox kyc =
                    new KycSandbox(scenario, flows, Clocks.system().instant())) {
                FlowState done = kyc.run(flow.definition, id);
                PrintWriter out = spec.commandLine().getOut();
                if (output.json()) {
                    out.println(Json.document(json(done, kyc)));
                } else {
                    print(out, done, kyc);
                }
                return verdict(done) == Verdict.FAIL ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
            }
        } finally {
            if (file != null) {
                file.close();
            }
        }
    }

    /** The decision as the customer sees it: a flow that waits for a person is in review, whatever the policy said. */
    static Verdict verdict(FlowState s) {
        if (s.status() != FlowStatus.DECIDED) {
            return Verdict.REVIEW;
        }
        return s.decision().map(d -> d.verdict()).orElse(Verdict.REVIEW);
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private void print(PrintWriter out, FlowState s, KycSandbox kyc) {
        out.println("Flow:      " + s.id().value() + " (" + s.definition() + ", customer "
                + s.customer().value() + ", simulated: " + scenario.label() + ")");
        out.println("Steps:");
        for (StepResult r : s.results()) {
            out.printf(
                    "  %-20s %-13s %-16s %s%n",
                    r.kind().label(),
                    lower(r.outcome()),
                    r.vendor().orElse("-"),
                    r.score()
                            .map(v -> "score " + v
                                    + r.threshold()
                                            .map(t -> " (threshold " + t + ")")
                                            .orElse(""))
                            .orElse(""));
            for (String reason : r.reasons()) {
                out.println("      " + Echo.bounded(reason));
            }
        }
        out.println("Attempts:");
        for (Attempt a : s.attempts()) {
            out.printf(
                    "  %-20s %-16s #%d  %-14s %d ms%n",
                    a.step().label(),
                    a.vendor(),
                    a.number(),
                    a.result(),
                    a.took().toMillis());
        }
        out.println("Status:    " + lower(s.status()));
        out.println("Decision:  " + lower(verdict(s))
                + s.decision()
                        .map(d -> " (" + String.join("; ", d.reasons()) + ")")
                        .orElse(""));
        out.println("Audit:     " + kyc.audit.actions().size() + " events (" + String.join(", ", distinct(kyc)) + ")");
    }

    private static java.util.List<String> distinct(KycSandbox kyc) {
        return kyc.audit.actions().stream().distinct().toList();
    }

    private ObjectNode json(FlowState s, KycSandbox kyc) {
        ObjectNode json = Json.object()
                .put("flow", s.id().value())
                .put("definition", s.definition())
                .put("customer", s.customer().value())
                .put("simulate", scenario.label())
                .put("status", lower(s.status()))
                .put("decision", lower(verdict(s)));
        ArrayNode reasons = json.putArray("reasons");
        s.decision().ifPresent(d -> d.reasons().forEach(reasons::add));
        ArrayNode steps = json.putArray("steps");
        for (StepResult r : s.results()) {
            ObjectNode step = steps.addObject().put("step", r.kind().label()).put("outcome", lower(r.outcome()));
            r.vendor().ifPresent(v -> step.put("vendor", v));
            r.score().ifPresent(v -> step.put("score", v));
            r.threshold().ifPresent(v -> step.put("threshold", v));
            ArrayNode why = step.putArray("reasons");
            r.reasons().forEach(why::add);
        }
        ArrayNode attempts = json.putArray("attempts");
        for (Attempt a : s.attempts()) {
            attempts.addObject()
                    .put("step", a.step().label())
                    .put("vendor", a.vendor())
                    .put("number", a.number())
                    .put("result", a.result())
                    .put("tookMillis", a.took().toMillis());
        }
        ArrayNode audit = json.putArray("audit");
        kyc.audit.actions().forEach(audit::add);
        return json;
    }

    /** {@code pass}, {@code review}, {@code fail}, {@code vendor-down}. */
    static final class ScenarioConverter implements picocli.CommandLine.ITypeConverter<KycSandbox.Scenario> {
        @Override
        public KycSandbox.Scenario convert(String value) {
            for (KycSandbox.Scenario s : KycSandbox.Scenario.values()) {
                if (s.label().equalsIgnoreCase(value)) {
                    return s;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "expected pass, review, fail or vendor-down, got '" + Echo.bounded(value) + "'");
        }
    }
}
