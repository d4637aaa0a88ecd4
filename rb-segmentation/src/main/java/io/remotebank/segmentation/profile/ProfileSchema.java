package io.remotebank.segmentation.profile;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The typed fields of a customer profile, declared once and used by rules, models and batches.
 * Immutable. A profile also has an id (the first CSV column), which is not a field.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProfileSchema {

    /** The most fields a schema holds. */
    public static final int MAX_FIELDS = 10_000;

    private final List<ProfileField> fields;
    private final Map<String, Integer> index;

    private ProfileSchema(List<ProfileField> fields) {
        if (fields.size() > MAX_FIELDS) {
            throw new SegmentationException(
                    SegmentationError.SCHEMA_INVALID, "a schema holds at most " + MAX_FIELDS + " fields");
        }
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (byName.putIfAbsent(fields.get(i).name(), i) != null) {
                throw new SegmentationException(
                        SegmentationError.SCHEMA_INVALID,
                        "field '" + fields.get(i).name() + "' is declared twice");
            }
        }
        this.fields = List.copyOf(fields);
        this.index = Map.copyOf(byName);
    }

    /**
     * A schema of the given fields, in order.
     *
     * @param fields the fields
     * @return the schema
     */
    public static ProfileSchema of(List<ProfileField> fields) {
        if (fields == null || fields.stream().anyMatch(java.util.Objects::isNull)) {
            throw new SegmentationException(SegmentationError.SCHEMA_INVALID, "fields must not be or hold null");
        }
        return new ProfileSchema(fields);
    }

    /**
     * A schema from field names to type names as a schema file gives them, e.g. {@code {aum: double,
     * opened: date, products: list<string>}}; the map's iteration order is the fields' order.
     *
     * @param types the field types by name
     * @return the schema
     * @throws SegmentationException with {@link SegmentationError#SCHEMA_INVALID} naming the field
     */
    public static ProfileSchema parse(Map<String, String> types) {
        if (types == null) {
            throw new SegmentationException(SegmentationError.SCHEMA_INVALID, "the schema has no fields");
        }
        List<ProfileField> fields = new ArrayList<>();
        for (Map.Entry<String, String> e : types.entrySet()) {
            ProfileType type;
            try {
                type = ProfileType.parse(e.getValue());
            } catch (SegmentationException x) {
                throw new SegmentationException(
                        SegmentationError.SCHEMA_INVALID, "field '" + e.getKey() + "': " + x.getMessage());
            }
            fields.add(new ProfileField(e.getKey(), type));
        }
        return new ProfileSchema(fields);
    }

    /** A builder of a schema. */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /**
     * This schema with more fields after its own, e.g. the scores RFM adds.
     *
     * @param more the fields to add
     * @return the new schema
     */
    public ProfileSchema with(List<ProfileField> more) {
        List<ProfileField> all = new ArrayList<>(fields);
        all.addAll(more);
        return of(all);
    }

    /** The fields, in order. */
    public List<ProfileField> fields() {
        return fields;
    }

    /** The number of fields. */
    public int size() {
        return fields.size();
    }

    /**
     * A field's position.
     *
     * @param name the field's name
     * @return its index, or -1
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /**
     * A field by name.
     *
     * @param name the name
     * @return the field, if declared
     */
    public Optional<ProfileField> field(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(fields.get(i));
    }

    /**
     * A field's position, which must exist.
     *
     * @param name the field's name
     * @param type the type it must have
     * @return its index
     * @throws SegmentationException with {@link SegmentationError#SCHEMA_INVALID} when it is absent or
     *     of another type
     */
    public int require(String name, ProfileType type) {
        int i = indexOf(name);
        if (i < 0) {
            throw new SegmentationException(SegmentationError.SCHEMA_INVALID, "the schema has no field '" + name + "'");
        }
        if (fields.get(i).type() != type) {
            throw new SegmentationException(
                    SegmentationError.SCHEMA_INVALID,
                    "field '" + name + "' is " + fields.get(i).type().schemaName() + ", expected " + type.schemaName());
        }
        return i;
    }

    /**
     * A new, empty batch over this schema.
     *
     * @param capacity the most rows, 1 to 1,000,000
     * @return the batch
     */
    public ProfileBatch newBatch(int capacity) {
        return new ProfileBatch(this, capacity);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileSchema && ((ProfileSchema) o).fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (ProfileField f : fields) {
            s.append(s.length() > 1 ? ", " : "")
                    .append(f.name())
                    .append(": ")
                    .append(f.type().schemaName());
        }
        return s.append('}').toString();
    }

    /** Builds a {@link ProfileSchema}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final List<ProfileField> fields;

        private Builder(List<ProfileField> start) {
            this.fields = new ArrayList<>(start);
        }

        /**
         * Adds a field.
         *
         * @param name its name
         * @param type its type
         * @return this builder
         */
        public Builder field(String name, ProfileType type) {
            fields.add(new ProfileField(name, type));
            return this;
        }

        /** The schema; fails when a name is used twice. */
        public ProfileSchema build() {
            return new ProfileSchema(fields);
        }
    }
}
