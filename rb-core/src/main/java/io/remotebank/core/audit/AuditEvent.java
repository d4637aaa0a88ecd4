package io.remotebank.core.audit;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import io.remotebank.core.AuditException;
import io.remotebank.core.CoreError;
import io.remotebank.core.CorrelationId;
import io.remotebank.core.CustomerId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A decision or act that a regulator may ask about: who ({@link Actor}) did what ({@code action},
 * {@code module.object.verb}), to whom ({@code subject}), when, as part of which piece of business
 * ({@code correlation}), with what details.
 *
 * <p>Details are a JSON object: strings, numbers, booleans, nulls, nested maps and lists, enums and
 * times, and personal data wrapped in {@link io.remotebank.core.pii.Sensitive} (or a {@link
 * io.remotebank.core.PhoneNumber}). The trail stores personal data encrypted with the subject's data
 * key, so an event with personal data needs a subject.
 *
 * @param time when it happened; empty to let the trail stamp its clock's time
 * @param actor who did it
 * @param action {@code module.object.verb}, e.g. {@code identity.flow.decided}
 * @param subject the customer it is about, if any
 * @param correlation the business it belongs to, if any
 * @param details the details, in insertion order
 */
@API(status = STABLE, since = "0.1")
public record AuditEvent(
        Optional<Instant> time,
        Actor actor,
        String action,
        Optional<CustomerId> subject,
        Optional<CorrelationId> correlation,
        Map<String, Object> details) {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){2,5}");

    /**
     * Validates the event and copies the details.
     *
     * @throws AuditException with {@link CoreError#AUDIT_EVENT_INVALID} for a bad action
     */
    public AuditEvent {
        Arguments.notNull(time, "time");
        Arguments.notNull(actor, "actor");
        Arguments.notNull(action, "action");
        Arguments.notNull(subject, "subject");
        Arguments.notNull(correlation, "correlation");
        Arguments.notNull(details, "details");
        if (action.length() > 128 || !ACTION.matcher(action).matches()) {
            throw new AuditException(
                    CoreError.AUDIT_EVENT_INVALID,
                    "an action is module.object.verb in lower case (e.g. identity.flow.decided), got '" + action + "'");
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * Starts an event.
     *
     * @param action {@code module.object.verb}
     * @param actor who did it
     * @return a builder
     */
    public static Builder builder(String action, Actor actor) {
        return new Builder(action, actor);
    }

    /** Builds an {@link AuditEvent}. */
    @API(status = STABLE, since = "0.1")
    public static final class Builder {
        private final String action;
        private final Actor actor;
        private Instant time;
        private CustomerId subject;
        private CorrelationId correlation;
        private final Map<String, Object> details = new LinkedHashMap<>();

        private Builder(String action, Actor actor) {
            this.action = action;
            this.actor = actor;
        }

        /**
         * When it happened (default: the trail's clock at append).
         *
         * @param time the time
         * @return this builder
         */
        public Builder time(Instant time) {
            this.time = Arguments.notNull(time, "time");
            return this;
        }

        /**
         * The customer the event is about.
         *
         * @param subject the customer
         * @return this builder
         */
        public Builder subject(CustomerId subject) {
            this.subject = Arguments.notNull(subject, "subject");
            return this;
        }

        /**
         * The business the event belongs to.
         *
         * @param correlation the correlation id
         * @return this builder
         */
        public Builder correlation(CorrelationId correlation) {
            this.correlation = Arguments.notNull(correlation, "correlation");
            return this;
        }

        /**
         * Adds a detail.
         *
         * @param key its name
         * @param value its value (see {@link AuditEvent} for what is allowed)
         * @return this builder
         */
        public Builder detail(String key, Object value) {
            details.put(Arguments.notBlank(key, "detail key"), value);
            return this;
        }

        /** The event. */
        public AuditEvent build() {
            return new AuditEvent(
                    Optional.ofNullable(time),
                    actor,
                    action,
                    Optional.ofNullable(subject),
                    Optional.ofNullable(correlation),
                    details);
        }
    }
}
