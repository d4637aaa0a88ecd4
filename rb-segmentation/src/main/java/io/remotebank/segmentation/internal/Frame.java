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

    // Segment rules read profile columns in place rather than copying each row into slots.
    /** The numeric columns of the profile batch being evaluated (rules only). */
    double[][] numbers;
    /** Its string columns (rules only). */
    String[][] texts;
    /** Its list columns (rules only). */
    String[][][] lists;
    /** The row being evaluated (rules only). */
    int row;
    /** The rules' clock, {@code now}, in epoch milliseconds (rules only). */
    double now;
    /** The string variables of comprehensions ({@code list.exists(x, ...)}), by slot (rules only). */
    final String[] strings;

    Frame(int slots) {
        this(slots, 0);
    }

    Frame(int slots, int stringSlots) {
        this.v = new double[slots];
        this.stamp = new int[slots];
        this.strings = new String[stringSlots];
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
