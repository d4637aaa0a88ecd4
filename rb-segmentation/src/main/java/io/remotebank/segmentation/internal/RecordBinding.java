package io.remotebank.segmentation.internal;

import io.remotebank.segmentation.SegmentationError;
import io.remotebank.segmentation.SegmentationException;
import io.remotebank.segmentation.model.RecordScorer;
import io.remotebank.segmentation.model.Result;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/** Reads a Java record's components through method handles: primitives as doubles, without boxing. */
final class RecordBinding<R extends Record> implements RecordScorer<R> {

    private final CompiledEvaluator evaluator;
    private final Class<R> type;
    /** Per input: a handle (Object)double, or null. */
    private final MethodHandle[] numeric;
    /** Per input: a handle (Object)Object, or null. */
    private final MethodHandle[] objects;

    RecordBinding(CompiledEvaluator evaluator, Class<R> type, MethodHandles.Lookup lookup) {
        if (type == null || !type.isRecord() || lookup == null) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "a record class and a lookup are required");
        }
        this.evaluator = evaluator;
        this.type = type;
        int n = evaluator.bindings.length;
        numeric = new MethodHandle[n];
        objects = new MethodHandle[n];
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < n; i++) {
            RecordComponent c = find(components, evaluator.bindings[i].name);
            if (c == null) {
                continue;
            }
            MethodHandle h;
            try {
                h = lookup.unreflect(c.getAccessor());
            } catch (IllegalAccessException e) {
                throw new SegmentationException(
                        SegmentationError.ARGUMENT_INVALID,
                        "the lookup cannot read component '" + c.getName() + "' of " + type.getName(),
                        e);
            }
            Class<?> t = c.getType();
            if (t.isPrimitive() && t != boolean.class && t != char.class) {
                numeric[i] = h.asType(MethodType.methodType(double.class, Object.class));
            } else {
                objects[i] = h.asType(MethodType.methodType(Object.class, Object.class));
            }
        }
    }

    private static RecordComponent find(RecordComponent[] components, String field) {
        for (RecordComponent c : components) {
            if (c.getName().equals(field)) {
                return c;
            }
        }
        String wanted = simplify(field);
        for (RecordComponent c : components) {
            if (simplify(c.getName()).equals(wanted)) {
                return c;
            }
        }
        return null;
    }

    private static String simplify(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public void score(R record, Result into) {
        if (!type.isInstance(record)) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "record is not a " + type.getName());
        }
        if (!(into instanceof FrameResult) || ((FrameResult) into).evaluator != evaluator) {
            throw new SegmentationException(
                    SegmentationError.ARGUMENT_INVALID, "the result was not created by this evaluator");
        }
        Frame f = ((FrameResult) into).frame;
        f.next();
        double[] v = f.v;
        InputBinding[] bindings = evaluator.bindings;
        try {
            for (int i = 0; i < bindings.length; i++) {
                InputBinding b = bindings[i];
                if (numeric[i] != null) {
                    v[b.slot] = b.bindNumber((double) numeric[i].invokeExact((Object) record));
                } else if (objects[i] != null) {
                    v[b.slot] = b.bind((Object) objects[i].invokeExact((Object) record));
                } else {
                    v[b.slot] = b.bind(null);
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new SegmentationException(SegmentationError.ARGUMENT_INVALID, "a record accessor failed", t);
        }
        evaluator.scoreBound(f);
    }
}
