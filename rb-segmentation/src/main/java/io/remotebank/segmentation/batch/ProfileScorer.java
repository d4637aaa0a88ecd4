package io.remotebank.segmentation.batch;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.BatchResult;
import io.remotebank.segmentation.model.ColumnarBatch;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.FieldType;
import io.remotebank.segmentation.model.InputField;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileField;
import io.remotebank.segmentation.profile.ProfileSchema;
import io.remotebank.segmentation.profile.ProfileType;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Scores profile batches with a compiled model (e.g. a PMML scorecard): each input field of the model
 * reads the profile field of the same name; numbers from {@code int}, {@code double}, {@code bool}
 * (0, 1), {@code date} (epoch day) and {@code timestamp} (epoch milliseconds) fields, strings from
 * {@code string} fields. A model input without a profile field is missing in every row. Immutable and
 * thread-safe; each thread scores through its own {@link Scratch}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProfileScorer {

    private final Evaluator evaluator;
    private final ProfileSchema schema;
    private final int[] fieldOfInput;

    private ProfileScorer(Evaluator evaluator, ProfileSchema schema, int[] fieldOfInput) {
        this.evaluator = evaluator;
        this.schema = schema;
        this.fieldOfInput = fieldOfInput;
    }

    /**
     * Binds a model to a schema.
     *
     * @param evaluator the model
     * @param schema the profiles' schema
     * @return the scorer
     * @throws SegmentationException with {@link SegmentationError#SCHEMA_INVALID} when a field's type
     *     does not fit its model input
     */
    public static ProfileScorer of(Evaluator evaluator, ProfileSchema schema) {
        int[] map = new int[evaluator.inputs().size()];
        for (InputField in : evaluator.inputs()) {
            int f = schema.indexOf(in.name());
            if (f >= 0) {
                ProfileType t = schema.fields().get(f).type();
                boolean fits = in.type() == FieldType.STRING ? t == ProfileType.STRING : t.numeric();
                if (!fits) {
                    throw new SegmentationException(
                            SegmentationError.SCHEMA_INVALID,
                            "model input '" + in.name() + "' is "
                                    + in.type().name().toLowerCase(java.util.Locale.ROOT) + " but the profile field is "
                                    + t.schemaName());
                }
            }
            map[in.index()] = f;
        }
        return new ProfileScorer(evaluator, schema, map);
    }

    /** The model. */
    public Evaluator evaluator() {
        return evaluator;
    }

    /** The model inputs that no profile field feeds. */
    public List<String> unboundInputs() {
        List<String> out = new ArrayList<>();
        for (InputField in : evaluator.inputs()) {
            if (fieldOfInput[in.index()] < 0) {
                out.add(in.name());
            }
        }
        return out;
    }

    /**
     * One thread's scratch columns.
     *
     * @param capacity the most rows of a batch it scores
     * @return the scratch
     */
    public Scratch newScratch(int capacity) {
        return new Scratch(evaluator.newBatch(capacity), evaluator.newBatchResult(capacity));
    }

    /**
     * Scores every row of a batch.
     *
     * @param batch the profiles (its schema must begin with the scorer's)
     * @param scratch this thread's scratch
     * @return the outputs, valid until the scratch's next use
     */
    public BatchResult score(ProfileBatch batch, Scratch scratch) {
        List<ProfileField> own = schema.fields();
        if (batch.schema().size() < own.size()
                || !batch.schema().fields().subList(0, own.size()).equals(own)) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the batch's schema does not begin with the scorer's");
        }
        int rows = batch.rows();
        ColumnarBatch in = scratch.in;
        if (rows > in.capacity()) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID,
                    "the batch has " + rows + " rows, the scratch holds " + in.capacity());
        }
        for (InputField f : evaluator.inputs()) {
            int p = fieldOfInput[f.index()];
            if (f.type() == FieldType.STRING) {
                String[] to = in.texts(f.index());
                if (p < 0) {
                    java.util.Arrays.fill(to, 0, rows, null);
                } else {
                    System.arraycopy(batch.texts(p), 0, to, 0, rows);
                }
            } else {
                double[] to = in.numbers(f.index());
                if (p < 0) {
                    java.util.Arrays.fill(to, 0, rows, Double.NaN);
                } else {
                    System.arraycopy(batch.numbers(p), 0, to, 0, rows);
                }
            }
        }
        in.rows(rows);
        evaluator.score(in, scratch.out);
        return scratch.out;
    }

    /** The columns one thread scores through. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Scratch {
        final ColumnarBatch in;
        final BatchResult out;

        Scratch(ColumnarBatch in, BatchResult out) {
            this.in = in;
            this.out = out;
        }
    }
}
