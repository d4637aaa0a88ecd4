package io.remotebank.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.Result;
import io.remotebank.segmentation.pmml.PmmlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cross-check against jpmml-evaluator (the AGPL reference evaluator, which therefore lives here, in
 * the unpublished rb-benchmarks, and never in a published module's class path): every model type
 * scored on random records (3% of values missing) by both evaluators must agree: identical
 * categories, reason codes and node ids, numbers equal within 1e-9 relative, and the same records
 * refused.
 */
class ScoringCrossCheckTest {

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({
        "sample-scorecard.pmml, 100000",
        "reason-code-scorecard.pmml, 100000",
        "logistic-regression-20.pmml, 100000",
        "mixed-regression.pmml, 20000",
        "multinomial-regression.pmml, 20000",
        "classification-tree.pmml, 100000",
        "gradient-boosting-100.pmml, 100000",
        "random-forest-25.pmml, 20000",
        "average-forest-15.pmml, 20000",
    })
    void remotebankAgreesWithJpmml(String model, int count) {
        String xml = ScoringModels.resource(model);
        Evaluator ours = PmmlReader.ofDefaults().parse(xml);
        Jpmml theirs = new Jpmml(xml);
        Result result = ours.newResult();
        List<String> disagreements = new ArrayList<>();
        int refused = 0;
        int compared = 0;
        List<Map<String, Object>> records = ScoringModels.records(model, count, model.hashCode());
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            Map<String, ?> expected;
            try {
                expected = theirs.score(record);
            } catch (RuntimeException e) {
                boolean alsoRefused;
                try {
                    ours.score(record, result);
                    alsoRefused = false;
                } catch (SegmentationException ours2) {
                    alsoRefused = true;
                }
                if (!alsoRefused) {
                    disagreements.add("record " + i + ": jpmml refused (" + e + "), we scored");
                }
                refused++;
                continue;
            }
            try {
                ours.score(record, result);
            } catch (SegmentationException e) {
                disagreements.add("record " + i + ": we refused (" + e.getMessage() + "), jpmml gave " + expected);
                continue;
            }
            for (int o = 0; o < result.size(); o++) {
                String name = ours.outputs().get(o).name();
                if (!expected.containsKey(name)) {
                    continue;
                }
                compared++;
                Object theirValue = expected.get(name);
                Object ourValue = result.value(o);
                if (!same(ourValue, theirValue)) {
                    disagreements.add(
                            "record " + i + " " + record + ": " + name + " ours=" + ourValue + " jpmml=" + theirValue);
                }
            }
            if (disagreements.size() > 20) {
                break;
            }
        }
        assertThat(disagreements).as(model).isEmpty();
        assertThat(compared).as("outputs compared").isGreaterThan(count);
        assertThat(refused).as("records refused by both").isLessThan(count / 2);
    }

    static boolean same(Object ours, Object theirs) {
        if (ours == null || theirs == null) {
            return ours == null && theirs == null;
        }
        if (theirs instanceof Number && ours instanceof Number) {
            double a = ((Number) ours).doubleValue();
            double b = ((Number) theirs).doubleValue();
            return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
        }
        return ours.toString().equals(theirs.toString());
    }
}
