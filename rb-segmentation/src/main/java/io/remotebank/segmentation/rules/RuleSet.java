package io.remotebank.segmentation.rules;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.internal.CompiledRule;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Named segments with priorities and CEL conditions, type-checked against a profile schema when the
 * set is compiled and compiled to the module's allocation-free expression runtime, not interpreted
 * per record. A profile belongs to the segment of highest priority whose condition it meets, or to
 * none. Immutable and thread-safe.
 *
 * <p>Refused at compile time, with a {@link RuleException} that names the rule, line and column: CEL
 * that does not parse, that does not type-check against the schema (an unknown field, {@code int}
 * mixed with {@code double} in arithmetic), and CEL outside the compiled subset ({@code
 * docs/rb-segmentation.md} lists it). Two segments with one name or one priority are refused too.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RuleSet {

    /** The most segments in one set. */
    public static final int MAX_SEGMENTS = 10_000;

    private final ProfileSchema schema;
    private final List<SegmentRule> segments;
    private final CompiledRule[] rules;
    private final int stringSlots;

    private RuleSet(ProfileSchema schema, List<SegmentRule> segments, CompiledRule[] rules) {
        this.schema = schema;
        this.segments = List.copyOf(segments);
        this.rules = rules;
        int slots = 0;
        for (CompiledRule r : rules) {
            slots = Math.max(slots, r.stringSlots());
        }
        this.stringSlots = slots;
    }

    /**
     * Compiles a rule set.
     *
     * @param schema the profile schema the rules read
     * @param segments the segments, in any order
     * @return the compiled set
     * @throws RuleException for a rule that does not compile (the first one, in the order given)
     * @throws SegmentationException with {@link SegmentationError#ARGUMENT_INVALID} for a name or a
     *     priority used twice
     */
    public static RuleSet compile(ProfileSchema schema, List<SegmentRule> segments) {
        if (schema == null) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "schema is null");
        }
        if (segments == null || segments.stream().anyMatch(java.util.Objects::isNull)) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "segments must not be or hold null");
        }
        if (segments.size() > MAX_SEGMENTS) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "a rule set holds at most " + MAX_SEGMENTS + " segments");
        }
        Map<String, SegmentRule> byName = new HashMap<>();
        Map<Integer, SegmentRule> byPriority = new HashMap<>();
        for (SegmentRule s : segments) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID, "segment '" + s.name() + "' is defined twice");
            }
            SegmentRule other = byPriority.putIfAbsent(s.priority(), s);
            if (other != null) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID,
                        "segments '" + other.name() + "' and '" + s.name() + "' have the same priority " + s.priority()
                                + ": give each its own, so that the winner is clear");
            }
        }
        CompiledRule[] compiled = new CompiledRule[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            SegmentRule s = segments.get(i);
            compiled[i] = CompiledRule.condition(s.name(), s.when(), schema);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> segments.get(i).priority())
                .reversed());
        List<SegmentRule> sorted = new ArrayList<>();
        CompiledRule[] rules = new CompiledRule[compiled.length];
        for (int i = 0; i < order.size(); i++) {
            sorted.add(segments.get(order.get(i)));
            rules[i] = compiled[order.get(i)];
        }
        return new RuleSet(schema, sorted, rules);
    }

    static void check(String name, String cel, ProfileSchema schema) {
        if (name == null || name.isBlank()) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "a rule needs a name");
        }
        if (cel == null || cel.isBlank()) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "rule '" + name + "' is empty");
        }
        if (schema == null) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "schema is null");
        }
    }

    static void checkBatch(ProfileSchema schema, ProfileBatch batch, Instant now) {
        if (batch == null || now == null) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "batch and now are required");
        }
        List<?> own = schema.fields();
        List<?> theirs = batch.schema().fields();
        if (theirs.size() < own.size() || !theirs.subList(0, own.size()).equals(own)) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID,
                    "the batch's schema " + batch.schema() + " does not begin with the rules' schema " + schema);
        }
    }

    /** The schema the rules were compiled against. */
    public ProfileSchema schema() {
        return schema;
    }

    /** The segments, highest priority first: the order in which they are tried. */
    public List<SegmentRule> segments() {
        return segments;
    }

    /**
     * Assigns every row of a batch to a segment.
     *
     * @param batch the profiles; its schema must begin with the rules' schema
     * @param now the clock's reading, {@code now} in the rules
     * @param into for each row, the index of its segment in {@link #segments()}, or -1 for none; at
     *     least {@code batch.rows()} long
     */
    public void assign(ProfileBatch batch, Instant now, int[] into) {
        checkBatch(schema, batch, now);
        if (into == null || into.length < batch.rows()) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "into must hold at least " + batch.rows() + " entries");
        }
        CompiledRule.Context c = new CompiledRule.Context(stringSlots);
        c.bind(batch, now.toEpochMilli());
        CompiledRule[] rs = rules;
        for (int r = 0, rows = batch.rows(); r < rows; r++) {
            c.row(r);
            int found = -1;
            for (int i = 0; i < rs.length; i++) {
                if (rs[i].truth(c) == CompiledRule.TRUE) {
                    found = i;
                    break;
                }
            }
            into[r] = found;
        }
    }

    /**
     * The segment of one row.
     *
     * @param batch the profiles
     * @param row the row
     * @param now the clock's reading
     * @return the segment's name, or empty when no segment's condition is met
     */
    public Optional<String> segmentOf(ProfileBatch batch, int row, Instant now) {
        checkBatch(schema, batch, now);
        CompiledRule.Context c = new CompiledRule.Context(stringSlots);
        c.bind(batch, now.toEpochMilli());
        c.row(row);
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].truth(c) == CompiledRule.TRUE) {
                return Optional.of(segments.get(i).name());
            }
        }
        return Optional.empty();
    }

    /**
     * The segment of one profile given as a map of field names to values (see {@link
     * ProfileBatch#set}); absent fields are missing.
     *
     * @param profile the profile
     * @param now the clock's reading
     * @return the segment's name, or empty
     */
    public Optional<String> segmentOf(Map<String, ?> profile, Instant now) {
        ProfileBatch one = schema.newBatch(1);
        one.setAll(0, null, profile);
        one.rows(1);
        return segmentOf(one, 0, now);
    }

    /**
     * Counts the rows of each segment.
     *
     * @param assigned the output of {@link #assign}
     * @param rows how many entries count
     * @return each segment's count, highest priority first, then {@code ""} for rows in none
     */
    public Map<String, Long> counts(int[] assigned, int rows) {
        long[] n = new long[segments.size() + 1];
        for (int r = 0; r < rows; r++) {
            n[assigned[r] + 1]++;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            out.put(segments.get(i).name(), n[i + 1]);
        }
        out.put("", n[0]);
        return out;
    }
}
