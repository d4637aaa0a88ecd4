package io.remotebank.routing;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.ErrorCode;
import io.remotebank.core.RbException;
import org.apiguardian.api.API;

/** The error codes of rb-routing; {@code docs/rb-routing.md} lists each one. */
@API(status = STABLE, since = "0.1")
public enum RoutingError implements ErrorCode {
    /** An argument is null, blank, malformed or out of range. */
    ARGUMENT_INVALID("routing.argument.invalid", "An argument is missing, malformed or out of range."),
    /** A queue, step or engine configuration is inconsistent. */
    CONFIG_INVALID("routing.config.invalid", "A queue, step or engine configuration is inconsistent."),
    /** No agent with the given id is known to the engine. */
    UNKNOWN_AGENT("routing.agent.unknown", "No agent with this id is known to the engine."),
    /** No queue with the given id is known to the engine. */
    UNKNOWN_QUEUE("routing.queue.unknown", "No queue with this id is known to the engine."),
    /** A skill is used that was never defined. */
    UNKNOWN_SKILL("routing.skill.unknown", "A skill is used that was never defined."),
    /** No live contact with the given id is in the engine. */
    UNKNOWN_CONTACT("routing.contact.unknown", "No live contact with this id is in the engine."),
    /** A contact id is already in use by a live contact. */
    DUPLICATE_CONTACT("routing.contact.duplicate", "A live contact already has this id."),
    /** An agent id is already registered. */
    DUPLICATE_AGENT("routing.agent.duplicate", "An agent with this id is already registered."),
    /** A queue id is already registered. */
    DUPLICATE_QUEUE("routing.queue.duplicate", "A queue with this id is already registered."),
    /** The agent or contact is not in a state that allows the operation. */
    ILLEGAL_STATE("routing.state.illegal", "The agent or contact is not in a state that allows this operation."),
    /** The agent has no pending offer of that contact. */
    NO_SUCH_OFFER("routing.offer.unknown", "The agent has no pending offer of this contact."),
    /** The agent has no free capacity on the contact's channel. */
    NO_CAPACITY("routing.agent.no-capacity", "The agent has no free capacity on the contact's channel."),
    /** A supervisor override could not be written to the audit trail, so it was not applied. */
    AUDIT_FAILED("routing.audit.failed", "A supervisor override could not be audited, so it was not applied."),
    /** The engine has been closed. */
    CLOSED("routing.engine.closed", "The engine has been closed.");

    private final String code;
    private final String meaning;

    RoutingError(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /** Every routing code is thrown as a {@link RoutingException}. */
    @Override
    public Class<? extends RbException> exceptionType() {
        return RoutingException.class;
    }
}
