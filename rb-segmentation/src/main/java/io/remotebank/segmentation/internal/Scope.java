package io.remotebank.segmentation.internal;

import java.util.HashMap;
import java.util.Map;

/** The fields visible at one point of a PMML document: data fields, derived fields, earlier outputs. */
final class Scope {

    /** A field as expressions see it. */
    static final class Field {
        final String name;
        final Expr expr;
        final Expr.Kind kind;
        final boolean continuous;

        Field(String name, Expr expr, Expr.Kind kind, boolean continuous) {
            this.name = name;
            this.expr = expr;
            this.kind = kind;
            this.continuous = continuous;
        }
    }

    private final Scope parent;
    private final Map<String, Field> fields = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    void define(XmlNode at, Field field) {
        if (fields.containsKey(field.name)) {
            throw at.invalid("field '" + field.name + "' is defined twice in the same scope");
        }
        fields.put(field.name, field);
    }

    Field find(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Field f = s.fields.get(name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    Field resolve(String name, XmlNode at) {
        Field f = find(name);
        if (f == null) {
            throw at.invalid("field '" + name + "' is not defined");
        }
        return f;
    }
}
