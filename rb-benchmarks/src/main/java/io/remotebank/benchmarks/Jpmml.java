package io.remotebank.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;

/** jpmml-evaluator (AGPL; rb-benchmarks only) used the way its documentation shows. */
public final class Jpmml {

    private final Evaluator evaluator;
    private final List<InputField> inputs;

    /**
     * Loads and verifies a model.
     *
     * @param xml the PMML document
     */
    public Jpmml(String xml) {
        try {
            this.evaluator = new LoadingModelEvaluatorBuilder()
                    .load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("jpmml cannot load the model", e);
        }
        evaluator.verify();
        this.inputs = evaluator.getInputFields();
    }

    /**
     * Scores one record: prepares each input field, evaluates, decodes the results.
     *
     * @param record the record
     * @return every result field by name
     */
    public Map<String, ?> score(Map<String, ?> record) {
        Map<String, FieldValue> arguments = new LinkedHashMap<>();
        for (InputField f : inputs) {
            arguments.put(f.getName(), f.prepare(record.get(f.getName())));
        }
        return EvaluatorUtil.decodeAll(evaluator.evaluate(arguments));
    }
}
