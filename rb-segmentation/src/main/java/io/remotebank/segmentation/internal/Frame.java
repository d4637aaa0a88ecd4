package io.remotebank.segmentation.internal;

/**
 * The scratch memory of one record being scored: every field, derived field, model output and
 * intermediate result has a slot in {@link #v}, laid out once at compile time. Missing values are
 * NaN; categorical strings are codes of the model's {@link Dictionary}. A frame belongs to one thread
 * at a time and is reused for every record, so scoring allocates nothing.
 */
final class Frame {

    final double[] v;
    /** The generation in which a derived slot was last computed (lazy evaluation, once per record). */
    final int[] stamp;
    /** The current record's generation. */
    int gen;

    Frame(int slots) {
        this.v = new double[slots];
        this.stamp = new int[slots];
    }

    /** Starts a new record: every derived value is stale. */
    void next() {
        gen++;
        if (gen == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamp, 0);
            gen = 1;
        }
    }
}
