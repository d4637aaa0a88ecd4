package io.remotebank.identity.review;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.core.Arguments;
import io.remotebank.core.pii.Sensitive;
import io.remotebank.identity.flow.FlowState;
import io.remotebank.identity.spi.ArtefactKind;
import io.remotebank.identity.spi.ArtefactRef;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a reviewer sees: every step's result and attempt, the customer's statement as {@link
 * Sensitive} values (masked when printed), and the artefacts by hash, each opened with {@link
 * ReviewDesk#artefact} (an audited act).
 *
 * @param state the flow's state
 * @param name the name the customer gave
 * @param idNumber the identity number the customer gave
 * @param artefacts the evidence by kind
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReviewEvidence(
        FlowState state, Sensitive<String> name, Sensitive<String> idNumber, Map<ArtefactKind, ArtefactRef> artefacts) {

    /** Validates and copies. */
    public ReviewEvidence {
        Arguments.notNull(state, "state");
        Arguments.notNull(name, "name");
        Arguments.notNull(idNumber, "idNumber");
        artefacts = Map.copyOf(Arguments.notNull(artefacts, "artefacts"));
    }
}
