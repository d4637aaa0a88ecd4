package io.remotebank.segmentation.pmml;

import static io.remotebank.segmentation.pmml.Models.load;
import static io.remotebank.segmentation.pmml.Models.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.BatchResult;
import io.remotebank.segmentation.model.ColumnarBatch;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.FieldType;
import io.remotebank.segmentation.model.InputField;
import io.remotebank.segmentation.model.InputRecord;
import io.remotebank.segmentation.model.OutputFeature;
import io.remotebank.segmentation.model.OutputField;
import io.remotebank.segmentation.model.RecordScorer;
import io.remotebank.segmentation.model.Result;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The evaluator's entry points: maps, input records, Java records, columnar batches, many threads. */
class EvaluatorApiTest {

    private final Evaluator scorecard = load("sample-scorecard.pmml");

    /** A customer as an application holds it. */
    record Applicant(String department, int age, double income, String unrelated) {}

    @Test
    void describesItsInputsAndOutputs() {
        assertThat(scorecard.modelName()).isEqualTo("SampleScorecard");
        assertThat(scorecard.classification()).isFalse();
        assertThat(scorecard.inputs())
                .containsExactly(
                        new InputField("department", FieldType.STRING, 0),
                        new InputField("age", FieldType.NUMBER, 1),
                        new InputField("income", FieldType.NUMBER, 2));
        assertThat(scorecard.outputs())
                .extracting(OutputField::name, OutputField::feature)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Final Score", OutputFeature.PREDICTED_VALUE),
                        org.assertj.core.groups.Tuple.tuple("Reason Code 1", OutputFeature.REASON_CODE),
                        org.assertj.core.groups.Tuple.tuple("Reason Code 2", OutputFeature.REASON_CODE),
                        org.assertj.core.groups.Tuple.tuple("Reason Code 3", OutputFeature.REASON_CODE));
        assertThat(scorecard.toString()).contains("Scorecard", "SampleScorecard");
    }

    @Test
    void result_isReusedAndReadsEveryWay() {
        Result r = scorecard.newResult();
        scorecard.score(record("department", "engineering", "age", 25, "income", 500.0), r);
        assertThat(r.size()).isEqualTo(4);
        assertThat(r.number(r.indexOf("Final Score"))).isEqualTo(29.0);
        assertThat(r.text(0)).isEqualTo("29");
        assertThat(r.value(1)).isEqualTo("RC2");
        assertThat(r.isMissing(3)).isTrue();
        assertThat(r.value(3)).isNull();
        assertThat(r.indexOf("nope")).isEqualTo(-1);
        assertThat(r.toMap()).containsOnlyKeys("Final Score", "Reason Code 1", "Reason Code 2");
        assertThat(r.toString()).contains("Final Score");

        scorecard.score(record("department", "business", "age", 45, "income", 3000), r);
        assertThat(r.number(0)).isEqualTo(21.0);
        assertThat(r.text(3)).isEqualTo("RC2");
    }

    @Test
    void inputRecord_byIndexAndByName() {
        InputRecord in = scorecard.newRecord();
        Result r = scorecard.newResult();
        in.set(0, "engineering").set(1, 25).set("income", 500);
        scorecard.score(in, r);
        assertThat(r.number(0)).isEqualTo(29.0);
        in.set(1, "35");
        scorecard.score(in, r);
        assertThat(r.number(0)).isEqualTo(41.0);
        in.clear();
        scorecard.score(in, r);
        assertThat(r.number(0)).isEqualTo(-7.0);
        assertThat(in.toString()).doesNotContain("engineering");
        assertThatThrownBy(() -> in.set("nope", 1)).isInstanceOf(SegmentationException.class);
    }

    @Test
    void javaRecords_areBoundByComponentName() {
        RecordScorer<Applicant> applicants = scorecard.recordScorer(Applicant.class, MethodHandles.lookup());
        Result r = scorecard.newResult();
        applicants.score(new Applicant("engineering", 25, 500, "x"), r);
        assertThat(r.toMap()).containsEntry("Final Score", 29.0).containsEntry("Reason Code 1", "RC2");
        applicants.score(new Applicant(null, 45, 3000, null), r);
        // department missing: -9 + 18 - 3 = 6
        assertThat(r.number(0)).isEqualTo(6.0);
    }

    @Test
    void objectsOfAnotherEvaluator_areRefused() {
        Evaluator other = load("sample-scorecard.pmml");
        assertThatThrownBy(() -> scorecard.score(Map.of(), other.newResult()))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("not created by this evaluator");
        assertThatThrownBy(() -> scorecard.score(other.newRecord(), scorecard.newResult()))
                .isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> scorecard.score((Map<String, ?>) null, scorecard.newResult()))
                .isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> scorecard.score(other.newBatch(1), scorecard.newBatchResult(1)))
                .isInstanceOf(SegmentationException.class);
        assertThatThrownBy(() -> scorecard.newBatch(0)).hasMessageContaining("capacity");
    }

    @Test
    void columnarBatch_scoresEveryRow_andMarksTheFailedOnes() {
        ColumnarBatch batch = scorecard.newBatch(4);
        String[] department = batch.texts(0);
        double[] age = batch.numbers(1);
        double[] income = batch.numbers(2);
        department[0] = "engineering";
        age[0] = 25;
        income[0] = 500;
        department[1] = "sales"; // no attribute matches: this row fails
        age[1] = 30;
        income[1] = 10;
        department[2] = null;
        age[2] = Double.NaN;
        income[2] = Double.NaN;
        batch.rows(3);
        BatchResult out = scorecard.newBatchResult(4);
        scorecard.score(batch, out);
        assertThat(out.rows()).isEqualTo(3);
        assertThat(out.numbers(0)).startsWith(29.0);
        assertThat(out.texts(1)[0]).isEqualTo("RC2");
        assertThat(out.failed(1)).isTrue();
        assertThat(out.error(1)).get().asString().contains("departmentScore");
        assertThat(Double.isNaN(out.numbers(0)[1])).isTrue();
        assertThat(out.failed(2)).isFalse();
        assertThat(out.error(2)).isEmpty();
        assertThat(out.numbers(0)[2]).isEqualTo(-7.0);
        assertThat(out.texts(0)).isNull();
        assertThatThrownBy(() -> batch.numbers(0)).hasMessageContaining("texts(0)");
        assertThatThrownBy(() -> batch.texts(1)).hasMessageContaining("numbers(1)");
        assertThatThrownBy(() -> batch.rows(5)).hasMessageContaining("0 to 4");
        ColumnarBatch big = scorecard.newBatch(8);
        big.rows(8);
        assertThatThrownBy(() -> scorecard.score(big, out)).hasMessageContaining("holds 4");
    }

    @Test
    void manyThreads_oneEvaluator_sameResultsAsOneThread() throws Exception {
        Random random = new Random(1);
        List<Map<String, Object>> records = new ArrayList<>();
        String[] departments = {"engineering", "marketing", "business", null};
        for (int i = 0; i < 20_000; i++) {
            records.add(record(
                    "department",
                    departments[random.nextInt(4)],
                    "age",
                    random.nextInt(60) + 10,
                    "income",
                    random.nextDouble() * 4000));
        }
        double[] expected = new double[records.size()];
        Result single = scorecard.newResult();
        for (int i = 0; i < expected.length; i++) {
            scorecard.score(records.get(i), single);
            expected[i] = single.number(0) * 1000 + single.number(1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    Result r = scorecard.newResult();
                    double[] got = new double[records.size()];
                    for (int i = 0; i < got.length; i++) {
                        scorecard.score(records.get(i), r);
                        got[i] = r.number(0) * 1000 + r.number(1);
                    }
                    return got;
                }));
            }
            for (Future<double[]> f : futures) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidValue_returnInvalid_failsTheRecordWithoutEchoingIt() {
        Evaluator regression = load("linear-regression.pmml");
        assertThatThrownBy(() -> regression.score(record("age", "13800138000x", "salary", 1, "car_location", "street")))
                .isInstanceOf(SegmentationException.class)
                .satisfies(
                        e -> assertThat(((SegmentationException) e).code()).isEqualTo(SegmentationError.RECORD_INVALID))
                .hasMessageNotContaining("13800138000");
    }
}
