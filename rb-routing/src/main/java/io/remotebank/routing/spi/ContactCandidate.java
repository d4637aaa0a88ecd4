package io.remotebank.routing.spi;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.ContactChannel;
import io.remotebank.routing.ContactId;
import io.remotebank.routing.QueueId;
import io.remotebank.routing.SkillRequirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** A read-only view of a contact, given to an {@link AgentSelector}. Valid only during the call. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ContactCandidate {

    /** The contact. */
    ContactId id();

    /** Its channel. */
    ContactChannel channel();

    /** The queue it waits in. */
    QueueId queue();

    /** Its priority (0-1000, higher first). */
    int priority();

    /** The customer's tier (0-9). */
    int tier();

    /** The skills it requires in its current step, with the step's relaxation applied. */
    List<SkillRequirement> requirements();

    /** The language required in its current step, if any. */
    Optional<String> language();

    /** The free attributes given at arrival. */
    Map<String, String> attributes();
}
