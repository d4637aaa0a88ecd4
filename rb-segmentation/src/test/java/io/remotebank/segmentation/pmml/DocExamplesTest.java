package io.remotebank.segmentation.pmml;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.BatchResult;
import io.remotebank.segmentation.model.ColumnarBatch;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.RecordScorer;
import io.remotebank.segmentation.model.Result;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of docs/rb-segmentation.md, compiled and run. */
class DocExamplesTest {

    /** An application's own customer type. */
    record Customer(String department, int age, double income) {}

    private static InputStream model() {
        return DocExamplesTest.class.getResourceAsStream("sample-scorecard.pmml");
    }

    @Test
    void readAndScoreAMap() throws Exception {
        try (InputStream pmml = model()) {
            // tag::read[]
            Evaluator scorecard = PmmlReader.ofDefaults().read(pmml); // parse and compile once
            Result result = scorecard.newResult(); // one per thread, reused for every record

            scorecard.score(Map.of("department", "engineering", "age", 25, "income", 500.0), result);
            double score = result.number(result.indexOf("Final Score")); // 29.0
            String reason = result.text(result.indexOf("Reason Code 1")); // "RC2"
            // end::read[]
            assertThat(score).isEqualTo(29.0);
            assertThat(reason).isEqualTo("RC2");
        }
    }

    @Test
    void scoreJavaRecords() throws Exception {
        try (InputStream pmml = model()) {
            Evaluator scorecard = PmmlReader.ofDefaults().read(pmml);
            // tag::records[]
            RecordScorer<Customer> customers = scorecard.recordScorer(Customer.class, MethodHandles.lookup());
            Result result = scorecard.newResult();
            customers.score(new Customer("business", 45, 3000), result);
            Map<String, Object> outputs = result.toMap(); // {Final Score=21.0, Reason Code 1=RC1, ...}
            // end::records[]
            assertThat(outputs).containsEntry("Final Score", 21.0).containsEntry("Reason Code 3", "RC2");
        }
    }

    @Test
    void scoreAColumnarBatch() throws Exception {
        try (InputStream pmml = model()) {
            Evaluator scorecard = PmmlReader.ofDefaults().read(pmml);
            // tag::batch[]
            ColumnarBatch batch = scorecard.newBatch(10_000);
            String[] department = batch.texts(0); // string fields: String[], null is missing
            double[] age = batch.numbers(1); // numeric fields: double[], NaN is missing
            double[] income = batch.numbers(2);
            department[0] = "marketing";
            age[0] = 18;
            income[0] = 1500;
            department[1] = "sales"; // matches no attribute: this row fails, the others do not
            batch.rows(2);

            BatchResult scores = scorecard.newBatchResult(10_000);
            scorecard.score(batch, scores);
            double first = scores.numbers(0)[0]; // 21.0
            boolean failed = scores.failed(1); // true; scores.error(1) says why
            // end::batch[]
            assertThat(first).isEqualTo(21.0);
            assertThat(failed).isTrue();
        }
    }

    @Test
    void refusedDocument() {
        boolean refused = false;
        // tag::refused[]
        try {
            PmmlReader.ofDefaults()
                    .parse("<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\">\n"
                            + "  <DataDictionary/>\n  <NeuralNetwork functionName=\"regression\"/>\n</PMML>");
        } catch (PmmlException e) {
            // segmentation.pmml.unsupported: <NeuralNetwork> at line 3: element <NeuralNetwork> is not supported ...
            assertThat(e.element()).isEqualTo("NeuralNetwork");
            assertThat(e.line()).isEqualTo(3);
            refused = true;
        }
        // end::refused[]
        assertThat(refused).isTrue();
        assertThat(SegmentationException.class).isAssignableFrom(PmmlException.class);
    }
}
