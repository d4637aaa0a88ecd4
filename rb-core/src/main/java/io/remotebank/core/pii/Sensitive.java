package io.remotebank.core.pii;

import static org.apiguardian.api.API.Status.STABLE;

import io.remotebank.core.Arguments;
import org.apiguardian.api.API;

/**
 * A value that is personal data. Its {@code toString} is masked by its {@link PiiKind}, so it can
 * travel through logs, exception messages and debuggers without leaking; {@link #reveal()} is the
 * one, greppable way to get the value itself.
 *
 * <p>The audit trail encrypts every {@code Sensitive} value in an event's details with the
 * subject's data key.
 *
 * @param <T> the value's type
 */
@API(status = STABLE, since = "0.1")
public final class Sensitive<T> {

    private final T value;
    private final PiiKind kind;

    private Sensitive(T value, PiiKind kind) {
        this.value = value;
        this.kind = kind;
    }

    /**
     * Wraps personal data.
     *
     * @param value the value
     * @param kind what it is, which decides how it is masked
     * @param <T> its type
     * @return the wrapper
     */
    public static <T> Sensitive<T> of(T value, PiiKind kind) {
        return new Sensitive<>(Arguments.notNull(value, "sensitive value"), Arguments.notNull(kind, "kind"));
    }

    /** The value itself: use it only where the real value is needed (a carrier, a registry). */
    public T reveal() {
        return value;
    }

    /** What kind of personal data this is. */
    public PiiKind kind() {
        return kind;
    }

    /** The masked form, e.g. {@code 138****5678}. */
    public String masked() {
        return kind.mask(String.valueOf(value));
    }

    /** Always the masked form. */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sensitive<?> s && s.kind == kind && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + value.hashCode();
    }
}
