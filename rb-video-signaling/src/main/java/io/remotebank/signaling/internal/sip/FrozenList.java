package io.remotebank.signaling.internal.sip;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.AbstractList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.apiguardian.api.API;

/**
 * An unmodifiable list over an array that nobody changes once the list exists: what a parsed
 * message hands out for its header fields and parsed values, without the copy {@link List#copyOf}
 * makes. Every mutator throws {@link UnsupportedOperationException}; elements are never null.
 *
 * @param <E> the element type
 */
@API(status = INTERNAL, since = "0.1")
public final class FrozenList<E> extends AbstractList<E> implements RandomAccess {

    private final Object[] elements;
    private final int size;

    private FrozenList(Object[] elements, int size) {
        this.elements = elements;
        this.size = size;
    }

    /**
     * A list of the first {@code size} elements of an array the caller no longer changes.
     *
     * @param elements the elements, none null among the first {@code size}
     * @param size how many are used
     * @param <E> the element type
     * @return the list ({@link List#of()} when empty)
     */
    public static <E> List<E> adopt(Object[] elements, int size) {
        return size == 0 ? List.of() : new FrozenList<>(elements, size);
    }

    /**
     * An unmodifiable view of a list that the caller filled and never touches again, so that it is
     * handed out without a copy.
     *
     * @param owned the list, no element null
     * @param <E> the element type
     * @return the view ({@link List#of()} when empty)
     */
    public static <E> List<E> freeze(List<E> owned) {
        return owned.isEmpty() ? List.of() : Collections.unmodifiableList(owned);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) elements[index];
    }

    @Override
    public int size() {
        return size;
    }
}
