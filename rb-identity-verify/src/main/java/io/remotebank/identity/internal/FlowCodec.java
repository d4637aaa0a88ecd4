package io.remotebank.identity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remotebank.core.AgentId;
import io.remotebank.core.CorrelationId;
import io.remotebank.core.CustomerId;
import io.remotebank.identity.flow.Attempt;
import io.remotebank.identity.flow.FlowDecision;
import io.remotebank.identity.flow.FlowId;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.flow.FlowStatus;
import io.remotebank.identity.flow.PendingSession;
import io.remotebank.identity.flow.ReviewClaim;
import io.remotebank.identity.flow.StepKind;
import io.remotebank.identity.flow.StepResult;
import io.remotebank.identity.flow.Verdict;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import io.remotebank.identity.spi.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** A flow state as one line of JSON (the file store's record) and back. */
@API(status = INTERNAL, since = "0.1")
public final class FlowCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowCodec() {}

    public static String encode(FlowState s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", s.id().value());
        o.put("definition", s.definition());
        o.put("customer", s.customer().value());
        o.put("correlation", s.correlation().value());
        o.put("status", s.status().name());
        o.put("nextStep", s.nextStep());
        ArrayNode results = o.putArray("results");
        for (StepResult r : s.results()) {
            ObjectNode n = results.addObject();
            n.put("kind", r.kind().name());
            n.put("outcome", r.outcome().name());
            r.vendor().ifPresent(v -> n.put("vendor", v));
            r.vendorOutcome().ifPresent(v -> n.put("vendorOutcome", v.name()));
            r.score().ifPresent(v -> n.put("score", v));
            r.threshold().ifPresent(v -> n.put("threshold", v));
            ArrayNode reasons = n.putArray("reasons");
            r.reasons().forEach(reasons::add);
            if (!r.subScores().isEmpty()) {
                ObjectNode sub = n.putObject("subScores");
                r.subScores().forEach(sub::put);
            }
            if (!r.evidence().isEmpty()) {
                ArrayNode kept = n.putArray("evidence");
                r.evidence().forEach(ref -> ref(kept.addObject(), ref));
            }
        }
        ArrayNode attempts = o.putArray("attempts");
        for (Attempt a : s.attempts()) {
            ObjectNode n = attempts.addObject();
            n.put("step", a.step().name());
            n.put("vendor", a.vendor());
            n.put("number", a.number());
            n.put("at", a.at().toString());
            n.put("tookNanos", a.took().toNanos());
            n.put("result", a.result());
        }
        ObjectNode evidence = o.putObject("evidence");
        s.evidence().forEach((k, ref) -> {
            ObjectNode n = evidence.putObject(k.name());
            n.put("sha256", ref.sha256());
            n.put("mediaType", ref.mediaType());
            n.put("size", ref.size());
        });
        s.session().ifPresent(p -> {
            ObjectNode n = o.putObject("session");
            n.put("vendor", p.vendor());
            n.put("sessionId", p.sessionId());
            n.put("expiresAt", p.expiresAt().toString());
        });
        s.decision().ifPresent(d -> {
            ObjectNode n = o.putObject("decision");
            n.put("verdict", d.verdict().name());
            n.put("decidedBy", d.decidedBy());
            ArrayNode reasons = n.putArray("reasons");
            d.reasons().forEach(reasons::add);
        });
        s.claim().ifPresent(c -> {
            ObjectNode n = o.putObject("claim");
            n.put("claimId", c.claimId());
            n.put("reviewer", c.reviewer().value());
            n.put("expiresAt", c.expiresAt().toString());
        });
        o.put("note", s.note());
        o.put("updatedAt", s.updatedAt().toString());
        o.put("version", s.version());
        return o.toString();
    }

    /** Decodes a record; any malformed part throws (the store turns it into {@code identity.store.corrupt}). */
    public static FlowState decode(String line) throws Exception {
        JsonNode o = JSON.readTree(line);
        FlowId id = FlowId.of(text(o, "id"));
        List<StepResult> results = new ArrayList<>();
        for (JsonNode n : o.withArray("results")) {
            results.add(new StepResult(
                    StepKind.valueOf(text(n, "kind")),
                    Outcome.valueOf(text(n, "outcome")),
                    Optional.ofNullable(n.get("vendor")).map(JsonNode::asText),
                    Optional.ofNullable(n.get("vendorOutcome")).map(v -> Outcome.valueOf(v.asText())),
                    Optional.ofNullable(n.get("score")).map(JsonNode::asDouble),
                    Optional.ofNullable(n.get("threshold")).map(JsonNode::asDouble),
                    strings(n.withArray("reasons")),
                    subScores(n.get("subScores")),
                    refs(n.get("evidence"))));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (JsonNode n : o.withArray("attempts")) {
            attempts.add(new Attempt(
                    StepKind.valueOf(text(n, "step")),
                    text(n, "vendor"),
                    n.get("number").asInt(),
                    Instant.parse(text(n, "at")),
                    Duration.ofNanos(n.get("tookNanos").asLong()),
                    text(n, "result")));
        }
        Map<ArtefactKind, ArtefactRef> evidence = new EnumMap<>(ArtefactKind.class);
        JsonNode ev = o.get("evidence");
        if (ev != null) {
            ev.properties().forEach(e -> {
                ArtefactKind k = ArtefactKind.valueOf(e.getKey());
                JsonNode n = e.getValue();
                evidence.put(
                        k,
                        new ArtefactRef(
                                text(n, "sha256"),
                                k,
                                text(n, "mediaType"),
                                n.get("size").asLong()));
            });
        }
        Optional<PendingSession> session = Optional.ofNullable(o.get("session"))
                .map(n -> new PendingSession(
                        text(n, "vendor"), text(n, "sessionId"), Instant.parse(text(n, "expiresAt"))));
        Optional<FlowDecision> decision = Optional.ofNullable(o.get("decision"))
                .map(n -> new FlowDecision(
                        Verdict.valueOf(text(n, "verdict")), strings(n.withArray("reasons")), text(n, "decidedBy")));
        Optional<ReviewClaim> claim = Optional.ofNullable(o.get("claim"))
                .map(n -> new ReviewClaim(
                        id, text(n, "claimId"), AgentId.of(text(n, "reviewer")), Instant.parse(text(n, "expiresAt"))));
        return new FlowState(
                id,
                text(o, "definition"),
                CustomerId.of(text(o, "customer")),
                CorrelationId.of(text(o, "correlation")),
                FlowStatus.valueOf(text(o, "status")),
                o.get("nextStep").asInt(),
                results,
                attempts,
                evidence,
                session,
                decision,
                claim,
                text(o, "note"),
                Instant.parse(text(o, "updatedAt")),
                o.get("version").asLong());
    }

    private static void ref(ObjectNode n, ArtefactRef ref) {
        n.put("sha256", ref.sha256());
        n.put("kind", ref.kind().name());
        n.put("mediaType", ref.mediaType());
        n.put("size", ref.size());
    }

    // Records written before sub-scores and per-step evidence were kept have neither field.
    private static Map<String, Double> subScores(JsonNode n) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (n != null) {
            n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asDouble()));
        }
        return out;
    }

    private static List<ArtefactRef> refs(JsonNode array) {
        List<ArtefactRef> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(new ArtefactRef(
                    text(n, "sha256"),
                    ArtefactKind.valueOf(text(n, "kind")),
                    text(n, "mediaType"),
                    n.get("size").asLong())));
        }
        return out;
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field);
        }
        return n.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
