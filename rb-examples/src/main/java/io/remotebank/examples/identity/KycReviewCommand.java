package io.remotebank.examples.identity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.AgentId;
import io.remotebank.core.RbException;
import io.remotebank.core.crypto.CryptoSuite;
import io.remotebank.core.crypto.FieldEncryption;
import io.remotebank.core.crypto.KeyProviders;
import io.remotebank.core.time.Clocks;
import io.remotebank.examples.cli.Echo;
import io.remotebank.examples.cli.ExitCodes;
import io.remotebank.examples.cli.Json;
import io.remotebank.examples.cli.OutputOptions;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import io.remotebank.identity.flow.ArtefactVaults;
import io.remotebank.identity.flow.FlowId;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.FlowStores;
import io.remotebank.identity.flow.ReviewClaim;
import io.remotebank.identity.flow.Verdict;
import io.remotebank.identity.review.ReviewCase;
import io.remotebank.identity.review.ReviewDesk;
import io.remotebank.identity.spi.ArtefactVault;
import io.remotebank.testing.InMemoryTrail;
import io.remotebank.testing.ManualTime;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rb kyc review}: lists the flows awaiting a reviewer in a flow store and decides one. */
@API(status = EXPERIMENTAL, since = "0.1")
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = {
            "List the KYC flows awaiting a human reviewer in a file-backed flow store (written by rb kyc",
            "--store FILE), or decide one: --decide FLOW --verdict pass|fail --reason TEXT --reviewer ID claims",
            "the case for the reviewer and records the decision. Exits with 1 when another reviewer holds the",
            "case, 2 when the flow does not await review."
        })
public final class KycReviewCommand implements Callable<Integer> {

    @Option(
            names = "--store",
            required = true,
            paramLabel = "FILE",
            description = "The flow store file, as given to rb kyc --store.")
    Path store;

    /** A decision: all four options together. */
    static final class Decision {
        @Option(names = "--decide", required = true, paramLabel = "FLOW", description = "The flow to decide.")
        String flow;

        @Option(names = "--verdict", required = true, paramLabel = "VERDICT", description = "pass or fail.")
        String verdict;

        @Option(
                names = "--reason",
                required = true,
                paramLabel = "TEXT",
                description = "Why, 1-512 characters, without personal data.")
        String reason;

        @Option(names = "--reviewer", required = true, paramLabel = "ID", description = "The reviewer's agent id.")
        String reviewer;
    }

    @ArgGroup(exclusive = false)
    Decision decision;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** For picocli. */
    public KycReviewCommand() {}

    @Override
    public Integer call() {
        if (!Files.isRegularFile(store)) {
            throw new ParameterException(spec.commandLine(), "--store: no flow store at " + store);
        }
        // Claims expire on real time. The trail and the vault of this run are in memory: the command
        // is a sandbox over the simulators' flows, whose evidence stayed in rb kyc's own memory.
        try (FlowStores.FileStore flows = FlowStores.file(store);
                InMemoryTrail audit =
                        InMemoryTrail.open(ManualTime.at(Clocks.system().instant()))) {
            ArtefactVault vault = ArtefactVaults.inMemory(
                    FieldEncryption.create(KeyProviders.inMemory(), CryptoSuite.international()));
            ReviewDesk desk = ReviewDesk.of(flows, vault, audit.trail(), Clocks.system());
            PrintWriter out = spec.commandLine().getOut();
            if (decision == null) {
                list(out, desk.pending());
                return ExitCodes.OK;
            }
            return decide(out, desk);
        }
    }

    private int decide(PrintWriter out, ReviewDesk desk) {
        var cl = spec.commandLine();
        Echo.requirePrintable(cl, "--decide", decision.flow);
        Echo.requirePrintable(cl, "--reviewer", decision.reviewer);
        Echo.requirePrintable(cl, "--reason", decision.reason);
        Verdict verdict = switch (decision.verdict.toLowerCase(java.util.Locale.ROOT)) {
            case "pass" -> Verdict.PASS;
            case "fail" -> Verdict.FAIL;
            default ->
                throw new ParameterException(
                        cl, "--verdict expects pass or fail, got '" + Echo.bounded(decision.verdict) + "'");
        };
        FlowId flow;
        AgentId reviewer;
        try {
            flow = FlowId.of(decision.flow);
            reviewer = AgentId.of(decision.reviewer);
        } catch (RbException e) {
            throw new ParameterException(cl, e.getMessage());
        }
        ReviewClaim claim;
        try {
            claim = desk.claim(flow, reviewer, Duration.ofMinutes(15));
        } catch (IdentityException e) {
            if (e.error() == IdentityError.REVIEW_NOT_FOUND) {
                throw new ParameterException(cl, "--decide: flow " + flow.value() + " does not await review");
            }
            cl.getErr().println("review: " + e.code().code() + ": " + e.getMessage());
            return ExitCodes.CHECK_FAILED;
        }
        FlowState decided;
        try {
            decided = desk.decide(claim, verdict, decision.reason);
        } catch (IdentityException e) {
            desk.release(claim);
            throw new ParameterException(cl, "--reason: " + e.getMessage());
        }
        if (output.json()) {
            out.println(Json.document(Json.object()
                    .put("flow", decided.id().value())
                    .put("status", KycCommand.lower(decided.status()))
                    .put("decision", KycCommand.lower(KycCommand.verdict(decided)))
                    .put("decidedBy", decided.decision().orElseThrow().decidedBy())));
        } else {
            out.println("Flow " + decided.id().value() + ": " + KycCommand.lower(KycCommand.verdict(decided)) + " by "
                    + decided.decision().orElseThrow().decidedBy());
        }
        return ExitCodes.OK;
    }

    private void list(PrintWriter out, List<ReviewCase> cases) {
        if (output.json()) {
            ObjectNode json = Json.object();
            ArrayNode array = json.putArray("pending");
            for (ReviewCase c : cases) {
                ObjectNode o = array.addObject()
                        .put("flow", c.flow().value())
                        .put("definition", c.definition())
                        .put("customer", c.customer().value())
                        .put("since", c.since().toString());
                c.claimedBy().ifPresent(a -> o.put("claimedBy", a.value()));
                ArrayNode reasons = o.putArray("reasons");
                c.reasons().forEach(reasons::add);
            }
            out.println(Json.document(json));
            return;
        }
        out.println(cases.size() + " case(s) awaiting review");
        for (ReviewCase c : cases) {
            out.println("  " + c.flow().value() + "  " + c.definition() + "  customer "
                    + c.customer().value() + "  since " + c.since()
                    + c.claimedBy().map(a -> "  claimed by " + a.value()).orElse(""));
            for (String reason : c.reasons()) {
                out.println("      " + Echo.bounded(reason));
            }
        }
    }
}
