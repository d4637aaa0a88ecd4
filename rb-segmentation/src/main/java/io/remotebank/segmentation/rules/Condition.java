package io.remotebank.segmentation.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.internal.CompiledRule;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import java.time.Instant;
import org.apiguardian.api.API;

/**
 * One CEL condition compiled against a profile schema, e.g. an action's eligibility or a funnel
 * stage defined by a rule. Immutable and thread-safe. A condition that needs a missing value, or
 * whose computation fails (a division by zero), is not met, unless {@code ||} or {@code &&} decide
 * without it, as in CEL.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Condition {

    private final String name;
    private final String source;
    private final CompiledRule rule;

    private Condition(String name, String source, CompiledRule rule) {
        this.name = name;
        this.source = source;
        this.rule = rule;
    }

    /**
     * Compiles a condition.
     *
     * @param name its name, for errors
     * @param cel the CEL expression, of type bool
     * @param schema the profile schema
     * @return the condition
     * @throws RuleException if it does not parse, does not type-check, or uses an unsupported feature
     */
    public static Condition compile(String name, String cel, ProfileSchema schema) {
        RuleSet.check(name, cel, schema);
        return new Condition(name, cel, CompiledRule.condition(name, cel, schema));
    }

    /** Its name. */
    public String name() {
        return name;
    }

    /** Its CEL source. */
    public String source() {
        return source;
    }

    /** The schema it was compiled against. */
    public ProfileSchema schema() {
        return rule.schema();
    }

    CompiledRule compiled() {
        return rule;
    }

    /**
     * Tests every row of a batch.
     *
     * @param batch the profiles; its schema must begin with this condition's
     * @param now the clock's reading, {@code now} in the expression
     * @param into one flag per row, at least {@code batch.rows()} long
     */
    public void test(ProfileBatch batch, Instant now, boolean[] into) {
        RuleSet.checkBatch(rule.schema(), batch, now);
        CompiledRule.Context c = new CompiledRule.Context(rule.stringSlots());
        c.bind(batch, now.toEpochMilli());
        for (int r = 0; r < batch.rows(); r++) {
            c.row(r);
            into[r] = rule.truth(c) == CompiledRule.TRUE;
        }
    }

    /**
     * Tests one row.
     *
     * @param batch the profiles
     * @param row the row
     * @param now the clock's reading
     * @return whether the row meets the condition
     */
    public boolean test(ProfileBatch batch, int row, Instant now) {
        RuleSet.checkBatch(rule.schema(), batch, now);
        CompiledRule.Context c = new CompiledRule.Context(rule.stringSlots());
        c.bind(batch, now.toEpochMilli());
        c.row(row);
        return rule.truth(c) == CompiledRule.TRUE;
    }

    @Override
    public String toString() {
        return "Condition[" + name + ": " + source + "]";
    }
}
