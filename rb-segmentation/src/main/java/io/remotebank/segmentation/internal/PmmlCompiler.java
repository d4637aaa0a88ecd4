package io.remotebank.segmentation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Compiles a parsed PMML document (its first and only model) into a {@link CompiledModel}. */
final class PmmlCompiler {

    static final Set<String> MODELS = Set.of("Scorecard", "RegressionModel", "TreeModel", "MiningModel");

    private static final Set<String> TOP_LEVEL = Set.of(
            "Header",
            "MiningBuildTask",
            "DataDictionary",
            "TransformationDictionary",
            "Scorecard",
            "RegressionModel",
            "TreeModel",
            "MiningModel");

    final Dictionary dictionary = new Dictionary();
    final Layout layout = new Layout();
    final ExpressionCompiler expressions = new ExpressionCompiler(dictionary, layout);
    final DataDictionary data;

    private PmmlCompiler(XmlNode pmml) {
        this.data = new DataDictionary(pmml.requiredChild("DataDictionary"), this);
    }

    static CompiledModel compile(XmlNode pmml) {
        for (XmlNode c : pmml.children()) {
            if (!TOP_LEVEL.contains(c.name())) {
                throw c.unsupported("element <" + c.name() + "> is not supported (supported models: " + MODELS + ")");
            }
        }
        List<XmlNode> models = new ArrayList<>();
        for (XmlNode c : pmml.children()) {
            if (MODELS.contains(c.name())) {
                models.add(c);
            }
        }
        if (models.isEmpty()) {
            throw pmml.invalid("the document holds no model");
        }
        if (models.size() > 1) {
            throw models.get(1)
                    .unsupported(
                            "a document with more than one model is not supported; wrap them in a" + " MiningModel");
        }
        PmmlCompiler compiler = new PmmlCompiler(pmml);
        return compiler.compileTop(pmml, models.get(0));
    }

    private CompiledModel compileTop(XmlNode pmml, XmlNode model) {
        Scope global = new Scope(null);
        data.defineAll(global);
        Optional<XmlNode> transformations = pmml.child("TransformationDictionary");
        if (transformations.isPresent()) {
            XmlNode t = transformations.get();
            for (XmlNode c : t.children()) {
                if (c.name().equals("DefineFunction")) {
                    throw c.unsupported("user-defined functions (DefineFunction) are not supported");
                }
            }
            expressions.derivedFields(t, global);
        }
        List<InputBinding> inputs = data.bindings(model.requiredChild("MiningSchema"));
        ModelCompiler models = new ModelCompiler(this);
        ModelCompiler.Compiled compiled = models.model(model, global, true);
        dictionary.freeze();
        return new CompiledModel(
                model.attr("modelName", model.name()),
                model.name(),
                model.required("functionName"),
                dictionary,
                inputs,
                compiled.node(),
                compiled.outputs(),
                layout.size());
    }
}
