package io.remotebank.identity.flow;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.identity.IdentityError;
import io.remotebank.identity.IdentityException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A flow: its name and its steps in order. The order is checked: document validation after OCR,
 * face match after liveness and OCR (it needs the live frame and the document photo), the decision
 * once, after every check, and a review only after the decision.
 *
 * @param name the flow's name, kept in each flow's state so that a restarted engine finds it again;
 *     lower-case words joined by hyphens, e.g. {@code remote-class2}
 * @param steps the steps in order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record FlowDefinition(String name, List<StepDefinition> steps) {

    /**
     * Validates the definition.
     *
     * @throws IdentityException with {@link IdentityError#ARGUMENT_INVALID} when a step appears
     *     twice, comes before a step it needs, or the decision is missing
     */
    public FlowDefinition {
        Arguments.notBlank(name, "name");
        steps = List.copyOf(Arguments.noNulls(steps, "steps"));
        if (!name.matches("[a-z][a-z0-9-]{0,63}")) {
            throw invalid("a flow name is lower-case words joined by hyphens, got " + name);
        }
        Set<StepKind> seen = EnumSet.noneOf(StepKind.class);
        for (StepDefinition s : steps) {
            if (!seen.add(s.kind())) {
                throw invalid("flow " + name + " has step " + s.kind().label() + " twice");
            }
            List<StepKind> needs = switch (s.kind()) {
                case DOCUMENT_VALIDATION -> List.of(StepKind.DOCUMENT_OCR);
                case FACE_MATCH -> List.of(StepKind.DOCUMENT_OCR, StepKind.LIVENESS);
                case REVIEW -> List.of(StepKind.DECISION);
                default -> List.of();
            };
            for (StepKind need : needs) {
                if (!seen.contains(need)) {
                    throw invalid(
                            "in flow " + name + ", step " + s.kind().label() + " needs " + need.label() + " before it");
                }
            }
            if (s.kind() != StepKind.DECISION && s.kind() != StepKind.REVIEW && seen.contains(StepKind.DECISION)) {
                throw invalid("in flow " + name + ", step " + s.kind().label() + " comes after the decision");
            }
            if ((s.kind() == StepKind.DECISION || s.kind() == StepKind.REVIEW) && s.optional()) {
                throw invalid("the decision and the review cannot be optional");
            }
        }
        if (!seen.contains(StepKind.DECISION)) {
            throw invalid("flow " + name + " has no decision step");
        }
    }

    private static IdentityException invalid(String message) {
        return new IdentityException(IdentityError.ARGUMENT_INVALID, message);
    }

    /**
     * The definition of a step, if the flow has it.
     *
     * @param kind the step
     * @return its definition
     */
    public Optional<StepDefinition> step(StepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst();
    }
}
