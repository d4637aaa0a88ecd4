package io.remotebank.segmentation.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.internal.CompiledRule;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * A numeric CEL expression (int or double) compiled against a profile schema, e.g. the value of a
 * next-best action ({@code aum * 0.002}). Immutable and thread-safe; NaN when a value it needs is
 * missing or the computation fails.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Formula {

    private final String name;
    private final String source;
    private final CompiledRule rule;

    private Formula(String name, String source, CompiledRule rule) {
        this.name = name;
        this.source = source;
        this.rule = rule;
    }

    /**
     * Compiles a formula.
     *
     * @param name its name, for errors
     * @param cel the CEL expression, of type int or double
     * @param schema the profile schema
     * @return the formula
     * @throws RuleException if it does not parse, does not type-check, or uses an unsupported feature
     */
    public static Formula compile(String name, String cel, ProfileSchema schema) {
        RuleSet.check(name, cel, schema);
        return new Formula(name, cel, CompiledRule.value(name, cel, schema));
    }

    /** Its name. */
    public String name() {
        return name;
    }

    /** Its CEL source. */
    public String source() {
        return source;
    }

    /**
     * Evaluates every row of a batch.
     *
     * @param batch the profiles; its schema must begin with this formula's
     * @param now the clock's reading
     * @param into one value per row (NaN: undefined), at least {@code batch.rows()} long
     */
    public void evaluate(ProfileBatch batch, Instant now, double[] into) {
        RuleSet.checkBatch(rule.schema(), batch, now);
        CompiledRule.Context c = new CompiledRule.Context(rule.stringSlots());
        c.bind(batch, now.toEpochMilli());
        for (int r = 0; r < batch.rows(); r++) {
            c.row(r);
            into[r] = rule.number(c);
        }
    }

    @Override
    public String toString() {
        return "Formula[" + name + ": " + source + "]";
    }
}
