package io.remotebank.segmentation.internal;

/** Hands out slots of a {@link Frame} at compile time. */
final class Layout {
    private int next;

    int alloc(int n) {
        int start = next;
        next += n;
        return start;
    }

    int size() {
        return next;
    }
}
