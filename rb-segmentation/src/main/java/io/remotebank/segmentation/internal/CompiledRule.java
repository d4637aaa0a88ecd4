package io.remotebank.segmentation.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.rules.RuleException;
import org.apiguardian.api.API;

/**
 * A CEL expression compiled against a profile schema: a condition (bool) or a value (int or double).
 * Immutable and thread-safe; evaluation goes through a {@link Context}, one per thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class CompiledRule {

    /** The rule's result: true. */
    public static final int TRUE = Pred.TRUE;
    /** The rule's result: false. */
    public static final int FALSE = Pred.FALSE;
    /** The rule's result: neither, because a value it needed was missing or a computation failed. */
    public static final int UNKNOWN = Pred.UNKNOWN;

    private final ProfileSchema schema;
    private final Pred condition;
    private final Expr value;
    private final int stringSlots;

    private CompiledRule(ProfileSchema schema, Pred condition, Expr value, int stringSlots) {
        this.schema = schema;
        this.condition = condition;
        this.value = value;
        this.stringSlots = stringSlots;
    }

    /**
     * Compiles a condition.
     *
     * @param rule the rule's name, for errors
     * @param source the CEL expression
     * @param schema the profile schema
     * @return the compiled condition
     * @throws RuleException naming the rule, line and column
     */
    public static CompiledRule condition(String rule, String source, ProfileSchema schema) {
        RuleCompiler.Result r = compile(rule, source, schema);
        if (r.root().type != RuleCompiler.Type.BOOL) {
            throw new RuleException(
                    SegmentationError.RULE_INVALID,
                    rule,
                    1,
                    1,
                    "a condition must be bool, this is " + r.root().type.cel);
        }
        return new CompiledRule(schema, r.root().bool, null, r.stringSlots());
    }

    /**
     * Compiles a numeric value (int or double).
     *
     * @param rule the rule's name, for errors
     * @param source the CEL expression
     * @param schema the profile schema
     * @return the compiled value
     * @throws RuleException naming the rule, line and column
     */
    public static CompiledRule value(String rule, String source, ProfileSchema schema) {
        RuleCompiler.Result r = compile(rule, source, schema);
        if (!r.root().type.numeric()) {
            throw new RuleException(
                    SegmentationError.RULE_INVALID,
                    rule,
                    1,
                    1,
                    "a value must be int or double, this is " + r.root().type.cel);
        }
        return new CompiledRule(schema, null, r.root().num, r.stringSlots());
    }

    private static RuleCompiler.Result compile(String rule, String source, ProfileSchema schema) {
        try {
            return RuleCompiler.compile(source, schema);
        } catch (CelParser.Failure f) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < Math.min(f.pos, source.length()); i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new RuleException(
                    f.unsupported ? SegmentationError.RULE_UNSUPPORTED : SegmentationError.RULE_INVALID,
                    rule,
                    line,
                    f.pos - lineStart + 1,
                    f.getMessage());
        }
    }

    /** The schema it was compiled against. */
    public ProfileSchema schema() {
        return schema;
    }

    /** The comprehension variables it needs in a context. */
    public int stringSlots() {
        return stringSlots;
    }

    /**
     * Evaluates a condition on the context's current row.
     *
     * @param c the context
     * @return {@link #TRUE}, {@link #FALSE} or {@link #UNKNOWN}
     */
    public int truth(Context c) {
        return condition.eval(c.frame);
    }

    /**
     * Evaluates a value on the context's current row.
     *
     * @param c the context
     * @return the value; NaN when missing or undefined
     */
    public double number(Context c) {
        return value.eval(c.frame);
    }

    /**
     * The evaluation state of one thread: the batch being read, its row and the clock's reading.
     * Binding reads the batch's column arrays once; evaluation allocates nothing.
     */
    @API(status = INTERNAL, since = "0.1")
    public static final class Context {
        final Frame frame;

        /**
         * A context for rules needing up to the given comprehension variables.
         *
         * @param stringSlots the most {@link CompiledRule#stringSlots()} of the rules it evaluates
         */
        public Context(int stringSlots) {
            this.frame = new Frame(0, stringSlots);
        }

        /**
         * Reads a batch from now on.
         *
         * @param batch the batch
         * @param nowMillis the clock's reading, epoch milliseconds
         */
        public void bind(ProfileBatch batch, long nowMillis) {
            ProfileSchema s = batch.schema();
            int n = s.size();
            double[][] numbers = new double[n][];
            String[][] texts = new String[n][];
            String[][][] lists = new String[n][][];
            for (int i = 0; i < n; i++) {
                switch (s.fields().get(i).type()) {
                    case STRING:
                        texts[i] = batch.texts(i);
                        break;
                    case STRING_LIST:
                        lists[i] = batch.lists(i);
                        break;
                    default:
                        numbers[i] = batch.numbers(i);
                }
            }
            frame.numbers = numbers;
            frame.texts = texts;
            frame.lists = lists;
            frame.now = nowMillis;
        }

        /**
         * Moves to a row.
         *
         * @param row the row
         */
        public void row(int row) {
            frame.row = row;
        }
    }
}
