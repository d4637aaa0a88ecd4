package io.remotebank.releasechecks;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The public API of a published module as text, one line per type and member, so that a change to
 * it shows in review as a change to a committed file (what Kotlin's binary-compatibility validator
 * does with its {@code .api} files).
 *
 * <p>The API is every public or protected type of an exported package, reachable from outside
 * (its enclosing types are too), with its {@code @API} status, its supertypes and its public and
 * protected members (protected ones only where a subclass can exist). Each line starts with the
 * type's name: {@code "a.b.C : header"} for the type, {@code "a.b.C | member"} for each member,
 * written as {@code toGenericString} writes it without the declaring type's name. Synthetic and
 * bridge members are left out. Lines are sorted, so each type's header comes first, then its
 * members, and the order of reflection does not matter.
 */
@API(status = INTERNAL, since = "0.1")
public final class ApiSignatures {

    private ApiSignatures() {}

    /**
     * The API of a module.
     *
     * @param classes the module's compiled classes
     * @param descriptor its module descriptor (which packages it exports)
     * @param loader a loader that can load those classes and what their signatures name
     * @return the lines of its signature file
     */
    public static List<String> of(Path classes, ModuleDescriptor descriptor, ClassLoader loader) {
        Set<String> exported = descriptor.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        for (String className : classNames(classes)) {
            String pkg = className.substring(0, Math.max(0, className.lastIndexOf('.')));
            if (!exported.contains(pkg)) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + className + " to read its API: " + e, e);
            }
            if (visible(type)) {
                lines.addAll(describe(type));
            }
        }
        lines.sort(Comparator.naturalOrder());
        return lines;
    }

    /**
     * The differences between a committed signature file and the API as built.
     *
     * @param committed the file's lines (empty when there is no file)
     * @param built what the build produced
     * @return {@code "- line"} for each line gone, {@code "+ line"} for each line new
     */
    public static List<String> diff(List<String> committed, List<String> built) {
        TreeSet<String> gone = new TreeSet<>(committed);
        built.forEach(gone::remove);
        TreeSet<String> added = new TreeSet<>(built);
        committed.forEach(added::remove);
        List<String> out = new ArrayList<>();
        gone.forEach(l -> out.add("- " + l));
        added.forEach(l -> out.add("+ " + l));
        return out;
    }

    /**
     * The removals a change makes to types the committed file declares STABLE: what breaks a
     * promise. A type's header line going from STABLE to another status counts too.
     *
     * @param committed the file's lines
     * @param built what the build produced
     * @return the lines removed from STABLE types
     */
    public static List<String> breaking(List<String> committed, List<String> built) {
        Set<String> stable = new TreeSet<>();
        for (String line : committed) {
            int header = line.indexOf(" : ");
            if (header > 0 && line.contains(" @API(STABLE,")) {
                stable.add(line.substring(0, header));
            }
        }
        Set<String> now = new TreeSet<>(built);
        List<String> out = new ArrayList<>();
        for (String line : committed) {
            int end = line.indexOf(line.contains(" : ") ? " : " : " | ");
            String type = end > 0 ? line.substring(0, end) : line;
            if (stable.contains(type) && !now.contains(line)) {
                out.add("- " + line);
            }
        }
        return out;
    }

    /** A type is API when it and every type enclosing it are public or protected. */
    private static boolean visible(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            int m = t.getModifiers();
            if (!Modifier.isPublic(m) && !Modifier.isProtected(m)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> describe(Class<?> type) {
        String name = type.getName().replace('$', '.');
        List<String> lines = new ArrayList<>();
        // "a.b.C : public final class C<T> @API(...)": the header sorts before the members ("a.b.C | ...").
        String generic = type.toGenericString().replace(type.getName(), type.getSimpleName());
        StringBuilder head = new StringBuilder(name + " : " + generic.replace('$', '.'));
        API api = type.getAnnotation(API.class);
        head.append(api == null ? " @API(none)" : " @API(" + api.status() + ", since " + api.since() + ")");
        if (type.getGenericSuperclass() != null
                && type.getSuperclass() != Object.class
                && !type.isEnum()
                && !type.isRecord()) {
            head.append(" extends ")
                    .append(type.getGenericSuperclass().getTypeName().replace('$', '.'));
        }
        if (type.getGenericInterfaces().length > 0) {
            head.append(type.isInterface() ? " extends " : " implements ")
                    .append(Stream.of(type.getGenericInterfaces())
                            .map(t -> t.getTypeName().replace('$', '.'))
                            .collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            head.append(" permits ")
                    .append(Stream.of(type.getPermittedSubclasses())
                            .map(c -> c.getName().replace('$', '.'))
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        lines.add(head.toString());
        boolean subclassable =
                !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isRecord() && !type.isSealed();
        for (Field f : type.getDeclaredFields()) {
            if (!f.isSynthetic() && exposed(f.getModifiers(), subclassable)) {
                lines.add(name + " | " + strip(f.toGenericString(), type));
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (!c.isSynthetic() && exposed(c.getModifiers(), subclassable)) {
                lines.add(name + " | " + strip(c.toGenericString(), type));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!m.isSynthetic() && !m.isBridge() && exposed(m.getModifiers(), subclassable)) {
                lines.add(name + " | " + strip(m.toGenericString(), type));
            }
        }
        return lines;
    }

    private static boolean exposed(int modifiers, boolean subclassable) {
        return Modifier.isPublic(modifiers) || (subclassable && Modifier.isProtected(modifiers));
    }

    /** {@code public static T a.b.C.notNull(T,java.lang.String)} without the {@code a.b.C.} part. */
    private static String strip(String signature, Class<?> owner) {
        String qualified = owner.getName() + ".";
        String text = signature.replace(qualified, "");
        if (signature.contains(owner.getName() + "(")) { // a constructor: keep its simple name
            text = signature.replace(owner.getName() + "(", owner.getSimpleName() + "(");
        }
        return text.replace('$', '.');
    }

    private static List<String> classNames(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString())
                    .filter(p -> !p.equals("module-info.class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
