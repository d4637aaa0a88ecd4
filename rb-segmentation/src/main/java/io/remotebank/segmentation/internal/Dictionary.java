package io.remotebank.segmentation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every string a model knows (categories, reason codes, node ids, constants) as a dense code, so that
 * categorical values travel through the evaluator as doubles. A string the model does not know has
 * code {@link #UNKNOWN}: it equals no constant of the model.
 */
final class Dictionary {

    static final double UNKNOWN = -1;

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private String[] frozen;

    int intern(String s) {
        Integer code = codes.get(s);
        if (code == null) {
            code = strings.size();
            codes.put(s, code);
            strings.add(s);
            frozen = null;
        }
        return code;
    }

    /** The code of a string, or UNKNOWN; allocation-free. */
    double lookup(String s) {
        Integer code = codes.get(s);
        return code == null ? UNKNOWN : code;
    }

    String string(double code) {
        String[] f = frozen;
        if (f == null) {
            f = strings.toArray(new String[0]);
            frozen = f;
        }
        return code < 0 ? null : f[(int) code];
    }

    /** Called once compilation is done, so that string lookups are plain array reads. */
    void freeze() {
        frozen = strings.toArray(new String[0]);
    }
}
