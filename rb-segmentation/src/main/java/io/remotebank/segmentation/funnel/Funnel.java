package io.remotebank.segmentation.funnel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A conversion funnel: ordered stages over a profile schema. A customer is counted at a stage only
 * when they reached it and every stage before it (a later event without an earlier one counts up to
 * the gap only), the cohort is the month of the first stage's event, and the time to convert is the
 * days between consecutive events. Immutable and thread-safe; counting is done by a {@link
 * FunnelCounter}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Funnel {

    /** The default stage names: card opened, bound, first deposit, first investment, retained. */
    public static final List<String> RETAIL_STAGES = List.of("开卡", "绑定", "入金", "投资", "留存");

    private final ProfileSchema schema;
    private final List<FunnelStage> stages;
    final int[] eventColumn;
    final boolean[] timestampColumn;

    private Funnel(ProfileSchema schema, List<FunnelStage> stages) {
        if (stages.size() < 2 || stages.size() > 50) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "a funnel has 2 to 50 stages, got " + stages.size());
        }
        if (stages.get(0).eventField().isEmpty()) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the first stage must be an event: its month is the cohort");
        }
        Set<String> names = new HashSet<>();
        eventColumn = new int[stages.size()];
        timestampColumn = new boolean[stages.size()];
        for (int i = 0; i < stages.size(); i++) {
            FunnelStage s = stages.get(i);
            if (!names.add(s.name())) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID, "stage '" + s.name() + "' appears twice");
            }
            eventColumn[i] = -1;
            if (s.eventField().isPresent()) {
                String field = s.eventField().get();
                int c = schema.indexOf(field);
                if (c < 0) {
                    throw new SegmentationException(
                            SegmentationError.SCHEMA_INVALID,
                            "stage '" + s.name() + "': the schema has no field '" + field + "'");
                }
                ProfileType t = schema.fields().get(c).type();
                if (t != ProfileType.DATE && t != ProfileType.TIMESTAMP) {
                    throw new SegmentationException(
                            SegmentationError.SCHEMA_INVALID,
                            "stage '" + s.name() + "': field '" + field + "' must be a date or timestamp, is "
                                    + t.schemaName());
                }
                eventColumn[i] = c;
                timestampColumn[i] = t == ProfileType.TIMESTAMP;
            } else if (!s.rule().get().schema().equals(schema)) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID,
                        "stage '" + s.name() + "': its rule was compiled against " + "another schema");
            }
        }
        this.schema = schema;
        this.stages = List.copyOf(stages);
    }

    /**
     * A funnel.
     *
     * @param schema the profiles' schema
     * @param stages the stages in order, the first an event
     * @return the funnel
     */
    public static Funnel of(ProfileSchema schema, List<FunnelStage> stages) {
        if (schema == null || stages == null) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "schema and stages are required");
        }
        return new Funnel(schema, new ArrayList<>(stages));
    }

    /**
     * The retail funnel 开卡 → 绑定 → 入金 → 投资 → 留存 from five event fields.
     *
     * @param schema the schema
     * @param fields the five fields in stage order, e.g. {@code opened, bound, deposited, invested,
     *     retained}
     * @return the funnel
     */
    public static Funnel retail(ProfileSchema schema, List<String> fields) {
        if (fields == null || fields.size() != RETAIL_STAGES.size()) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the retail funnel needs five fields, one per stage");
        }
        List<FunnelStage> stages = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            stages.add(FunnelStage.byEvent(RETAIL_STAGES.get(i), fields.get(i)));
        }
        return of(schema, stages);
    }

    /** The schema. */
    public ProfileSchema schema() {
        return schema;
    }

    /** The stages, in order. */
    public List<FunnelStage> stages() {
        return stages;
    }

    /** A new, empty counter. */
    public FunnelCounter newCounter() {
        return new FunnelCounter(this);
    }
}
