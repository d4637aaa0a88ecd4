package io.remotebank.segmentation.pmml;

import static io.remotebank.segmentation.pmml.Models.parse;
import static io.remotebank.segmentation.pmml.Models.pmml;
import static io.remotebank.segmentation.pmml.Models.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.Evaluator;
import io.remotebank.segmentation.model.ModelType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transformations, normalizations, targets, outputs and ensembles, each on a small model worked by hand. */
class ModelFeaturesTest {

    private static final String XY = "<DataField name=\"x\" dataType=\"double\" optype=\"continuous\"/>"
            + "<DataField name=\"y\" dataType=\"double\" optype=\"continuous\"/>";

    private static String regression(String attributes, String inside, String table) {
        return "<RegressionModel functionName=\"regression\" " + attributes + "><MiningSchema>"
                + "<MiningField name=\"x\"/><MiningField name=\"y\" usageType=\"target\"/></MiningSchema>" + inside
                + table + "</RegressionModel>";
    }

    private static double y(Evaluator e, Object x) {
        Object v = e.score(record("x", x)).get("y");
        return v == null ? Double.NaN : (Double) v;
    }

    // PMML 4.4 "Regression", normalizationMethod for a regression: y' = f(y).
    @ParameterizedTest(name = "{0}({1})")
    @CsvSource({
        "none, 0.5, 0.5",
        "logit, 0.5, 0.6224593312018546",
        "softmax, 0.5, 0.6224593312018546",
        "exp, 0.5, 1.6487212707001282",
        "probit, 1.0, 0.8413447460685429",
        "probit, -2.0, 0.02275013194817922",
        "probit, 0.3, 0.6179114221889526",
        "probit, 5.0, 0.9999997133484281",
        "cloglog, 0.5, 0.807704354452035",
        "loglog, 0.5, 0.545239211892605",
        "cauchit, 0.5, 0.6475836176504333",
    })
    void regressionNormalizations(String method, double x, double expected) {
        Evaluator e = parse(
                pmml(
                        XY,
                        regression(
                                "normalizationMethod=\"" + method + "\"",
                                "",
                                "<RegressionTable intercept=\"0\"><NumericPredictor name=\"x\" coefficient=\"1\"/></RegressionTable>")));
        assertThat(y(e, x)).isCloseTo(expected, within(1e-14));
    }

    @Test
    void targets_clampRescaleCastAndDefault() {
        // y = 2x, clamped to [0, 10], times 3 plus 1, rounded; missing x: the TargetValue default.
        Evaluator e = parse(
                pmml(
                        XY,
                        regression(
                                "",
                                "<Targets><Target field=\"y\" min=\"0\" max=\"10\" rescaleFactor=\"3\""
                                        + " rescaleConstant=\"1\" castInteger=\"round\"><TargetValue defaultValue=\"-1\"/></Target></Targets>",
                                "<RegressionTable intercept=\"0\"><NumericPredictor name=\"x\" coefficient=\"2\"/></RegressionTable>")));
        assertThat(y(e, 1.2)).isEqualTo(Math.round(2.4 * 3 + 1));
        assertThat(y(e, 100)).isEqualTo(31.0);
        assertThat(y(e, -5)).isEqualTo(1.0);
        assertThat(y(e, null)).isEqualTo(-1.0);
    }

    @Test
    void transformations_normContinuous_discretize_mapValues_apply() {
        String dd = XY + "<DataField name=\"c\" dataType=\"string\" optype=\"categorical\"/>"
                + "<DataField name=\"k\" dataType=\"integer\" optype=\"categorical\"/>";
        String derived = "<LocalTransformations>"
                + "<DerivedField name=\"n\" dataType=\"double\" optype=\"continuous\"><NormContinuous field=\"x\" outliers=\"asMissingValues\">"
                + "<LinearNorm orig=\"0\" norm=\"0\"/><LinearNorm orig=\"10\" norm=\"1\"/></NormContinuous></DerivedField>"
                + "<DerivedField name=\"b\" dataType=\"string\" optype=\"categorical\"><Discretize field=\"x\" defaultValue=\"other\">"
                + "<DiscretizeBin binValue=\"low\"><Interval closure=\"closedOpen\" leftMargin=\"0\" rightMargin=\"5\"/></DiscretizeBin>"
                + "</Discretize></DerivedField>"
                + "<DerivedField name=\"m\" dataType=\"double\" optype=\"continuous\"><MapValues outputColumn=\"o\" defaultValue=\"0\" mapMissingTo=\"-100\">"
                + "<FieldColumnPair field=\"c\" column=\"c\"/><FieldColumnPair field=\"k\" column=\"k\"/><InlineTable>"
                + "<row><c>a</c><k>1</k><o>10</o></row><row><c>a</c><k>2</k><o>20</o></row><row><c>b</c><k>1</k><o>30</o></row>"
                + "</InlineTable></MapValues></DerivedField>"
                + "<DerivedField name=\"d\" dataType=\"double\" optype=\"continuous\"><NormDiscrete field=\"c\" value=\"b\" mapMissingTo=\"0.5\"/></DerivedField>"
                + "<DerivedField name=\"f\" dataType=\"double\" optype=\"continuous\"><Apply function=\"if\">"
                + "<Apply function=\"and\"><Apply function=\"greaterOrEqual\"><FieldRef field=\"x\"/><Constant>2</Constant></Apply>"
                + "<Apply function=\"not\"><Apply function=\"isMissing\"><FieldRef field=\"c\"/></Apply></Apply></Apply>"
                + "<Apply function=\"max\"><Apply function=\"pow\"><FieldRef field=\"x\"/><Constant>2</Constant></Apply>"
                + "<Apply function=\"sqrt\"><Constant>49</Constant></Apply><Apply function=\"avg\"><Constant>1</Constant><Constant>3</Constant><Constant>5</Constant></Apply></Apply>"
                + "<Apply function=\"floor\"><Apply function=\"log10\"><Constant>999</Constant></Apply></Apply></Apply></DerivedField>"
                + "</LocalTransformations>";
        String model =
                "<RegressionModel functionName=\"regression\"><MiningSchema><MiningField name=\"x\"/><MiningField name=\"c\"/>"
                        + "<MiningField name=\"k\"/><MiningField name=\"y\" usageType=\"target\"/></MiningSchema>"
                        + "<Output><OutputField name=\"y\" feature=\"predictedValue\"/>"
                        + "<OutputField name=\"n\" feature=\"transformedValue\"><FieldRef field=\"n\"/></OutputField>"
                        + "<OutputField name=\"b\" feature=\"transformedValue\" dataType=\"string\"><FieldRef field=\"b\"/></OutputField>"
                        + "<OutputField name=\"m\" feature=\"transformedValue\"><FieldRef field=\"m\"/></OutputField>"
                        + "<OutputField name=\"d\" feature=\"transformedValue\"><FieldRef field=\"d\"/></OutputField>"
                        + "<OutputField name=\"f\" feature=\"transformedValue\"><FieldRef field=\"f\"/></OutputField>"
                        + "<OutputField name=\"twice\" feature=\"transformedValue\"><Apply function=\"*\"><FieldRef field=\"y\"/><Constant>2</Constant></Apply></OutputField>"
                        + "</Output>" + derived
                        + "<RegressionTable intercept=\"1\"><NumericPredictor name=\"f\" coefficient=\"1\"/></RegressionTable></RegressionModel>";
        Evaluator e = parse(pmml(dd, model));
        Map<String, Object> out = e.score(record("x", 4.0, "c", "a", "k", 2));
        assertThat(out)
                .containsEntry("n", 0.4)
                .containsEntry("b", "low")
                .containsEntry("m", 20.0)
                .containsEntry("d", 0.0);
        assertThat(out).containsEntry("f", 16.0).containsEntry("y", 17.0).containsEntry("twice", 34.0);
        out = e.score(record("x", 12.0, "c", "b", "k", 1));
        // n: outside [0, 10] with asMissingValues; b: no bin, the default; f: 144
        assertThat(out)
                .doesNotContainKey("n")
                .containsEntry("b", "other")
                .containsEntry("m", 30.0)
                .containsEntry("d", 1.0);
        assertThat(out).containsEntry("f", 144.0);
        out = e.score(record("x", 1.0, "k", 5));
        // c missing: m mapMissingTo, d mapMissingTo, f takes the else branch: floor(log10(999)) = 2
        assertThat(out)
                .containsEntry("m", -100.0)
                .containsEntry("d", 0.5)
                .containsEntry("f", 2.0)
                .containsEntry("y", 3.0);
        out = e.score(record("x", 1.0, "c", "z", "k", 5));
        assertThat(out).containsEntry("m", 0.0);
    }

    @Test
    void apply_invalidResult_failsTheRecordOrBecomesMissing() {
        String body = "<LocalTransformations><DerivedField name=\"q\" dataType=\"double\" optype=\"continuous\">"
                + "<Apply function=\"/\" %s><Constant>1</Constant><FieldRef field=\"x\"/></Apply></DerivedField></LocalTransformations>";
        String table =
                "<RegressionTable intercept=\"0\"><NumericPredictor name=\"q\" coefficient=\"1\"/></RegressionTable>";
        Evaluator strict = parse(pmml(XY, regression("", String.format(body, ""), table)));
        assertThat(y(strict, 4)).isEqualTo(0.25);
        assertThatThrownBy(() -> y(strict, 0))
                .isInstanceOf(SegmentationException.class)
                .hasMessageContaining("'/'");
        Evaluator lenient =
                parse(pmml(XY, regression("", String.format(body, "invalidValueTreatment=\"asMissing\""), table)));
        assertThat(y(lenient, 0)).isNaN();
    }

    @Test
    void miningSchema_treatments() {
        String dd =
                "<DataField name=\"x\" dataType=\"double\" optype=\"continuous\"><Interval closure=\"closedClosed\" leftMargin=\"0\" rightMargin=\"100\"/>"
                        + "<Value value=\"-999\" property=\"missing\"/></DataField><DataField name=\"y\" dataType=\"double\" optype=\"continuous\"/>";
        String table =
                "<RegressionTable intercept=\"0\"><NumericPredictor name=\"x\" coefficient=\"1\"/></RegressionTable>";
        String model = "<RegressionModel functionName=\"regression\"><MiningSchema><MiningField name=\"x\" %s/>"
                + "<MiningField name=\"y\" usageType=\"target\"/></MiningSchema>" + table + "</RegressionModel>";
        Evaluator asValue = parse(pmml(
                dd,
                String.format(
                        model,
                        "invalidValueTreatment=\"asValue\" invalidValueReplacement=\"50\" missingValueReplacement=\"7\""
                                + " outliers=\"asExtremeValues\" lowValue=\"10\" highValue=\"90\"")));
        assertThat(y(asValue, 200)).isEqualTo(50.0);
        assertThat(y(asValue, -999)).isEqualTo(7.0);
        assertThat(y(asValue, null)).isEqualTo(7.0);
        assertThat(y(asValue, "abc")).isEqualTo(50.0);
        assertThat(y(asValue, 5)).isEqualTo(10.0);
        assertThat(y(asValue, 95)).isEqualTo(90.0);
        Evaluator asIs = parse(
                pmml(
                        dd,
                        String.format(
                                model,
                                "invalidValueTreatment=\"asIs\" outliers=\"asMissingValues\" lowValue=\"10\" highValue=\"90\"")));
        assertThat(y(asIs, 200)).isEqualTo(200.0);
        assertThat(y(asIs, 5)).isNaN();
        Evaluator strict = parse(pmml(dd, String.format(model, "")));
        assertThatThrownBy(() -> y(strict, 101)).isInstanceOf(SegmentationException.class);
    }

    private static String tree(String id, String fieldValue, String score) {
        return "<TreeModel functionName=\"classification\"><MiningSchema><MiningField name=\"x\"/>"
                + "<MiningField name=\"t\" usageType=\"target\"/></MiningSchema>"
                + "<Node score=\"no\"><True/>"
                + "<Node id=\"" + id + "\" score=\"" + score
                + "\"><SimplePredicate field=\"x\" operator=\"greaterThan\" value=\"" + fieldValue + "\"/>"
                + "<ScoreDistribution value=\"yes\" recordCount=\"" + (score.equals("yes") ? 3 : 1) + "\"/>"
                + "<ScoreDistribution value=\"no\" recordCount=\"" + (score.equals("yes") ? 1 : 3) + "\"/></Node>"
                + "<Node score=\"no\"><True/><ScoreDistribution value=\"yes\" recordCount=\"0\"/><ScoreDistribution value=\"no\" recordCount=\"4\"/></Node>"
                + "</Node></TreeModel>";
    }

    private static Evaluator ensemble(String method) {
        String dd =
                "<DataField name=\"x\" dataType=\"double\" optype=\"continuous\"/><DataField name=\"t\" dataType=\"string\" optype=\"categorical\">"
                        + "<Value value=\"yes\"/><Value value=\"no\"/></DataField>";
        return parse(pmml(
                dd,
                "<MiningModel functionName=\"classification\"><MiningSchema><MiningField name=\"x\"/>"
                        + "<MiningField name=\"t\" usageType=\"target\"/></MiningSchema><Output>"
                        + "<OutputField name=\"t\" feature=\"predictedValue\"/><OutputField name=\"p\" feature=\"probability\" value=\"yes\"/>"
                        + "<OutputField name=\"node\" feature=\"entityId\"/></Output>"
                        + "<Segmentation multipleModelMethod=\"" + method + "\">"
                        + "<Segment weight=\"1\"><True/>" + tree("a", "1", "yes") + "</Segment>"
                        + "<Segment weight=\"2\"><True/>" + tree("b", "2", "yes") + "</Segment>"
                        + "<Segment weight=\"4\"><SimplePredicate field=\"x\" operator=\"lessThan\" value=\"10\"/>"
                        + tree("c", "3", "yes") + "</Segment>"
                        + "</Segmentation></MiningModel>"));
    }

    // PMML 4.4 "Multiple Models": majority votes, (weighted) averages of probabilities, selectFirst.
    @ParameterizedTest(name = "{0} x={1}")
    @CsvSource({
        // x=2.5: trees a, b say yes (P(yes) 0.75), c (x > 3 false) says no (P(yes) 0)
        "majorityVote, 2.5, yes, 0.6666666666666666",
        "weightedMajorityVote, 2.5, no, 0.42857142857142855", // yes: 1 + 2, no: 4
        "average, 2.5, yes, 0.5", // (0.75 + 0.75 + 0) / 3, a tie broken by the target's first value
        "weightedAverage, 2.5, no, 0.32142857142857145", // (0.75 + 1.5 + 0) / 7
        "selectFirst, 2.5, yes, 0.75",
        // x=20: segment c's predicate is false; a and b say yes
        "majorityVote, 20, yes, 1.0",
        "weightedAverage, 20, yes, 0.75",
    })
    void classificationEnsembles(String method, double x, String predicted, double probability) {
        Map<String, Object> out = ensemble(method).score(record("x", x));
        assertThat(out.get("t")).isEqualTo(predicted);
        assertThat((Double) out.get("p")).isCloseTo(probability, within(1e-12));
        assertThat(ensemble(method).modelType()).isEqualTo(ModelType.ENSEMBLE);
    }

    @Test
    void selectFirst_reportsTheTreesNode() {
        assertThat(ensemble("selectFirst").score(record("x", 2.5))).containsEntry("node", "a");
    }

    private static Evaluator regressionEnsemble(String method) {
        StringBuilder segments = new StringBuilder();
        double[] slopes = {1, 2, 4};
        for (int i = 0; i < 3; i++) {
            segments.append("<Segment weight=\"")
                    .append(i + 1)
                    .append("\"><True/>")
                    .append(regression(
                            "",
                            "",
                            "<RegressionTable intercept=\"0\"><NumericPredictor name=\"x\" coefficient=\"" + slopes[i]
                                    + "\"/></RegressionTable>"))
                    .append("</Segment>");
        }
        return parse(pmml(
                XY,
                "<MiningModel functionName=\"regression\"><MiningSchema><MiningField name=\"x\"/>"
                        + "<MiningField name=\"y\" usageType=\"target\"/></MiningSchema><Segmentation multipleModelMethod=\""
                        + method + "\">" + segments + "</Segmentation></MiningModel>"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sum, 14", // 2 + 4 + 8
        "weightedSum, 34", // 2 + 8 + 24
        "average, 4.666666666666667",
        "weightedAverage, 5.666666666666667",
        "median, 4",
        "max, 8",
        "selectFirst, 2",
        "modelChain, 8",
    })
    void regressionEnsembles(String method, double expected) {
        assertThat(y(regressionEnsemble(method), 2.0)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void modelChain_passesOutputsToLaterSegments() {
        String first =
                "<RegressionModel functionName=\"regression\"><MiningSchema><MiningField name=\"x\"/></MiningSchema>"
                        + "<Output><OutputField name=\"double\" feature=\"predictedValue\"/></Output>"
                        + "<RegressionTable intercept=\"0\"><NumericPredictor name=\"x\" coefficient=\"2\"/></RegressionTable></RegressionModel>";
        String second = "<RegressionModel functionName=\"regression\"><MiningSchema><MiningField name=\"double\"/>"
                + "<MiningField name=\"y\" usageType=\"target\"/></MiningSchema>"
                + "<RegressionTable intercept=\"1\"><NumericPredictor name=\"double\" coefficient=\"10\"/></RegressionTable></RegressionModel>";
        Evaluator chain = parse(pmml(
                XY,
                "<MiningModel functionName=\"regression\"><MiningSchema><MiningField name=\"x\"/>"
                        + "<MiningField name=\"y\" usageType=\"target\"/></MiningSchema><Segmentation multipleModelMethod=\"modelChain\">"
                        + "<Segment><True/>" + first + "</Segment><Segment><True/>" + second
                        + "</Segment></Segmentation></MiningModel>"));
        assertThat(y(chain, 3)).isEqualTo(61.0);
    }

    @Test
    void multinomialAndBinaryClassification() {
        String dd = XY
                + "<DataField name=\"t\" dataType=\"string\" optype=\"categorical\"><Value value=\"a\"/><Value value=\"b\"/><Value value=\"c\"/></DataField>";
        String tables =
                "<RegressionTable targetCategory=\"a\" intercept=\"1\"><NumericPredictor name=\"x\" coefficient=\"1\"/></RegressionTable>"
                        + "<RegressionTable targetCategory=\"b\" intercept=\"0.5\"/><RegressionTable targetCategory=\"c\" intercept=\"0\"/>";
        String model =
                "<RegressionModel functionName=\"classification\" normalizationMethod=\"%s\"><MiningSchema><MiningField name=\"x\"/>"
                        + "<MiningField name=\"t\" usageType=\"target\"/></MiningSchema><Output><OutputField name=\"t\" feature=\"predictedValue\"/>"
                        + "<OutputField name=\"pa\" feature=\"probability\" value=\"a\"/><OutputField name=\"pc\" feature=\"probability\" value=\"c\"/>"
                        + "<OutputField name=\"p\" feature=\"probability\"/></Output>%s</RegressionModel>";
        Map<String, Object> soft =
                parse(pmml(dd, String.format(model, "softmax", tables))).score(record("x", 0));
        double z = Math.exp(1) + Math.exp(0.5) + 1;
        assertThat((Double) soft.get("pa")).isCloseTo(Math.exp(1) / z, within(1e-15));
        assertThat(soft).containsEntry("t", "a").containsEntry("p", soft.get("pa"));
        Map<String, Object> simple =
                parse(pmml(dd, String.format(model, "simplemax", tables))).score(record("x", 0));
        assertThat((Double) simple.get("pa")).isCloseTo(1 / 1.5, within(1e-15));
        Map<String, Object> none =
                parse(pmml(dd, String.format(model, "none", tables))).score(record("x", -0.8));
        // none: the last category is 1 minus the others: 1 - 0.2 - 0.5
        assertThat((Double) none.get("pc")).isCloseTo(0.3, within(1e-15));
        assertThat(none.get("t")).isEqualTo("b");
        String binary =
                "<RegressionTable targetCategory=\"c\" intercept=\"0\"><NumericPredictor name=\"x\" coefficient=\"1\"/></RegressionTable>"
                        + "<RegressionTable targetCategory=\"a\" intercept=\"0\"/>";
        Map<String, Object> logit =
                parse(pmml(dd, String.format(model, "logit", binary))).score(record("x", 2));
        assertThat((Double) logit.get("pc")).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-15));
        assertThat(logit.get("t")).isEqualTo("c");
        assertThatThrownBy(() -> parse(pmml(dd, String.format(model, "logit", tables))))
                .isInstanceOf(PmmlException.class)
                .hasMessageContaining("3 categories");
    }

    @Test
    void ordinalCumulativeLink() {
        String dd = XY
                + "<DataField name=\"t\" dataType=\"string\" optype=\"ordinal\"><Value value=\"low\"/><Value value=\"mid\"/><Value value=\"high\"/></DataField>";
        String model =
                "<RegressionModel functionName=\"classification\" normalizationMethod=\"logit\"><MiningSchema><MiningField name=\"x\"/>"
                        + "<MiningField name=\"t\" usageType=\"target\"/></MiningSchema><Output><OutputField name=\"pl\" feature=\"probability\" value=\"low\"/>"
                        + "<OutputField name=\"pm\" feature=\"probability\" value=\"mid\"/><OutputField name=\"ph\" feature=\"probability\" value=\"high\"/></Output>"
                        + "<RegressionTable targetCategory=\"low\" intercept=\"-1\"><NumericPredictor name=\"x\" coefficient=\"1\"/></RegressionTable>"
                        + "<RegressionTable targetCategory=\"mid\" intercept=\"1\"><NumericPredictor name=\"x\" coefficient=\"1\"/></RegressionTable>"
                        + "<RegressionTable targetCategory=\"high\" intercept=\"0\"/></RegressionModel>";
        Map<String, Object> out = parse(pmml(dd, model)).score(record("x", 0));
        double low = 1 / (1 + Math.exp(1));
        double upToMid = 1 / (1 + Math.exp(-1));
        assertThat((Double) out.get("pl")).isCloseTo(low, within(1e-15));
        assertThat((Double) out.get("pm")).isCloseTo(upToMid - low, within(1e-15));
        assertThat((Double) out.get("ph")).isCloseTo(1 - upToMid, within(1e-15));
    }

    // PMML 4.4 "TreeModel": weightedConfidence and aggregateNodes combine the nodes a missing value leaves open.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // children: x<=5 (yes 30, no 10), x>5 (yes 5, no 55). aggregateNodes: (35, 65) / 100.
        "aggregateNodes, 0.35, no",
        // weightedConfidence: (40 * 0.75 + 60 * 0.0833..) / 100 = 0.35
        "weightedConfidence, 0.35, no",
        "nullPrediction, NaN, ",
        "lastPrediction, 0.5, yes",
    })
    void treeMissingValueStrategies_combineChildren(String strategy, double pYes, String predicted) {
        String dd =
                "<DataField name=\"x\" dataType=\"double\" optype=\"continuous\"/><DataField name=\"t\" dataType=\"string\" optype=\"categorical\"/>";
        String model = "<TreeModel functionName=\"classification\" missingValueStrategy=\"" + strategy
                + "\"><MiningSchema><MiningField name=\"x\"/>"
                + "<MiningField name=\"t\" usageType=\"target\"/></MiningSchema><Output><OutputField name=\"t\" feature=\"predictedValue\"/>"
                + "<OutputField name=\"p\" feature=\"probability\" value=\"yes\"/></Output>"
                + "<Node recordCount=\"100\" score=\"yes\"><True/><ScoreDistribution value=\"yes\" recordCount=\"50\"/><ScoreDistribution value=\"no\" recordCount=\"50\"/>"
                + "<Node recordCount=\"40\"><SimplePredicate field=\"x\" operator=\"lessOrEqual\" value=\"5\"/>"
                + "<ScoreDistribution value=\"yes\" recordCount=\"30\"/><ScoreDistribution value=\"no\" recordCount=\"10\"/></Node>"
                + "<Node recordCount=\"60\"><SimplePredicate field=\"x\" operator=\"greaterThan\" value=\"5\"/>"
                + "<ScoreDistribution value=\"yes\" recordCount=\"5\"/><ScoreDistribution value=\"no\" recordCount=\"55\"/></Node>"
                + "</Node></TreeModel>";
        Evaluator tree = parse(pmml(dd, model));
        Map<String, Object> out = tree.score(record());
        if (Double.isNaN(pYes)) {
            assertThat(out).isEmpty();
        } else {
            assertThat((Double) out.get("p")).isCloseTo(pYes, within(1e-12));
            assertThat(out.get("t")).isEqualTo(predicted);
        }
        // With x present, the tree follows its branch and the leaf without score predicts its most probable class.
        assertThat(tree.score(record("x", 7))).containsEntry("t", "no");
    }

    @Test
    void predicates_setXorSurrogate() {
        String dd =
                "<DataField name=\"x\" dataType=\"double\" optype=\"continuous\"/><DataField name=\"c\" dataType=\"string\" optype=\"categorical\"/>"
                        + "<DataField name=\"y\" dataType=\"double\" optype=\"continuous\"/>";
        String model =
                "<TreeModel functionName=\"regression\"><MiningSchema><MiningField name=\"x\"/><MiningField name=\"c\"/>"
                        + "<MiningField name=\"y\" usageType=\"target\"/></MiningSchema><Node score=\"0\"><True/>"
                        + "<Node score=\"1\"><CompoundPredicate booleanOperator=\"surrogate\"><SimplePredicate field=\"x\" operator=\"greaterThan\" value=\"5\"/>"
                        + "<SimpleSetPredicate field=\"c\" booleanOperator=\"isIn\"><Array type=\"string\">\"big one\" huge</Array></SimpleSetPredicate></CompoundPredicate></Node>"
                        + "<Node score=\"2\"><CompoundPredicate booleanOperator=\"xor\"><SimplePredicate field=\"x\" operator=\"lessThan\" value=\"0\"/>"
                        + "<SimpleSetPredicate field=\"c\" booleanOperator=\"isNotIn\"><Array type=\"string\">small</Array></SimpleSetPredicate></CompoundPredicate></Node>"
                        + "<Node score=\"3\"><False/></Node></Node></TreeModel>";
        Evaluator tree = parse(pmml(dd, model));
        assertThat(tree.score(record("x", 6, "c", "small"))).containsEntry("y", 1.0);
        assertThat(tree.score(record("c", "big one"))).containsEntry("y", 1.0);
        assertThat(tree.score(record("x", 1, "c", "mid"))).containsEntry("y", 2.0);
        assertThat(tree.score(record("x", -1, "c", "mid"))).isEmpty();
    }
}
