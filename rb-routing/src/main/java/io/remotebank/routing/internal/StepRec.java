package io.remotebank.routing.internal;

import io.remotebank.routing.RoutingStep;
import io.remotebank.routing.SkillRequirement;

/** A routing step with its skills interned. */
final class StepRec {

    final String name;
    final int[] skills;
    final int[] mins;
    final int relaxBy;
    final boolean matchLanguage;
    /** Milliseconds, or -1 for no timeout. */
    final long timeoutMillis;

    StepRec(RoutingStep step, Skills names, String context) {
        this.name = step.name();
        this.skills = new int[step.skills().size()];
        this.mins = new int[skills.length];
        for (int i = 0; i < skills.length; i++) {
            SkillRequirement requirement = step.skills().get(i);
            skills[i] = names.require(requirement.skill(), context + " step " + step.name());
            mins[i] = requirement.minProficiency();
        }
        this.relaxBy = step.relaxBy();
        this.matchLanguage = step.matchLanguage();
        this.timeoutMillis = step.timeout().map(t -> Math.max(1, t.toMillis())).orElse(-1L);
    }
}
