package io.remotebank.segmentation.rules;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import io.remotebank.segmentation.profile.ProfileBatch;
import io.remotebank.segmentation.profile.ProfileField;
import io.remotebank.segmentation.profile.ProfileSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * cel-java, the reference implementation, configured as the compiled rules read CEL: the profile's
 * fields and {@code now} declared with their CEL types, the standard macros, and heterogeneous numeric
 * comparisons ({@code aum > 1000}). A missing value is left out of the activation, so cel-java sees
 * an unknown, which its logical operators absorb as they absorb errors.
 */
final class CelReference {

    /** What an evaluation gave: TRUE/FALSE for a bool, a Long or Double for a number, or UNDEFINED. */
    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "UNDEFINED";
        }
    };

    private final Cel cel;

    CelReference(ProfileSchema schema) {
        var b = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current()
                        .enableHeterogeneousNumericComparisons(true)
                        .build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("now", SimpleType.TIMESTAMP);
        for (ProfileField f : schema.fields()) {
            b.addVar(f.name(), celType(f));
        }
        this.cel = b.build();
    }

    private static CelType celType(ProfileField f) {
        switch (f.type()) {
            case INT:
                return SimpleType.INT;
            case DOUBLE:
                return SimpleType.DOUBLE;
            case BOOL:
                return SimpleType.BOOL;
            case STRING:
                return SimpleType.STRING;
            case DATE:
            case TIMESTAMP:
                return SimpleType.TIMESTAMP;
            default:
                return ListType.create(SimpleType.STRING);
        }
    }

    /** A compiled program, or the checker's error. */
    CelRuntime.Program program(String expression) throws Exception {
        CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
        return cel.createProgram(ast);
    }

    /** Evaluates one row of a batch. */
    static Object evaluate(CelRuntime.Program program, ProfileBatch batch, int row, Instant now) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("now", now);
        ProfileSchema schema = batch.schema();
        for (int i = 0; i < schema.size(); i++) {
            Object v = batch.value(row, i);
            if (v == null) {
                continue;
            }
            if (v instanceof LocalDate) {
                v = ((LocalDate) v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            vars.put(schema.fields().get(i).name(), v);
        }
        try {
            Object r = program.eval(vars);
            if (r instanceof Boolean || r instanceof Long || r instanceof Double) {
                return r;
            }
            return UNDEFINED; // an unknown set
        } catch (Exception e) {
            return UNDEFINED; // an evaluation error
        }
    }
}
