package io.remotebank.routing;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.routing.internal.Args;
import org.apiguardian.api.API;

/**
 * A skill a contact needs and the lowest proficiency that serves it.
 *
 * @param skill the skill's name, as defined on the engine
 * @param minProficiency the lowest acceptable proficiency, 1 (basic) to 5 (expert)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SkillRequirement(String skill, int minProficiency) {

    /** The lowest proficiency. */
    public static final int MIN_PROFICIENCY = 1;

    /** The highest proficiency. */
    public static final int MAX_PROFICIENCY = 5;

    /**
     * Validates the requirement.
     *
     * @throws RoutingException with {@link RoutingError#ARGUMENT_INVALID}
     */
    public SkillRequirement {
        Args.name(skill, "skill");
        Args.range(minProficiency, MIN_PROFICIENCY, MAX_PROFICIENCY, "minimum proficiency of " + skill);
    }

    /**
     * A requirement.
     *
     * @param skill the skill's name
     * @param minProficiency 1-5
     * @return the requirement
     */
    public static SkillRequirement of(String skill, int minProficiency) {
        return new SkillRequirement(skill, minProficiency);
    }
}
