package io.remotebank.releasechecks;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The rules of the house (ARCHITECTURE.md), each a function from what the build produced to the
 * list of violations, so that each rule can be tested against a bad example.
 */
@API(status = INTERNAL, since = "0.1")
public final class HouseRules {

    private HouseRules() {}

    /** Every reactor module has a kind, and its rb.published setting agrees with that kind. */
    public static List<String> everyModuleClassified(Reactor reactor) {
        List<String> violations = new ArrayList<>();
        for (Pom module : reactor.modules()) {
            Optional<ModuleKind> kind = ModuleKind.of(module.artifactId());
            if (kind.isEmpty()) {
                violations.add(module.artifactId() + " has no kind: add it to ModuleKind (and to rb-bom if published)");
            } else if (kind.get().published() != reactor.published(module)) {
                violations.add(module.artifactId() + " is " + kind.get() + " but rb.published says "
                        + reactor.published(module));
            }
        }
        return violations;
    }

    /** Feature modules depend neither on one another nor on a provider, in any scope. */
    public static List<String> featureModulesIndependentInPoms(Reactor reactor) {
        List<String> violations = new ArrayList<>();
        for (Pom module : reactor.modules()) {
            if (ModuleKind.of(module.artifactId()).orElse(null) != ModuleKind.FEATURE) {
                continue;
            }
            for (Pom.Dependency dependency : module.dependencies()) {
                ModuleKind kind = dependency.isRemoteBank()
                        ? ModuleKind.of(dependency.artifactId()).orElse(null)
                        : null;
                if (kind == ModuleKind.FEATURE) {
                    violations.add(module.artifactId() + " depends on feature module " + dependency.artifactId()
                            + " (scope " + dependency.scope() + "); wire features together in the application");
                } else if (kind == ModuleKind.PROVIDER) {
                    violations.add(module.artifactId() + " depends on provider " + dependency.artifactId() + " (scope "
                            + dependency.scope() + "); a feature module knows no provider");
                }
            }
        }
        return violations;
    }

    /**
     * A provider depends on exactly one feature module and rb-core (besides third-party libraries);
     * in test scope it may add the unpublished test helpers and rb-testing, but no other feature
     * module and no other provider.
     *
     * @param reactor the reactor
     * @return the violations
     */
    public static List<String> providersDependOnOneFeature(Reactor reactor) {
        List<String> violations = new ArrayList<>();
        for (Pom module : reactor.modules()) {
            if (ModuleKind.of(module.artifactId()).orElse(null) != ModuleKind.PROVIDER) {
                continue;
            }
            Set<String> features = new TreeSet<>();
            for (Pom.Dependency dependency : module.dependencies()) {
                if (!dependency.isRemoteBank()) {
                    continue;
                }
                ModuleKind kind = ModuleKind.of(dependency.artifactId()).orElse(null);
                boolean test = dependency.scope().equals("test");
                if (kind == ModuleKind.FEATURE) {
                    features.add(dependency.artifactId());
                } else if (kind == ModuleKind.PROVIDER) {
                    violations.add(module.artifactId() + " depends on provider " + dependency.artifactId() + " (scope "
                            + dependency.scope() + "); providers stand apart");
                } else if (kind != ModuleKind.CORE
                        && !(test && (kind == ModuleKind.TESTING || kind == ModuleKind.UNPUBLISHED))) {
                    violations.add(module.artifactId() + " depends on " + dependency.artifactId() + " (" + kind
                            + ", scope " + dependency.scope() + "); a provider depends on its feature module and"
                            + " rb-core only");
                }
            }
            if (features.size() != 1) {
                violations.add(module.artifactId() + " depends on feature modules " + features
                        + "; a provider adapts exactly one");
            }
        }
        return violations;
    }

    /**
     * No package is in two published modules: the module path refuses a split package, so a
     * provider's packages must not overlap its feature module's (nor anyone else's).
     *
     * @param descriptors descriptor by artifact id
     * @return the violations, one per shared package
     */
    public static List<String> noSplitPackages(Map<String, ModuleDescriptor> descriptors) {
        Map<String, Set<String>> owners = new java.util.TreeMap<>();
        for (Map.Entry<String, ModuleDescriptor> entry : descriptors.entrySet()) {
            for (String pkg : entry.getValue().packages()) {
                owners.computeIfAbsent(pkg, p -> new TreeSet<>()).add(entry.getKey());
            }
        }
        List<String> violations = new ArrayList<>();
        owners.forEach((pkg, artifacts) -> {
            if (artifacts.size() > 1) {
                violations.add("package " + pkg + " is split between " + artifacts);
            }
        });
        return violations;
    }

    /**
     * The module descriptor of each published Java module: named as its POM says, exporting and
     * opening no internal package, and (for a feature module) requiring no other feature module.
     *
     * @param descriptors descriptor by artifact id
     * @param moduleNames the JPMS name each artifact's POM declares ({@code rb.module})
     * @return the violations
     */
    public static List<String> moduleDescriptors(
            Map<String, ModuleDescriptor> descriptors, Map<String, String> moduleNames) {
        List<String> violations = new ArrayList<>();
        Map<String, String> artifactByModule =
                moduleNames.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        for (Map.Entry<String, ModuleDescriptor> entry : descriptors.entrySet()) {
            String artifact = entry.getKey();
            ModuleDescriptor descriptor = entry.getValue();
            String expected = moduleNames.get(artifact);
            if (!descriptor.name().equals(expected)) {
                violations.add(artifact + " is module " + descriptor.name() + " but its POM says " + expected);
            }
            for (ModuleDescriptor.Exports export : descriptor.exports()) {
                if (isInternal(export.source())) {
                    violations.add(artifact + " exports internal package " + export.source());
                }
            }
            for (ModuleDescriptor.Opens open : descriptor.opens()) {
                if (isInternal(open.source()) && !open.isQualified()) {
                    violations.add(artifact + " opens internal package " + open.source() + " to everyone");
                }
            }
            if (descriptor.isOpen()) {
                violations.add(artifact + " is an open module: every package, internal ones too, is open");
            }
            ModuleKind kind = ModuleKind.of(artifact).orElse(null);
            if (kind == ModuleKind.FEATURE || kind == ModuleKind.PROVIDER) {
                // Sorted: a descriptor's requires are a set, and the message must not change from run to run.
                Set<String> features = new TreeSet<>();
                for (ModuleDescriptor.Requires requires : descriptor.requires()) {
                    String other = artifactByModule.get(requires.name());
                    ModuleKind otherKind =
                            other == null ? null : ModuleKind.of(other).orElse(null);
                    if (otherKind == ModuleKind.FEATURE) {
                        features.add(requires.name());
                    } else if (otherKind == ModuleKind.PROVIDER) {
                        violations.add(artifact + " requires provider " + requires.name());
                    }
                }
                if (kind == ModuleKind.FEATURE) {
                    features.forEach(f -> violations.add(artifact + " requires feature module " + f));
                } else if (features.size() != 1) {
                    violations.add(
                            artifact + " requires feature modules " + features + "; a provider adapts exactly one");
                }
            }
        }
        return violations;
    }

    /**
     * A published module that exports an API publishes its javadoc: the skip that a module without
     * API needs (javadoc refuses to document nothing) must go once it exports a package.
     *
     * @param descriptors descriptor by artifact id
     * @param reactor the reactor, for each module's {@code maven.javadoc.skip}
     * @return the violations
     */
    public static List<String> javadocForEveryApi(Map<String, ModuleDescriptor> descriptors, Reactor reactor) {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, ModuleDescriptor> entry : descriptors.entrySet()) {
            boolean skips = reactor.module(entry.getKey())
                    .flatMap(m -> m.property("maven.javadoc.skip"))
                    .map(Boolean::parseBoolean)
                    .orElse(false);
            if (skips && !entry.getValue().exports().isEmpty()) {
                violations.add(entry.getKey() + " exports "
                        + entry.getValue().exports().size()
                        + " package(s) but skips javadoc: remove maven.javadoc.skip from its POM");
            }
        }
        return violations;
    }

    /**
     * No class uses another module's internal package; no feature module's class uses another
     * feature module's classes or a provider's; a provider's classes use no other provider's and
     * those of one feature module at most.
     *
     * @param classesByArtifact the classes (main and test) built by each module
     * @param rootPackages each module's root package by artifact id
     * @return the violations, one per offending class and target
     */
    public static List<String> classDependencies(
            Map<String, JavaClasses> classesByArtifact, Map<String, String> rootPackages) {
        Set<String> violations = new TreeSet<>();
        for (Map.Entry<String, JavaClasses> entry : classesByArtifact.entrySet()) {
            String artifact = entry.getKey();
            ModuleKind kind = ModuleKind.of(artifact).orElse(null);
            boolean feature = kind == ModuleKind.FEATURE;
            boolean provider = kind == ModuleKind.PROVIDER;
            Set<String> featuresUsed = new TreeSet<>();
            for (JavaClass javaClass : entry.getValue()) {
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    String targetPackage = target.getPackageName();
                    Optional<String> owner = owner(targetPackage, rootPackages);
                    if (owner.isEmpty() || owner.get().equals(artifact)) {
                        continue;
                    }
                    if (isInternal(targetPackage)) {
                        violations.add(artifact + ": " + javaClass.getName() + " uses " + target.getName()
                                + ", internal to " + owner.get());
                    }
                    ModuleKind ownerKind = ModuleKind.of(owner.get()).orElse(null);
                    if (feature && ownerKind == ModuleKind.FEATURE) {
                        violations.add(artifact + ": " + javaClass.getName() + " uses " + target.getName()
                                + " of feature module " + owner.get());
                    }
                    if ((feature || provider) && ownerKind == ModuleKind.PROVIDER) {
                        violations.add(artifact + ": " + javaClass.getName() + " uses " + target.getName()
                                + " of provider " + owner.get());
                    }
                    if (provider && ownerKind == ModuleKind.FEATURE) {
                        featuresUsed.add(owner.get());
                    }
                }
            }
            if (featuresUsed.size() > 1) {
                violations.add(artifact + ": uses classes of feature modules " + featuresUsed
                        + "; a provider adapts exactly one");
            }
        }
        return List.copyOf(violations);
    }

    /** What reads the JVM's time or waits on it directly, by owner and member name. */
    private static final Set<String> TIME_READS = Set.of(
            "java.lang.System.nanoTime",
            "java.lang.System.currentTimeMillis",
            "java.lang.Thread.sleep",
            "java.util.concurrent.TimeUnit.sleep",
            "java.time.Clock.systemUTC",
            "java.time.Clock.systemDefaultZone",
            "java.util.concurrent.locks.LockSupport.parkNanos");

    /** The java.time types whose {@code now()} without a clock reads the JVM's clock. */
    private static final Set<String> NOW_WITHOUT_CLOCK = Set.of(
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.time.LocalTime",
            "java.time.OffsetDateTime",
            "java.time.OffsetTime",
            "java.time.ZonedDateTime",
            "java.time.Year",
            "java.time.YearMonth",
            "java.time.MonthDay");

    /**
     * House rule 6: time is injected. No main class of a published module reads the JVM's clock or
     * sleeps, except rb-core's time packages ({@code Ticker.system()}, {@code Scheduler.system()},
     * {@code Clocks.system()}), the one place that does, so that everything else runs on virtual
     * time in tests, the simulator and the demo. A builder's default clock is {@code
     * Clocks.system()}, never {@code Clock.systemUTC()} itself: the rule can then tell a default
     * (injectable) from a component reading the JVM's clock where it needs the time. {@code now()}
     * of a java.time type counts without a clock argument only; {@code now(clock)} is injected time.
     *
     * @param mainClassesByArtifact the main classes of each published module
     * @param allowed classes allowed to read the JVM's time (rb-core's time packages)
     * @return the violations, one per class and call
     */
    public static List<String> timeIsInjected(
            Map<String, JavaClasses> mainClassesByArtifact, java.util.function.Predicate<JavaClass> allowed) {
        Set<String> violations = new TreeSet<>();
        for (Map.Entry<String, JavaClasses> entry : mainClassesByArtifact.entrySet()) {
            for (JavaClass javaClass : entry.getValue()) {
                if (allowed.test(javaClass)) {
                    continue;
                }
                for (JavaAccess<?> access : javaClass.getAccessesFromSelf()) {
                    String owner = access.getTargetOwner().getName();
                    String target = owner + "." + access.getName();
                    if (TIME_READS.contains(target) || readsNowWithoutClock(access, owner)) {
                        violations.add(entry.getKey() + ": " + javaClass.getName() + " calls " + target
                                + " (take a Clock, Ticker or Scheduler instead)");
                    }
                }
            }
        }
        return List.copyOf(violations);
    }

    private static boolean readsNowWithoutClock(JavaAccess<?> access, String owner) {
        return access.getName().equals("now")
                && NOW_WITHOUT_CLOCK.contains(owner)
                && access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target
                && target.getRawParameterTypes().isEmpty();
    }

    /**
     * An error code as its module declares it: the enum constant's code and the one exception class
     * it is thrown with ({@code ErrorCode.exceptionType()}).
     *
     * @param artifact the module
     * @param owner the error enum's class name
     * @param code the code, e.g. {@code routing.queue.unknown}
     * @param exceptionType the declared exception class's name ({@code io.remotebank.core.RbException}
     *     when the code declares none)
     */
    @API(status = INTERNAL, since = "0.1")
    public record DeclaredCode(String artifact, String owner, String code, String exceptionType) {}

    static final String RB_EXCEPTION = "io.remotebank.core.RbException";

    /**
     * One code, one exception class, both documented: every error code of a published module
     * declares the one {@code RbException} subclass it is thrown with (a public, {@code @API} class
     * of rb-core or of its own module); the module's guides ({@code docs/<artifact>*.md}) list the
     * code in an error table row {@code | `code` | `Class` | meaning |}; and every public {@code
     * RbException} subclass of a published module is the class of at least one code, so that the API
     * throws only documented exception classes. At run time {@code RbException}'s constructor asserts
     * the pairing.
     *
     * @param codes every declared code
     * @param mainClassesByArtifact the main classes of each published module (the exception classes)
     * @param guidesByArtifact the text of each module's guides
     * @param pending error enums and exception classes not yet declared, by class name (to be emptied)
     * @return the violations
     */
    public static List<String> errorCodesPairedWithOneDocumentedClass(
            List<DeclaredCode> codes,
            Map<String, JavaClasses> mainClassesByArtifact,
            Map<String, String> guidesByArtifact,
            Set<String> pending) {
        Set<String> violations = new TreeSet<>();
        Map<String, JavaClass> exceptions = new java.util.HashMap<>();
        Map<String, String> exceptionArtifact = new java.util.HashMap<>();
        for (Map.Entry<String, JavaClasses> entry : mainClassesByArtifact.entrySet()) {
            for (JavaClass javaClass : entry.getValue()) {
                if (!javaClass.getName().equals(RB_EXCEPTION) && javaClass.isAssignableTo(RB_EXCEPTION)) {
                    exceptions.put(javaClass.getName(), javaClass);
                    exceptionArtifact.put(javaClass.getName(), entry.getKey());
                }
            }
        }
        Set<String> declaredTypes = new java.util.HashSet<>();
        Map<String, String> firstOwner = new java.util.HashMap<>();
        for (DeclaredCode code : codes) {
            String where = code.artifact() + ": " + code.owner() + " " + code.code();
            String previous = firstOwner.putIfAbsent(code.code(), code.owner());
            if (previous != null) {
                violations.add(where + " is also declared by " + previous + ": a code names one thing");
            }
            if (pending.contains(code.owner())) {
                continue;
            }
            if (code.exceptionType().equals(RB_EXCEPTION)) {
                violations.add(where + " declares no exception class: override ErrorCode.exceptionType()");
                continue;
            }
            declaredTypes.add(code.exceptionType());
            JavaClass type = exceptions.get(code.exceptionType());
            String typeArtifact = exceptionArtifact.get(code.exceptionType());
            if (type == null) {
                violations.add(where + " declares " + code.exceptionType()
                        + ", which is not an RbException subclass of a published module");
                continue;
            }
            if (!typeArtifact.equals(code.artifact()) && !typeArtifact.equals("rb-core")) {
                violations.add(where + " declares " + code.exceptionType() + " of " + typeArtifact
                        + ": a module's codes are thrown with its own or rb-core's exceptions");
            }
            if (!isPubliclyVisible(type) || !type.isAnnotatedWith(API.class)) {
                violations.add(where + " declares " + code.exceptionType() + ", which is not a public @API class");
            }
            String guide = guidesByArtifact.getOrDefault(code.artifact(), "");
            String row = "| `" + code.code() + "` |";
            String listed = guide.lines()
                    .filter(line -> line.startsWith(row))
                    .findFirst()
                    .orElse(null);
            if (listed == null) {
                violations.add(where + " is not in an error table of the module's guide (docs/" + code.artifact()
                        + "*.md: | code | exception | meaning |)");
            } else if (!listed.startsWith(row + " `" + type.getSimpleName() + "` |")) {
                violations.add(where + " is listed in the guide without its exception class " + type.getSimpleName()
                        + ": " + listed);
            }
        }
        for (Map.Entry<String, JavaClass> entry : exceptions.entrySet()) {
            JavaClass type = entry.getValue();
            if (isPubliclyVisible(type)
                    && !type.getModifiers().contains(JavaModifier.ABSTRACT)
                    && !declaredTypes.contains(entry.getKey())
                    && !pending.contains(entry.getKey())) {
                violations.add(exceptionArtifact.get(entry.getKey()) + ": " + entry.getKey()
                        + " is thrown with no error code that declares it: give it codes or remove it");
            }
        }
        return List.copyOf(violations);
    }

    /**
     * Every public type of a published module declares its stability with apiguardian's {@code @API}.
     *
     * @param mainClasses the main (not test) classes of published modules
     * @return the violations
     */
    public static List<String> apiStatusDeclared(Collection<JavaClass> mainClasses) {
        List<String> violations = new ArrayList<>();
        for (JavaClass javaClass : mainClasses) {
            if (!isPubliclyVisible(javaClass) || javaClass.getSimpleName().equals("package-info")) {
                continue;
            }
            if (!javaClass.isAnnotatedWith(API.class)) {
                violations.add(javaClass.getName() + " is public but has no @API(status = ..., since = ...)");
            }
        }
        violations.sort(null);
        return violations;
    }

    private static boolean isPubliclyVisible(JavaClass javaClass) {
        if (javaClass.isAnonymousClass()
                || javaClass.isLocalClass()
                || javaClass.getName().endsWith("module-info")) {
            return false;
        }
        for (Optional<JavaClass> c = Optional.of(javaClass);
                c.isPresent();
                c = c.get().getEnclosingClass()) {
            if (!c.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    /** The module whose root package is the longest prefix of a package. */
    static Optional<String> owner(String packageName, Map<String, String> rootPackages) {
        String best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> entry : rootPackages.entrySet()) {
            String root = entry.getValue();
            if ((packageName.equals(root) || packageName.startsWith(root + ".")) && root.length() > bestLength) {
                best = entry.getKey();
                bestLength = root.length();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a package is, or is inside, an {@code internal} package. */
    static boolean isInternal(String packageName) {
        for (String segment : packageName.split("\\.")) {
            if (segment.equals("internal")) {
                return true;
            }
        }
        return false;
    }
}
