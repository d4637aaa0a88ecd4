package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.AgentId;
import io.remotebank.core.Arguments;
import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.CustomerId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Who did what an audit event records.
 *
 * @param type a system, an agent, a customer or a vendor
 * @param id the actor's identifier: 1-128 characters of {@code A-Z a-z 0-9 . _ : @ / -}
 */
@API(status = STABLE, since = "0.1")
public record Actor(Type type, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@/-]{1,128}");

    /** The kinds of actor. */
    @API(status = STABLE, since = "0.1")
    public enum Type {
        /** A component of the bank's own systems (e.g. {@code routing-engine}). */
        SYSTEM,
        /** A contact-centre agent or relationship manager. */
        AGENT,
        /** The customer. */
        CUSTOMER,
        /** An external vendor's service (OCR, liveness, SMS gateway). */
        VENDOR;

        /** The lower-case form written to the trail. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates the actor.
     *
     * @throws AuditException with {@link CoreError#AUDIT_EVENT_INVALID} for a bad id
     */
    public Actor {
        Arguments.notNull(type, "actor type");
        Arguments.notNull(id, "actor id");
        if (!ID.matcher(id).matches()) {
            throw new AuditException(
                    CoreError.AUDIT_EVENT_INVALID, "an actor id is 1-128 characters of A-Z a-z 0-9 . _ : @ / -");
        }
    }

    /**
     * A system component.
     *
     * @param name e.g. {@code routing-engine}
     * @return the actor
     */
    public static Actor system(String name) {
        return new Actor(Type.SYSTEM, name);
    }

    /**
     * An agent.
     *
     * @param agent the agent
     * @return the actor
     */
    public static Actor agent(AgentId agent) {
        return new Actor(Type.AGENT, Arguments.notNull(agent, "agent").value());
    }

    /**
     * A customer acting for themselves.
     *
     * @param customer the customer
     * @return the actor
     */
    public static Actor customer(CustomerId customer) {
        return new Actor(Type.CUSTOMER, Arguments.notNull(customer, "customer").value());
    }

    /**
     * A vendor's service.
     *
     * @param name e.g. {@code liveness:acme}
     * @return the actor
     */
    public static Actor vendor(String name) {
        return new Actor(Type.VENDOR, name);
    }

    @Override
    public String toString() {
        return type.code() + ":" + id;
    }
}
