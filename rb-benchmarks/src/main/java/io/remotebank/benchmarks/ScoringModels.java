package io.remotebank.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The PMML models of ScoringBenchmark and of the scoring cross-check, generated deterministically (a
 * fixed seed per model) and kept as resources under {@code scoring/}; {@code ScoringModelsTest} checks
 * that the resources are what this class generates. Regenerate with {@code java -cp
 * rb-benchmarks/target/benchmarks.jar io.remotebank.benchmarks.ScoringModels
 * rb-benchmarks/src/main/resources/scoring}.
 */
public final class ScoringModels {

    /** The generated models: resource name to generator. */
    public static final List<String> GENERATED = List.of(
            "logistic-regression-20.pmml",
            "mixed-regression.pmml",
            "multinomial-regression.pmml",
            "gradient-boosting-100.pmml",
            "random-forest-25.pmml",
            "average-forest-15.pmml",
            "classification-tree.pmml",
            "reason-code-scorecard.pmml");

    private ScoringModels() {}

    /**
     * Writes every generated model into a directory.
     *
     * @param args the directory
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        for (String name : GENERATED) {
            Files.writeString(dir.resolve(name), generate(name), StandardCharsets.UTF_8);
        }
    }

    /** A model's PMML text, from its resource (the sample scorecard is the specification's). */
    public static String resource(String name) {
        try (InputStream in = ScoringModels.class.getResourceAsStream("/scoring/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no model " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates a model by resource name. */
    public static String generate(String name) {
        switch (name) {
            case "logistic-regression-20.pmml":
                return logisticRegression(20, new Random(20));
            case "mixed-regression.pmml":
                return mixedRegression();
            case "multinomial-regression.pmml":
                return multinomialRegression(new Random(3));
            case "gradient-boosting-100.pmml":
                return gradientBoosting(100, new Random(100));
            case "random-forest-25.pmml":
                return forest(25, "majorityVote", new Random(25));
            case "average-forest-15.pmml":
                return forest(15, "weightedAverage", new Random(15));
            case "classification-tree.pmml":
                return classificationTree(new Random(7));
            case "reason-code-scorecard.pmml":
                return reasonCodeScorecard(new Random(11));
            default:
                throw new IllegalArgumentException(name);
        }
    }

    // ---- Random records over a model's inputs, the same for both evaluators ----

    /** A field the random records fill. */
    public record Input(String name, double low, double high, List<String> categories, boolean integer) {}

    /** The inputs of a model, for random records. */
    public static List<Input> inputs(String name) {
        List<Input> in = new ArrayList<>();
        switch (name) {
            case "sample-scorecard.pmml":
                in.add(new Input("department", 0, 0, List.of("engineering", "marketing", "business"), false));
                in.add(new Input("age", 10, 70, null, true));
                in.add(new Input("income", 0, 4000, null, false));
                break;
            case "logistic-regression-20.pmml":
                for (int i = 0; i < 20; i++) {
                    in.add(new Input("x" + i, -3, 3, null, false));
                }
                break;
            case "mixed-regression.pmml":
                for (int i = 1; i <= 5; i++) {
                    in.add(new Input("x" + i, -10, 10, null, false));
                }
                in.add(new Input("region", 0, 0, List.of("north", "south", "east", "west"), false));
                break;
            case "multinomial-regression.pmml":
                for (int i = 0; i < 6; i++) {
                    in.add(new Input("f" + i, -2, 2, null, false));
                }
                in.add(new Input("channel", 0, 0, List.of("app", "web", "branch"), false));
                break;
            case "gradient-boosting-100.pmml":
            case "random-forest-25.pmml":
            case "average-forest-15.pmml":
                for (int i = 0; i < 10; i++) {
                    in.add(new Input("v" + i, 0, 100, null, false));
                }
                break;
            case "classification-tree.pmml":
                for (int i = 0; i < 4; i++) {
                    in.add(new Input("v" + i, 0, 100, null, false));
                }
                in.add(new Input("product", 0, 0, List.of("card", "loan", "deposit", "fund", "insurance"), false));
                break;
            case "reason-code-scorecard.pmml":
                for (int i = 0; i < 12; i++) {
                    in.add(new Input("c" + i, 0, 100, null, i % 3 == 0));
                }
                in.add(new Input("tier", 0, 0, List.of("gold", "silver", "bronze"), false));
                break;
            default:
                throw new IllegalArgumentException(name);
        }
        return in;
    }

    /** Random records: about 3% of values missing, numbers uniform in the field's range. */
    public static List<Map<String, Object>> records(String name, int count, long seed) {
        List<Input> inputs = inputs(name);
        Random r = new Random(seed);
        List<Map<String, Object>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> m = new HashMap<>();
            for (Input in : inputs) {
                if (r.nextInt(33) == 0) {
                    continue;
                }
                if (in.categories() != null) {
                    m.put(
                            in.name(),
                            in.categories().get(r.nextInt(in.categories().size())));
                } else if (in.integer()) {
                    m.put(in.name(), (int) Math.round(in.low() + r.nextDouble() * (in.high() - in.low())));
                } else {
                    m.put(in.name(), in.low() + r.nextDouble() * (in.high() - in.low()));
                }
            }
            out.add(m);
        }
        return out;
    }

    // ---- Generators ----

    private static String d(double v) {
        return Double.toString(v);
    }

    private static String head(String description) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- Generated by io.remotebank.benchmarks.ScoringModels: " + description + " -->\n"
                + "<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\">\n  <Header description=\""
                + description + "\"/>\n";
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static String logisticRegression(int features, Random r) {
        StringBuilder s = new StringBuilder(head(features + "-feature logistic regression"));
        s.append("  <DataDictionary>\n");
        for (int i = 0; i < features; i++) {
            s.append("    <DataField name=\"x").append(i).append("\" optype=\"continuous\" dataType=\"double\"/>\n");
        }
        s.append("    <DataField name=\"y\" optype=\"categorical\" dataType=\"string\">\n"
                + "      <Value value=\"no\"/>\n      <Value value=\"yes\"/>\n    </DataField>\n  </DataDictionary>\n");
        s.append("  <RegressionModel modelName=\"propensity\" functionName=\"classification\""
                + " normalizationMethod=\"logit\">\n    <MiningSchema>\n");
        for (int i = 0; i < features; i++) {
            s.append("      <MiningField name=\"x")
                    .append(i)
                    .append("\" missingValueReplacement=\"")
                    .append(d(round(r.nextGaussian() * 0.1)))
                    .append("\"/>\n");
        }
        s.append("      <MiningField name=\"y\" usageType=\"target\"/>\n    </MiningSchema>\n");
        s.append(
                "    <Output>\n      <OutputField name=\"predicted\" feature=\"predictedValue\" dataType=\"string\"/>\n"
                        + "      <OutputField name=\"probability(yes)\" feature=\"probability\" value=\"yes\" dataType=\"double\"/>\n"
                        + "    </Output>\n");
        s.append("    <RegressionTable targetCategory=\"yes\" intercept=\"")
                .append(d(round(r.nextGaussian())))
                .append("\">\n");
        for (int i = 0; i < features; i++) {
            s.append("      <NumericPredictor name=\"x")
                    .append(i)
                    .append("\" coefficient=\"")
                    .append(d(round(r.nextGaussian() * 0.5)))
                    .append("\"/>\n");
        }
        s.append("    </RegressionTable>\n    <RegressionTable targetCategory=\"no\" intercept=\"0.0\"/>\n"
                + "  </RegressionModel>\n</PMML>\n");
        return s.toString();
    }

    static String mixedRegression() {
        return head("linear regression over derived fields (NormContinuous, Discretize, MapValues, Apply)") + """
                  <DataDictionary>
                    <DataField name="x1" optype="continuous" dataType="double"/>
                    <DataField name="x2" optype="continuous" dataType="double"/>
                    <DataField name="x3" optype="continuous" dataType="double"/>
                    <DataField name="x4" optype="continuous" dataType="double"/>
                    <DataField name="x5" optype="continuous" dataType="double"/>
                    <DataField name="region" optype="categorical" dataType="string">
                      <Value value="north"/><Value value="south"/><Value value="east"/><Value value="west"/>
                    </DataField>
                    <DataField name="amount" optype="continuous" dataType="double"/>
                  </DataDictionary>
                  <TransformationDictionary>
                    <DerivedField name="x1n" optype="continuous" dataType="double">
                      <NormContinuous field="x1" mapMissingTo="0.5" outliers="asExtremeValues">
                        <LinearNorm orig="-8" norm="0"/><LinearNorm orig="0" norm="0.4"/><LinearNorm orig="8" norm="1"/>
                      </NormContinuous>
                    </DerivedField>
                  </TransformationDictionary>
                  <RegressionModel modelName="amount" functionName="regression">
                    <MiningSchema>
                      <MiningField name="x1"/>
                      <MiningField name="x2" missingValueReplacement="0"/>
                      <MiningField name="x3" outliers="asExtremeValues" lowValue="-9" highValue="9" missingValueReplacement="1"/>
                      <MiningField name="x4" missingValueReplacement="2"/>
                      <MiningField name="x5" missingValueReplacement="-1"/>
                      <MiningField name="region" missingValueReplacement="north"/>
                      <MiningField name="amount" usageType="target"/>
                    </MiningSchema>
                    <Output>
                      <OutputField name="amount" feature="predictedValue" dataType="double"/>
                      <OutputField name="large" feature="transformedValue" dataType="string">
                        <Apply function="if">
                          <Apply function="greaterThan"><FieldRef field="amount"/><Constant>50</Constant></Apply>
                          <Constant dataType="string">large</Constant>
                          <Constant dataType="string">small</Constant>
                        </Apply>
                      </OutputField>
                    </Output>
                    <Targets>
                      <Target field="amount" rescaleFactor="1.5" rescaleConstant="10" min="-200" max="200"/>
                    </Targets>
                    <LocalTransformations>
                      <DerivedField name="x2bin" optype="categorical" dataType="string">
                        <Discretize field="x2" mapMissingTo="mid">
                          <DiscretizeBin binValue="low"><Interval closure="openOpen" rightMargin="-3"/></DiscretizeBin>
                          <DiscretizeBin binValue="mid"><Interval closure="closedClosed" leftMargin="-3" rightMargin="3"/></DiscretizeBin>
                          <DiscretizeBin binValue="high"><Interval closure="openOpen" leftMargin="3"/></DiscretizeBin>
                        </Discretize>
                      </DerivedField>
                      <DerivedField name="regionRisk" optype="continuous" dataType="double">
                        <MapValues outputColumn="risk" dataType="double" defaultValue="0">
                          <FieldColumnPair field="region" column="region"/>
                          <InlineTable>
                            <row><region>north</region><risk>1.25</risk></row>
                            <row><region>south</region><risk>-0.5</risk></row>
                            <row><region>east</region><risk>2.0</risk></row>
                          </InlineTable>
                        </MapValues>
                      </DerivedField>
                      <DerivedField name="ratio" optype="continuous" dataType="double">
                        <Apply function="/">
                          <FieldRef field="x3"/>
                          <Apply function="+"><Apply function="abs"><FieldRef field="x4"/></Apply><Constant>1</Constant></Apply>
                        </Apply>
                      </DerivedField>
                      <DerivedField name="logx5" optype="continuous" dataType="double">
                        <Apply function="ln"><Apply function="+"><Apply function="abs"><FieldRef field="x5"/></Apply><Constant>1</Constant></Apply></Apply>
                      </DerivedField>
                    </LocalTransformations>
                    <RegressionTable intercept="3.5">
                      <NumericPredictor name="x1n" coefficient="12.0"/>
                      <NumericPredictor name="ratio" coefficient="-2.25"/>
                      <NumericPredictor name="regionRisk" coefficient="4.0"/>
                      <NumericPredictor name="logx5" coefficient="1.75" exponent="2"/>
                      <CategoricalPredictor name="x2bin" value="low" coefficient="-6.0"/>
                      <CategoricalPredictor name="x2bin" value="high" coefficient="7.5"/>
                      <CategoricalPredictor name="region" value="west" coefficient="3.0"/>
                      <PredictorTerm coefficient="0.125"><FieldRef field="x4"/><FieldRef field="x5"/></PredictorTerm>
                    </RegressionTable>
                  </RegressionModel>
                </PMML>
                """;
    }

    static String multinomialRegression(Random r) {
        StringBuilder s = new StringBuilder(head("multinomial logistic regression (softmax), 3 categories"));
        s.append("  <DataDictionary>\n");
        for (int i = 0; i < 6; i++) {
            s.append("    <DataField name=\"f").append(i).append("\" optype=\"continuous\" dataType=\"double\"/>\n");
        }
        s.append("    <DataField name=\"channel\" optype=\"categorical\" dataType=\"string\"/>\n"
                + "    <DataField name=\"offer\" optype=\"categorical\" dataType=\"string\">\n"
                + "      <Value value=\"card\"/><Value value=\"loan\"/><Value value=\"none\"/>\n"
                + "    </DataField>\n  </DataDictionary>\n");
        s.append("  <RegressionModel modelName=\"next-offer\" functionName=\"classification\""
                + " normalizationMethod=\"softmax\">\n    <MiningSchema>\n");
        for (int i = 0; i < 6; i++) {
            s.append("      <MiningField name=\"f").append(i).append("\" missingValueReplacement=\"0\"/>\n");
        }
        s.append("      <MiningField name=\"channel\" missingValueReplacement=\"web\"/>\n"
                + "      <MiningField name=\"offer\" usageType=\"target\"/>\n    </MiningSchema>\n");
        s.append("    <Output>\n      <OutputField name=\"offer\" feature=\"predictedValue\" dataType=\"string\"/>\n");
        for (String c : List.of("card", "loan", "none")) {
            s.append("      <OutputField name=\"p_")
                    .append(c)
                    .append("\" feature=\"probability\" value=\"")
                    .append(c)
                    .append("\" dataType=\"double\"/>\n");
        }
        s.append("    </Output>\n");
        for (String c : List.of("card", "loan", "none")) {
            s.append("    <RegressionTable targetCategory=\"")
                    .append(c)
                    .append("\" intercept=\"")
                    .append(d(c.equals("none") ? 0 : round(r.nextGaussian())))
                    .append("\">\n");
            if (!c.equals("none")) {
                for (int i = 0; i < 6; i++) {
                    s.append("      <NumericPredictor name=\"f")
                            .append(i)
                            .append("\" coefficient=\"")
                            .append(d(round(r.nextGaussian())))
                            .append("\"/>\n");
                }
                for (String ch : List.of("app", "branch")) {
                    s.append("      <CategoricalPredictor name=\"channel\" value=\"")
                            .append(ch)
                            .append("\" coefficient=\"")
                            .append(d(round(r.nextGaussian())))
                            .append("\"/>\n");
                }
            }
            s.append("    </RegressionTable>\n");
        }
        s.append("  </RegressionModel>\n</PMML>\n");
        return s.toString();
    }

    private static void dataFields(StringBuilder s, int n) {
        for (int i = 0; i < n; i++) {
            s.append("    <DataField name=\"v").append(i).append("\" optype=\"continuous\" dataType=\"double\"/>\n");
        }
    }

    /** A regression tree, XGBoost style: binary splits, defaultChild for missing values. */
    private static void regressionTree(StringBuilder s, Random r, int depth, int[] ids, String indent) {
        int id = ids[0]++;
        s.append(indent).append("<Node id=\"").append(id).append('"');
        if (depth == 0) {
            s.append(" score=\"").append(d(round(r.nextGaussian() * 0.3))).append("\">\n");
            return;
        }
        int field = r.nextInt(10);
        double threshold = round(5 + r.nextDouble() * 90);
        boolean missingLeft = r.nextBoolean();
        int left = ids[0];
        StringBuilder children = new StringBuilder();
        childSplit(children, r, depth, ids, indent + "  ", field, threshold, "lessThan");
        int right = ids[0];
        childSplit(children, r, depth, ids, indent + "  ", field, threshold, "greaterOrEqual");
        s.append(" defaultChild=\"").append(missingLeft ? left : right).append("\">\n");
        s.append(children);
    }

    private static void childSplit(
            StringBuilder s, Random r, int depth, int[] ids, String indent, int field, double threshold, String op) {
        StringBuilder child = new StringBuilder();
        regressionTree(child, r, depth - 1, ids, indent);
        int close = child.indexOf(">\n");
        s.append(child, 0, close + 2);
        s.append(indent)
                .append("  <SimplePredicate field=\"v")
                .append(field)
                .append("\" operator=\"")
                .append(op)
                .append("\" value=\"")
                .append(d(threshold))
                .append("\"/>\n");
        s.append(child.substring(close + 2));
        s.append(indent).append("</Node>\n");
    }

    static String gradientBoosting(int trees, Random r) {
        StringBuilder s = new StringBuilder(head(trees + "-tree gradient-boosted ensemble (model chain: sum of"
                + " regression trees, then a logistic link)"));
        s.append("  <DataDictionary>\n");
        dataFields(s, 10);
        s.append("    <DataField name=\"churn\" optype=\"categorical\" dataType=\"string\">\n"
                + "      <Value value=\"no\"/>\n      <Value value=\"yes\"/>\n    </DataField>\n  </DataDictionary>\n");
        s.append("  <MiningModel modelName=\"churn-gbm\" functionName=\"classification\">\n    <MiningSchema>\n");
        for (int i = 0; i < 10; i++) {
            s.append("      <MiningField name=\"v").append(i).append("\"/>\n");
        }
        s.append("      <MiningField name=\"churn\" usageType=\"target\"/>\n    </MiningSchema>\n");
        s.append("    <Output>\n      <OutputField name=\"churn\" feature=\"predictedValue\" dataType=\"string\"/>\n"
                + "      <OutputField name=\"probability(yes)\" feature=\"probability\" value=\"yes\" dataType=\"double\"/>\n"
                + "    </Output>\n");
        s.append("    <Segmentation multipleModelMethod=\"modelChain\">\n      <Segment id=\"1\">\n        <True/>\n");
        s.append("        <MiningModel functionName=\"regression\">\n          <MiningSchema>\n");
        for (int i = 0; i < 10; i++) {
            s.append("            <MiningField name=\"v").append(i).append("\"/>\n");
        }
        s.append("          </MiningSchema>\n          <Output>\n"
                + "            <OutputField name=\"margin\" feature=\"predictedValue\" dataType=\"double\"/>\n"
                + "          </Output>\n          <Segmentation multipleModelMethod=\"sum\">\n");
        for (int t = 0; t < trees; t++) {
            s.append("            <Segment id=\"").append(t + 1).append("\">\n              <True/>\n");
            s.append("              <TreeModel functionName=\"regression\" missingValueStrategy=\"defaultChild\""
                    + " noTrueChildStrategy=\"returnLastPrediction\" splitCharacteristic=\"binarySplit\">\n"
                    + "                <MiningSchema>\n");
            for (int i = 0; i < 10; i++) {
                s.append("                  <MiningField name=\"v").append(i).append("\"/>\n");
            }
            s.append("                </MiningSchema>\n");
            StringBuilder tree = new StringBuilder();
            regressionTree(tree, r, 5, new int[] {1}, "                ");
            int close = tree.indexOf(">\n");
            s.append(tree, 0, close + 2).append("                  <True/>\n").append(tree.substring(close + 2));
            s.append("                </Node>\n              </TreeModel>\n            </Segment>\n");
        }
        s.append("          </Segmentation>\n        </MiningModel>\n      </Segment>\n");
        s.append("      <Segment id=\"2\">\n        <True/>\n"
                + "        <RegressionModel functionName=\"classification\" normalizationMethod=\"logit\">\n"
                + "          <MiningSchema>\n            <MiningField name=\"margin\"/>\n"
                + "            <MiningField name=\"churn\" usageType=\"target\"/>\n          </MiningSchema>\n"
                + "          <RegressionTable targetCategory=\"yes\" intercept=\"-0.25\">\n"
                + "            <NumericPredictor name=\"margin\" coefficient=\"1.0\"/>\n          </RegressionTable>\n"
                + "          <RegressionTable targetCategory=\"no\" intercept=\"0.0\"/>\n"
                + "        </RegressionModel>\n      </Segment>\n    </Segmentation>\n  </MiningModel>\n</PMML>\n");
        return s.toString();
    }

    /** A classification tree with ScoreDistributions on every node. */
    private static void classTree(
            StringBuilder s,
            Random r,
            int depth,
            int[] ids,
            String indent,
            String predicate,
            List<String> classes,
            int fields) {
        int id = ids[0]++;
        double[] counts = new double[classes.size()];
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 1 + r.nextInt(60);
            total += counts[i];
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        s.append(indent)
                .append("<Node id=\"")
                .append(id)
                .append("\" score=\"")
                .append(classes.get(best))
                .append("\" recordCount=\"")
                .append(d(total))
                .append("\">\n");
        s.append(indent).append("  ").append(predicate).append('\n');
        for (int i = 0; i < counts.length; i++) {
            s.append(indent)
                    .append("  <ScoreDistribution value=\"")
                    .append(classes.get(i))
                    .append("\" recordCount=\"")
                    .append(d(counts[i]))
                    .append("\"/>\n");
        }
        if (depth > 0) {
            int field = r.nextInt(fields);
            double threshold = round(10 + r.nextDouble() * 80);
            classTree(
                    s,
                    r,
                    depth - 1,
                    ids,
                    indent + "  ",
                    "<SimplePredicate field=\"v" + field + "\" operator=\"lessOrEqual\" value=\"" + d(threshold)
                            + "\"/>",
                    classes,
                    fields);
            classTree(
                    s,
                    r,
                    depth - 1,
                    ids,
                    indent + "  ",
                    "<SimplePredicate field=\"v" + field + "\" operator=\"greaterThan\" value=\"" + d(threshold)
                            + "\"/>",
                    classes,
                    fields);
        }
        s.append(indent).append("</Node>\n");
    }

    static String forest(int trees, String method, Random r) {
        StringBuilder s = new StringBuilder(head(trees + "-tree forest (" + method + ")"));
        s.append("  <DataDictionary>\n");
        dataFields(s, 10);
        s.append("    <DataField name=\"respond\" optype=\"categorical\" dataType=\"string\">\n"
                + "      <Value value=\"no\"/>\n      <Value value=\"yes\"/>\n    </DataField>\n  </DataDictionary>\n");
        s.append("  <MiningModel modelName=\"forest\" functionName=\"classification\">\n    <MiningSchema>\n");
        for (int i = 0; i < 10; i++) {
            s.append("      <MiningField name=\"v").append(i).append("\"/>\n");
        }
        s.append("      <MiningField name=\"respond\" usageType=\"target\"/>\n    </MiningSchema>\n");
        s.append("    <Output>\n      <OutputField name=\"respond\" feature=\"predictedValue\" dataType=\"string\"/>\n"
                + "      <OutputField name=\"probability(yes)\" feature=\"probability\" value=\"yes\" dataType=\"double\"/>\n"
                + "    </Output>\n");
        s.append("    <Segmentation multipleModelMethod=\"").append(method).append("\">\n");
        for (int t = 0; t < trees; t++) {
            s.append("      <Segment id=\"")
                    .append(t + 1)
                    .append("\" weight=\"")
                    .append(d(round(0.5 + r.nextDouble())))
                    .append("\">\n        <True/>\n");
            s.append("        <TreeModel functionName=\"classification\" missingValueStrategy=\"lastPrediction\""
                    + " noTrueChildStrategy=\"returnLastPrediction\">\n          <MiningSchema>\n");
            for (int i = 0; i < 10; i++) {
                s.append("            <MiningField name=\"v").append(i).append("\"/>\n");
            }
            s.append("            <MiningField name=\"respond\" usageType=\"target\"/>\n          </MiningSchema>\n");
            classTree(s, r, 4, new int[] {1}, "          ", "<True/>", List.of("no", "yes"), 10);
            s.append("        </TreeModel>\n      </Segment>\n");
        }
        s.append("    </Segmentation>\n  </MiningModel>\n</PMML>\n");
        return s.toString();
    }

    static String classificationTree(Random r) {
        List<String> classes = List.of("call", "message", "wait");
        StringBuilder s = new StringBuilder(head("classification tree: numeric and set predicates, defaultChild"));
        s.append("  <DataDictionary>\n");
        dataFields(s, 4);
        s.append("    <DataField name=\"product\" optype=\"categorical\" dataType=\"string\"/>\n"
                + "    <DataField name=\"action\" optype=\"categorical\" dataType=\"string\">\n"
                + "      <Value value=\"call\"/><Value value=\"message\"/><Value value=\"wait\"/>\n"
                + "    </DataField>\n  </DataDictionary>\n");
        s.append("  <TreeModel modelName=\"contact-action\" functionName=\"classification\""
                + " missingValueStrategy=\"defaultChild\" noTrueChildStrategy=\"returnLastPrediction\">\n"
                + "    <MiningSchema>\n");
        for (int i = 0; i < 4; i++) {
            s.append("      <MiningField name=\"v").append(i).append("\"/>\n");
        }
        s.append("      <MiningField name=\"product\"/>\n      <MiningField name=\"action\" usageType=\"target\"/>\n"
                + "    </MiningSchema>\n    <Output>\n"
                + "      <OutputField name=\"action\" feature=\"predictedValue\" dataType=\"string\"/>\n");
        for (String c : classes) {
            s.append("      <OutputField name=\"probability(")
                    .append(c)
                    .append(")\" feature=\"probability\" value=\"")
                    .append(c)
                    .append("\" dataType=\"double\"/>\n");
        }
        s.append("      <OutputField name=\"node\" feature=\"entityId\" dataType=\"string\"/>\n    </Output>\n");
        StringBuilder tree = new StringBuilder();
        setTree(tree, r, 5, new int[] {1}, "    ", "<True/>", classes);
        s.append(tree);
        s.append("  </TreeModel>\n</PMML>\n");
        return s.toString();
    }

    private static void setTree(
            StringBuilder s, Random r, int depth, int[] ids, String indent, String predicate, List<String> classes) {
        int id = ids[0]++;
        StringBuilder body = new StringBuilder();
        double total = 0;
        double[] counts = new double[classes.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 1 + r.nextInt(40);
            total += counts[i];
        }
        for (int i = 0; i < counts.length; i++) {
            body.append(indent)
                    .append("  <ScoreDistribution value=\"")
                    .append(classes.get(i))
                    .append("\" recordCount=\"")
                    .append(d(counts[i]))
                    .append("\"/>\n");
        }
        String defaultChild = "";
        if (depth > 0) {
            String left;
            String right;
            if (r.nextInt(3) == 0) {
                List<String> products = new ArrayList<>(List.of("card", "loan", "deposit", "fund", "insurance"));
                java.util.Collections.shuffle(products, r);
                String set = "\"" + String.join("\" \"", products.subList(0, 2)) + "\"";
                left = "<SimpleSetPredicate field=\"product\" booleanOperator=\"isIn\"><Array type=\"string\" n=\"2\">"
                        + set + "</Array></SimpleSetPredicate>";
                right = "<SimpleSetPredicate field=\"product\" booleanOperator=\"isNotIn\"><Array type=\"string\""
                        + " n=\"2\">" + set + "</Array></SimpleSetPredicate>";
            } else {
                int field = r.nextInt(4);
                String t = d(round(10 + r.nextDouble() * 80));
                left = "<SimplePredicate field=\"v" + field + "\" operator=\"lessThan\" value=\"" + t + "\"/>";
                right = "<SimplePredicate field=\"v" + field + "\" operator=\"greaterOrEqual\" value=\"" + t + "\"/>";
            }
            int leftId = ids[0];
            setTree(body, r, depth - 1 - r.nextInt(2), ids, indent + "  ", left, classes);
            int rightId = ids[0];
            setTree(body, r, depth - 1 - r.nextInt(2), ids, indent + "  ", right, classes);
            defaultChild = " defaultChild=\"" + (r.nextBoolean() ? leftId : rightId) + "\"";
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        s.append(indent)
                .append("<Node id=\"")
                .append(id)
                .append("\" score=\"")
                .append(classes.get(best))
                .append("\" recordCount=\"")
                .append(d(total))
                .append('"')
                .append(defaultChild)
                .append(">\n");
        s.append(indent).append("  ").append(predicate).append('\n').append(body);
        s.append(indent).append("</Node>\n");
    }

    static String reasonCodeScorecard(Random r) {
        StringBuilder s = new StringBuilder(
                head("13-characteristic scorecard: pointsAbove, attribute reason codes," + " complex partial scores"));
        s.append("  <DataDictionary>\n");
        for (int i = 0; i < 12; i++) {
            s.append("    <DataField name=\"c")
                    .append(i)
                    .append("\" optype=\"continuous\" dataType=\"")
                    .append(i % 3 == 0 ? "integer" : "double")
                    .append("\"/>\n");
        }
        s.append("    <DataField name=\"tier\" optype=\"categorical\" dataType=\"string\">\n"
                + "      <Value value=\"gold\"/><Value value=\"silver\"/><Value value=\"bronze\"/>\n    </DataField>\n"
                + "    <DataField name=\"score\" optype=\"continuous\" dataType=\"double\"/>\n  </DataDictionary>\n");
        s.append("  <Scorecard modelName=\"retention\" functionName=\"regression\" useReasonCodes=\"true\""
                + " reasonCodeAlgorithm=\"pointsAbove\" initialScore=\"500\" baselineScore=\"10\""
                + " baselineMethod=\"mean\">\n    <MiningSchema>\n");
        for (int i = 0; i < 12; i++) {
            s.append("      <MiningField name=\"c").append(i).append("\" invalidValueTreatment=\"asMissing\"/>\n");
        }
        s.append("      <MiningField name=\"tier\" invalidValueTreatment=\"asMissing\"/>\n"
                + "      <MiningField name=\"score\" usageType=\"predicted\"/>\n    </MiningSchema>\n    <Output>\n"
                + "      <OutputField name=\"Final Score\" feature=\"predictedValue\" dataType=\"double\"/>\n");
        for (int k = 1; k <= 5; k++) {
            s.append("      <OutputField name=\"Reason Code ")
                    .append(k)
                    .append("\" rank=\"")
                    .append(k)
                    .append("\" feature=\"reasonCode\" dataType=\"string\"/>\n");
        }
        s.append("    </Output>\n    <Characteristics>\n");
        for (int i = 0; i < 12; i++) {
            boolean own = r.nextBoolean();
            s.append("      <Characteristic name=\"c")
                    .append(i)
                    .append("Score\" reasonCode=\"RC")
                    .append(i % 8)
                    .append('"');
            if (own) {
                s.append(" baselineScore=\"").append(d(r.nextInt(30))).append('"');
            }
            s.append(">\n        <Attribute partialScore=\"")
                    .append(d(r.nextInt(20) - 5))
                    .append("\"><SimplePredicate field=\"c")
                    .append(i)
                    .append("\" operator=\"isMissing\"/></Attribute>\n");
            double[] cuts = {20 + r.nextInt(20), 50 + r.nextInt(20), 80};
            double previous = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < cuts.length; b++) {
                s.append("        <Attribute");
                if (r.nextInt(4) == 0) {
                    s.append(" reasonCode=\"RC").append(i).append('_').append(b).append('"');
                }
                boolean complex = b == 1 && r.nextBoolean();
                if (!complex) {
                    s.append(" partialScore=\"").append(d(r.nextInt(40) - 10)).append('"');
                }
                s.append(">");
                String upper =
                        "<SimplePredicate field=\"c" + i + "\" operator=\"lessOrEqual\" value=\"" + d(cuts[b]) + "\"/>";
                if (previous == Double.NEGATIVE_INFINITY) {
                    s.append(upper);
                } else {
                    s.append("<CompoundPredicate booleanOperator=\"and\"><SimplePredicate field=\"c")
                            .append(i)
                            .append("\" operator=\"greaterThan\" value=\"")
                            .append(d(previous))
                            .append("\"/>")
                            .append(upper)
                            .append("</CompoundPredicate>");
                }
                if (complex) {
                    s.append("<ComplexPartialScore><Apply function=\"-\"><Apply function=\"*\"><FieldRef field=\"c")
                            .append(i)
                            .append("\"/><Constant>")
                            .append(d(round(r.nextDouble())))
                            .append("</Constant></Apply><Constant>7</Constant></Apply></ComplexPartialScore>");
                }
                s.append("</Attribute>\n");
                previous = cuts[b];
            }
            s.append("        <Attribute partialScore=\"")
                    .append(d(r.nextInt(30)))
                    .append("\"><SimplePredicate field=\"c")
                    .append(i)
                    .append("\" operator=\"greaterThan\" value=\"80.0\"/>" + "</Attribute>\n      </Characteristic>\n");
        }
        s.append("      <Characteristic name=\"tierScore\" reasonCode=\"RC_TIER\" baselineScore=\"5\">\n"
                + "        <Attribute partialScore=\"0\"><SimplePredicate field=\"tier\" operator=\"isMissing\"/></Attribute>\n"
                + "        <Attribute partialScore=\"15\"><SimplePredicate field=\"tier\" operator=\"equal\" value=\"gold\"/></Attribute>\n"
                + "        <Attribute partialScore=\"5\"><SimpleSetPredicate field=\"tier\" booleanOperator=\"isIn\">"
                + "<Array type=\"string\">silver bronze</Array></SimpleSetPredicate></Attribute>\n"
                + "      </Characteristic>\n    </Characteristics>\n  </Scorecard>\n</PMML>\n");
        return s.toString();
    }
}
