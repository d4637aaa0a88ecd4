package io.remotebank.segmentation.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.BatchResult;
import io.remotebank.segmentation.model.ColumnarBatch;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.FieldType;
import io.remotebank.segmentation.model.InputField;
import io.remotebank.segmentation.model.InputRecord;
import io.remotebank.segmentation.model.ModelType;
import io.remotebank.segmentation.model.OutputFeature;
import io.remotebank.segmentation.model.OutputField;
import io.remotebank.segmentation.model.RecordScorer;
import io.remotebank.segmentation.model.Result;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** The {@link Evaluator} of a compiled PMML model. */
@API(status = INTERNAL, since = "0.1")
public final class CompiledEvaluator implements Evaluator {

    final CompiledModel model;
    private final ModelType type;
    private final List<InputField> inputs;
    private final List<OutputField> outputs;
    final InputBinding[] bindings;
    final OutputPlan[] plans;
    final Map<String, Integer> inputIndex = new HashMap<>();
    final Map<String, Integer> outputIndex = new HashMap<>();

    private CompiledEvaluator(CompiledModel model) {
        this.model = model;
        this.type = switch (model.modelType) {
            case "Scorecard" -> ModelType.SCORECARD;
            case "RegressionModel" -> ModelType.REGRESSION;
            case "TreeModel" -> ModelType.TREE;
            default -> ModelType.ENSEMBLE;
        };
        this.bindings = model.inputs.toArray(new InputBinding[0]);
        this.plans = model.outputs.toArray(new OutputPlan[0]);
        List<InputField> in = new ArrayList<>();
        for (int i = 0; i < bindings.length; i++) {
            in.add(new InputField(bindings[i].name, fieldType(bindings[i].kind), i));
            inputIndex.put(bindings[i].name, i);
        }
        List<OutputField> out = new ArrayList<>();
        for (int i = 0; i < plans.length; i++) {
            OutputFeature feature = OutputFeature.values()[plans[i].feature];
            out.add(new OutputField(plans[i].name, feature, fieldType(plans[i].kind), i));
            outputIndex.putIfAbsent(plans[i].name, i);
        }
        this.inputs = List.copyOf(in);
        this.outputs = List.copyOf(out);
    }

    /**
     * Reads and compiles a PMML document.
     *
     * @param in the document
     * @param maxBytes the largest document
     * @param maxElements the most elements
     * @param maxDepth the deepest nesting
     * @param maxTextLength the longest text
     * @return the evaluator
     */
    public static Evaluator read(InputStream in, long maxBytes, int maxElements, int maxDepth, int maxTextLength) {
        XmlNode root = new SafeXmlReader(maxBytes, maxElements, maxDepth, maxTextLength).read(in);
        return new CompiledEvaluator(PmmlCompiler.compile(root));
    }

    static FieldType fieldType(Expr.Kind kind) {
        return switch (kind) {
            case STRING -> FieldType.STRING;
            case BOOLEAN -> FieldType.BOOLEAN;
            default -> FieldType.NUMBER;
        };
    }

    @Override
    public String modelName() {
        return model.modelName;
    }

    @Override
    public ModelType modelType() {
        return type;
    }

    @Override
    public boolean classification() {
        return model.functionName.equals("classification");
    }

    @Override
    public List<InputField> inputs() {
        return inputs;
    }

    @Override
    public List<OutputField> outputs() {
        return outputs;
    }

    @Override
    public Result newResult() {
        return new FrameResult(this, model.newFrame());
    }

    private FrameResult own(Result into) {
        if (!(into instanceof FrameResult) || ((FrameResult) into).evaluator != this) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the result was not created by this evaluator");
        }
        return (FrameResult) into;
    }

    @Override
    public void score(Map<String, ?> record, Result into) {
        if (record == null) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "record is null");
        }
        Frame f = own(into).frame;
        f.next();
        double[] v = f.v;
        for (InputBinding b : bindings) {
            v[b.slot] = b.bind(record.get(b.name));
        }
        model.score(f);
    }

    @Override
    public Map<String, Object> score(Map<String, ?> record) {
        Result r = newResult();
        score(record, r);
        return r.toMap();
    }

    @Override
    public InputRecord newRecord() {
        return new ArrayRecord(this);
    }

    @Override
    public void score(InputRecord record, Result into) {
        if (!(record instanceof ArrayRecord) || ((ArrayRecord) record).evaluator != this) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the record was not created by this evaluator");
        }
        ArrayRecord r = (ArrayRecord) record;
        Frame f = own(into).frame;
        f.next();
        double[] v = f.v;
        for (int i = 0; i < bindings.length; i++) {
            InputBinding b = bindings[i];
            v[b.slot] = r.texts[i] != null ? b.bindText(r.texts[i]) : b.bindNumber(r.numbers[i]);
        }
        model.score(f);
    }

    @Override
    public <R extends Record> RecordScorer<R> recordScorer(Class<R> recordType, MethodHandles.Lookup lookup) {
        return new RecordBinding<>(this, recordType, lookup);
    }

    @Override
    public ColumnarBatch newBatch(int capacity) {
        return new Columns.Batch(this, checkCapacity(capacity));
    }

    @Override
    public BatchResult newBatchResult(int capacity) {
        return new Columns.Outputs(this, checkCapacity(capacity));
    }

    private static int checkCapacity(int capacity) {
        if (capacity < 1 || capacity > 1_000_000) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "capacity must be 1 to 1000000, got " + capacity);
        }
        return capacity;
    }

    @Override
    public void score(ColumnarBatch batch, BatchResult into) {
        if (!(batch instanceof Columns.Batch) || ((Columns.Batch) batch).evaluator != this) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the batch was not created by this evaluator");
        }
        if (!(into instanceof Columns.Outputs) || ((Columns.Outputs) into).evaluator != this) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the batch result was not created by this evaluator");
        }
        Columns.score(this, (Columns.Batch) batch, (Columns.Outputs) into);
    }

    /** Scores whatever inputs are already bound in the frame. */
    void scoreBound(Frame f) {
        model.score(f);
    }

    @Override
    public String toString() {
        return "Evaluator[" + model.modelType + " '" + model.modelName + "', " + inputs.size() + " inputs, "
                + outputs.size() + " outputs]";
    }
}
