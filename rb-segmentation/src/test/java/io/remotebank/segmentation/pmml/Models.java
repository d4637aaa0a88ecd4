package io.remotebank.segmentation.pmml;

import io.remotebank.segmentation.model.Evaluator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Test helpers: the PMML resources of this package, and records written as key/value pairs. */
final class Models {
    private Models() {}

    static String text(String resource) {
        try (InputStream in = Models.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Evaluator load(String resource) {
        return PmmlReader.ofDefaults().parse(text(resource));
    }

    static Evaluator parse(String xml) {
        return PmmlReader.ofDefaults().parse(xml);
    }

    /** A record from alternating names and values; "" and null are missing. */
    static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A minimal PMML document around a DataDictionary and a model. */
    static String pmml(String dataDictionary, String model) {
        return "<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"><Header/>" + "<DataDictionary>"
                + dataDictionary + "</DataDictionary>" + model + "</PMML>";
    }
}
