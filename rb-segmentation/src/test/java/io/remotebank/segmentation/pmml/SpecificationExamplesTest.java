package io.remotebank.segmentation.pmml;

import static io.remotebank.segmentation.pmml.Models.load;
import static io.remotebank.segmentation.pmml.Models.parse;
import static io.remotebank.segmentation.pmml.Models.record;
import static io.remotebank.segmentation.pmml.Models.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.ModelType;
import io.remotebank.segmentation.model.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of the PMML 4.4 specification (Data Mining Group, http://dmg.org/pmml/v4-4/), one per
 * model type, scored on inputs whose results follow from the specification's scoring procedure. The
 * expected values are worked out by hand in the comments; the cross-check against jpmml-evaluator
 * (rb-benchmarks, ScoringCrossCheckTest) covers random inputs.
 */
class SpecificationExamplesTest {

    // Source: PMML 4.4 "Scorecard", the example scorecard (department, age, income; pointsBelow;
    // baselines 19, 18, 10). Reason code points = baseline - partial score; negative totals are dropped;
    // ties keep the order of the characteristics.
    @ParameterizedTest(name = "department={0} age={1} income={2}")
    @CsvSource({
        // 3 + 0 + 26 = 29; points RC1 16, RC2 18, RC3 -16 (dropped)
        "engineering, 25, 500, 29, RC2, RC1, ",
        // 6 + 18 - 3 = 21; points RC1 13, RC2 0, RC3 13 (tie: RC1 first)
        "business, 45, 3000, 21, RC1, RC3, RC2",
        // 19 - 3 + 5 = 21; points RC1 0, RC2 21, RC3 5
        "marketing, 18, 1500, 21, RC2, RC3, RC1",
        // all missing: -9 - 1 + 3 = -7; points RC1 28, RC2 19, RC3 7
        ", , , -7, RC1, RC2, RC3",
        // 3 + 12 + 26 = 41; points RC1 16, RC2 6, RC3 -16 (dropped)
        "engineering, 35, 1000, 41, RC1, RC2, ",
    })
    void sampleScorecard_scoresAndRanksReasonCodes(
            String department, String age, String income, double score, String rc1, String rc2, String rc3) {
        Evaluator scorecard = load("sample-scorecard.pmml");
        assertThat(scorecard.modelType()).isEqualTo(ModelType.SCORECARD);
        Map<String, Object> out = scorecard.score(record("department", department, "age", age, "income", income));
        assertThat((Double) out.get("Final Score")).isCloseTo(score, within(1e-12));
        assertThat(out.get("Reason Code 1")).isEqualTo(rc1);
        assertThat(out.get("Reason Code 2")).isEqualTo(rc2);
        assertThat(out.get("Reason Code 3")).isEqualTo(rc3);
    }

    @Test
    void sampleScorecard_withPointsAbove_ranksTheOtherWay() {
        // pointsAbove: points = partial - baseline. engineering/25/500: RC1 -16, RC2 -18, RC3 16.
        Evaluator scorecard = parse(text("sample-scorecard.pmml").replace("pointsBelow", "pointsAbove"));
        Map<String, Object> out = scorecard.score(record("department", "engineering", "age", 25, "income", 500.0));
        assertThat(out).containsEntry("Final Score", 29.0).containsEntry("Reason Code 1", "RC3");
        assertThat(out).doesNotContainKeys("Reason Code 2", "Reason Code 3");
    }

    @Test
    void sampleScorecard_invalidValueTreatedAsMissing() {
        // invalidValueTreatment="asMissing": age 25.5 is not an integer, so it is missing (-1).
        Map<String, Object> out =
                load("sample-scorecard.pmml").score(record("department", "engineering", "age", "25.5", "income", 500));
        assertThat(out).containsEntry("Final Score", 28.0);
    }

    @Test
    void sampleScorecard_noMatchingAttribute_isAnError() {
        // PMML 4.4 Scorecard: if no Attribute of a Characteristic is TRUE, the result is invalid.
        Evaluator scorecard = load("sample-scorecard.pmml");
        assertThatThrownBy(() -> scorecard.score(record("department", "sales", "age", 30, "income", 10)))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("departmentScore")
                .extracting(e -> ((SegmentationException) e).code())
                .isEqualTo(SegmentationError.NO_RESULT);
    }

    @Test
    void complexPartialScore_isComputedFromTheExpression() {
        // PMML 4.4 Scorecard, ComplexPartialScore: the partial score is the expression's value.
        // income 2000 in (1000, 2500]: 0.03 * 2000 + 11 = 71; total 3 + 0 + 71 = 74.
        String xml = text("sample-scorecard.pmml")
                .replace(
                        "<Attribute partialScore=\"5\">\n          <CompoundPredicate booleanOperator=\"and\">\n"
                                + "            <SimplePredicate field=\"income\" operator=\"greaterThan\" value=\"1000\"/>",
                        "<Attribute reasonCode=\"RC3_2\"><ComplexPartialScore><Apply function=\"+\"><Apply function=\"*\">"
                                + "<FieldRef field=\"income\"/><Constant>0.03</Constant></Apply><Constant>11</Constant>"
                                + "</Apply></ComplexPartialScore>\n          <CompoundPredicate booleanOperator=\"and\">\n"
                                + "            <SimplePredicate field=\"income\" operator=\"greaterThan\" value=\"1000\"/>");
        Map<String, Object> out = parse(xml).score(record("department", "engineering", "age", 25, "income", 2000));
        assertThat((Double) out.get("Final Score")).isCloseTo(74, within(1e-9));
        // Points: RC1 16, RC2 18, RC3_2 10 - 71 = -61 (dropped).
        assertThat(out).containsEntry("Reason Code 1", "RC2").containsEntry("Reason Code 2", "RC1");
    }

    // Source: PMML 4.4 "Regression", the linear regression example:
    // number_of_claims = 132.37 + 7.1 age + 0.01 salary + 41.1 [carpark] + 325.03 [street].
    @ParameterizedTest(name = "age={0} salary={1} car_location={2}")
    @CsvSource({
        "20, 10000, street, 699.40", // 132.37 + 142 + 100 + 325.03
        "35, 25000, carpark, 671.97", // 132.37 + 248.5 + 250 + 41.1
        "0, 0, street, 457.40", // 132.37 + 325.03
    })
    void linearRegression_matchesTheFormula(double age, double salary, String location, double expected) {
        Evaluator regression = load("linear-regression.pmml");
        Result r = regression.newResult();
        regression.score(record("age", age, "salary", salary, "car_location", location), r);
        assertThat(r.number(r.indexOf("number_of_claims"))).isCloseTo(expected, within(1e-9));
    }

    @Test
    void linearRegression_missingInput_givesNoPrediction() {
        Evaluator regression = load("linear-regression.pmml");
        Result r = regression.newResult();
        regression.score(record("age", 20, "car_location", "street"), r);
        assertThat(r.isMissing(0)).isTrue();
        assertThat(r.text(0)).isNull();
    }

    @Test
    void linearRegression_unknownCategory_isInvalid() {
        // car_location declares its valid values; the default invalidValueTreatment is returnInvalid.
        Evaluator regression = load("linear-regression.pmml");
        assertThatThrownBy(() -> regression.score(record("age", 20, "salary", 1, "car_location", "garage")))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("car_location")
                .hasMessageNotContaining("garage");
    }

    // Source: PMML 4.4 "TreeModel", the 'golfing' example (missingValueStrategy none,
    // noTrueChildStrategy returnNullPrediction by default).
    @ParameterizedTest(name = "outlook={0} temperature={1} humidity={2} windy={3}")
    @CsvSource({
        "sunny, 75, 60, false, will play, 4",
        "sunny, 75, 85, false, no play, 5",
        "sunny, 95, 50, true, no play, 6",
        "overcast, 70, 60, false, may play, 8",
        "rain, 70, 60, false, no play, 9",
        // node 7 matches but none of its children: the null prediction
        "overcast, 70, 80, true, , ",
        // outlook missing: both children of the root are UNKNOWN, i.e. FALSE under 'none'
        ", 70, 60, false, , ",
    })
    void golfingTree_followsTheFirstTrueChild(
            String outlook, double temperature, double humidity, String windy, String decision, String node) {
        Map<String, Object> out = load("golfing-tree.pmml")
                .score(record("outlook", outlook, "temperature", temperature, "humidity", humidity, "windy", windy));
        assertThat(out.get("decision")).isEqualTo(decision);
        assertThat(out.get("node")).isEqualTo(node);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // returnLastPrediction: node 7 has no TRUE child, so its own score stands
        "noTrueChildStrategy=\"returnLastPrediction\", overcast, 80, may play, 7",
        // lastPrediction: outlook is missing at the root's children, so the root's score
        "missingValueStrategy=\"lastPrediction\", , 60, will play, 1",
        "missingValueStrategy=\"nullPrediction\", , 60, , ",
    })
    void golfingTree_strategies(String attribute, String outlook, double humidity, String decision, String node) {
        Evaluator tree = parse(text("golfing-tree.pmml")
                .replace("functionName=\"classification\"", "functionName=\"classification\" " + attribute));
        Map<String, Object> out =
                tree.score(record("outlook", outlook, "temperature", 70, "humidity", humidity, "windy", "true"));
        assertThat(out.get("decision")).isEqualTo(decision);
        assertThat(out.get("node")).isEqualTo(node);
    }

    @Test
    void golfingTree_defaultChild_followsTheNamedChild() {
        // defaultChild: on a missing value, continue with the child the node names (here node 7).
        Evaluator tree = parse(text("golfing-tree.pmml")
                .replace(
                        "functionName=\"classification\"",
                        "functionName=\"classification\" missingValueStrategy=\"defaultChild\"")
                .replace(
                        "<Node id=\"1\" score=\"will play\">",
                        "<Node id=\"1\" score=\"will play\" defaultChild=\"7\">"));
        Map<String, Object> out = tree.score(record("temperature", 70, "humidity", 60, "windy", "false"));
        // At node 7 the first child's predicate is UNKNOWN (outlook) and node 7 names no default: its score.
        assertThat(out).containsEntry("decision", "may play").containsEntry("node", "7");
    }
}
